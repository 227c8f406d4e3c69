// Canned notes: supervisors keep them; agents pick one (in the note box or the Resolve dialog)
// and the console fills in the order id and the customer's name ({orderId}, {customerName}). Each
// says who it is written for: the team (internal) or the customer (a reply the agent sends).
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { CannedNote } from '../api/case-schemas.ts'
import type { Selectable } from 'kysely'
import { createAppState } from '../db/app-state.ts'
import { t } from '../messages/messages.ts'
import type { CannedNotesTable } from '../db/schema.ts'

/** app_state key: the default notes were written once (after that, supervisors decide). */
const SEEDED_KEY = 'canned-notes.seeded'

/** The first start's notes, in the language spoken then; after that they are the supervisors'. */
function defaults(): Array<Pick<CannedNote, 'title' | 'body' | 'audience'>> {
  return [
    {
      title: t('cases:cannedDefaults.refundTitle'),
      body: t('cases:cannedDefaults.refundBody'),
      audience: 'customer',
    },
    {
      title: t('cases:cannedDefaults.replacementTitle'),
      body: t('cases:cannedDefaults.replacementBody'),
      audience: 'customer',
    },
    {
      // Goes with the proof-of-delivery sheet (proof-sheet/), pasted or attached beside it.
      title: t('cases:cannedDefaults.proofTitle'),
      body: t('cases:cannedDefaults.proofBody'),
      audience: 'customer',
    },
    {
      title: t('cases:cannedDefaults.foundTitle'),
      body: t('cases:cannedDefaults.foundBody'),
      audience: 'internal',
    },
    {
      title: t('cases:cannedDefaults.neighbourTitle'),
      body: t('cases:cannedDefaults.neighbourBody'),
      audience: 'internal',
    },
  ]
}

export function createCannedNotes(sqlite: BetterSqlite3.Database) {
  const all = sqlite.prepare<
    [],
    Pick<Selectable<CannedNotesTable>, 'id' | 'title' | 'body' | 'audience' | 'updated_at'>
  >('SELECT id, title, body, audience, updated_at FROM canned_notes ORDER BY title')
  const count = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM canned_notes')
  const upsert = sqlite.prepare(`
    INSERT INTO canned_notes (id, title, body, audience, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body,
      audience = excluded.audience, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by`)
  const remove = sqlite.prepare('DELETE FROM canned_notes WHERE id = ?')
  const state = createAppState(sqlite)

  // The first start gets a useful set; after that, what supervisors keep is what there is.
  if (state.get(SEEDED_KEY) === null && count.get()?.n === 0) {
    const now = new Date().toISOString()
    sqlite.transaction(() => {
      for (const d of defaults()) upsert.run(randomUUID(), d.title, d.body, d.audience, now, null)
      state.set(SEEDED_KEY, '1')
    })()
  }

  const list = (): CannedNote[] =>
    all.all().map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      audience: r.audience,
      updatedAt: r.updated_at,
    }))
  return {
    list,
    save(note: Pick<CannedNote, 'title' | 'body' | 'audience'> & { id?: string }, by: string) {
      const at = new Date().toISOString()
      upsert.run(note.id ?? randomUUID(), note.title, note.body, note.audience, at, by)
      return list()
    },
    remove(id: string): CannedNote[] {
      remove.run(id)
      return list()
    },
  }
}
