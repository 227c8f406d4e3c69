// Work made on this computer that has not reached the delivery service, per author: case changes
// (pending, or in a conflict that only their author can settle) and photo views not yet
// reported. On a shared computer it belongs to whoever did it: sent only under their sign-in,
// and erased by someone else only as a supervisor's decision that names them (privacy-handlers).
import type BetterSqlite3 from 'better-sqlite3'
import { unsentViewsByUser } from '../audit/photo-views.ts'
import { unsentEventsByAuthorAndCase } from '../cases/case-tables.ts'
import { personName } from '../api/display-words.ts'
import { createPersonNames } from '../people/person-names.ts'

export interface AuthorsUnsentWork {
  userId: string
  name: string
  caseChanges: number
  photoViews: number
  /** Unsent case changes per case id, for the audit entry when they are erased. */
  cases: Record<string, number>
}

export function createUnsentWorkReader(sqlite: BetterSqlite3.Database) {
  const caseChanges = unsentEventsByAuthorAndCase.on(sqlite)
  const photoViews = unsentViewsByUser.on(sqlite)
  const people = createPersonNames(sqlite)

  /** Everyone's unsent work, oldest author first. */
  function byAuthor(): AuthorsUnsentWork[] {
    const authors = new Map<string, AuthorsUnsentWork & { first: number }>()
    const author = (userId: string, name: string | null, first: number) => {
      let entry = authors.get(userId)
      if (!entry) {
        entry = {
          userId,
          name: personName(userId, name),
          caseChanges: 0,
          photoViews: 0,
          cases: {},
          first,
        }
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
    for (const row of photoViews.all())
      author(row.user_id, people.nameOf(row.user_id), row.first).photoViews = row.n
    return [...authors.values()]
      .sort((a, b) => a.first - b.first)
      .map(({ first: _first, ...rest }) => rest)
  }

  return { byAuthor }
}
