// Work made on this computer that has not reached the delivery service, per author: case changes
// (pending, or in a conflict that only their author can settle) and photo views not yet
// reported. On a shared computer it belongs to whoever did it: sent only under their sign-in,
// and erased by someone else only as a supervisor's decision that names them (privacy-handlers).
import type BetterSqlite3 from 'better-sqlite3'

export interface AuthorsUnsentWork {
  userId: string
  name: string
  caseChanges: number
  photoViews: number
  /** Unsent case changes per case id, for the audit entry when they are erased. */
  cases: Record<string, number>
}

export function createUnsentWorkReader(sqlite: BetterSqlite3.Database) {
  const caseChanges = sqlite.prepare<
    [],
    { user_id: string; name: string; case_id: string; n: number; first: number }
  >(
    `SELECT actor_id AS user_id, max(actor_name) AS name, case_id, count(*) AS n, min(seq) AS first
     FROM case_events WHERE state IN ('pending', 'conflict') GROUP BY actor_id, case_id`,
  )
  const photoViews = sqlite.prepare<
    [],
    { user_id: string; name: string | null; n: number; first: number }
  >(
    `SELECT v.user_id, u.name, count(*) AS n, min(v.seq) AS first FROM photo_views v
     LEFT JOIN known_users u ON u.id = v.user_id
     WHERE v.sent_at IS NULL GROUP BY v.user_id`,
  )

  /** Everyone's unsent work, oldest author first. */
  function byAuthor(): AuthorsUnsentWork[] {
    const authors = new Map<string, AuthorsUnsentWork & { first: number }>()
    const author = (userId: string, name: string | null, first: number) => {
      let entry = authors.get(userId)
      if (!entry) {
        entry = { userId, name: name ?? userId, caseChanges: 0, photoViews: 0, cases: {}, first }
        authors.set(userId, entry)
      }
      entry.first = Math.min(entry.first, first)
      return entry
    }
    for (const row of caseChanges.all()) {
      const entry = author(row.user_id, row.name, row.first)
      entry.caseChanges += row.n
      entry.cases[row.case_id] = row.n
    }
    for (const row of photoViews.all()) author(row.user_id, row.name, row.first).photoViews = row.n
    return [...authors.values()]
      .sort((a, b) => a.first - b.first)
      .map(({ first: _first, ...rest }) => rest)
  }

  return { byAuthor }
}

/** "Alex Rivera's 2 unsent changes and Jordan Lee's 1 unsent change". */
export function othersWorkInWords(others: ReadonlyArray<AuthorsUnsentWork>): string {
  const parts = others.map((o) => {
    const n = o.caseChanges + o.photoViews
    return `${o.name}'s ${n} unsent ${n === 1 ? 'change' : 'changes'}`
  })
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
