// Canned notes: supervisors keep them; agents pick one (in the note box or the Resolve dialog)
// and the console fills in the order id and the customer's name ({orderId}, {customerName}). Each
// says who it is written for: the team (internal) or the customer (a reply the agent sends).
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { CannedNote } from '../api/case-schemas.ts'
import type { Selectable } from 'kysely'
import { createAppState } from '../db/app-state.ts'
import type { CannedNotesTable } from '../db/schema.ts'

/** app_state key: the default notes were written once (after that, supervisors decide). */
const SEEDED_KEY = 'canned-notes.seeded'

const DEFAULTS: Array<Pick<CannedNote, 'title' | 'body' | 'audience'>> = [
  {
    title: 'Refund issued',
    body: 'Hello {customerName}, we are sorry order {orderId} did not reach you. We have issued a full refund; you will see it within 3–5 business days.',
    audience: 'customer',
  },
  {
    title: 'Replacement sent',
    body: 'Hello {customerName}, we have sent a replacement for order {orderId} at no cost. You will get a new tracking number by email.',
    audience: 'customer',
  },
  {
    // Goes with the proof-of-delivery sheet (proof-sheet/), pasted or attached beside it.
    title: 'Proof of delivery attached',
    body: 'Hello {customerName}, our delivery record for order {orderId} shows it was left at your address. The attached proof-of-delivery sheet has the photo, the time and the place it was left. Could you check there and with your neighbours? If it is still missing, reply and we will sort it out.',
    audience: 'customer',
  },
  {
    title: 'Found by customer',
    body: 'The customer found the package for order {orderId}. No further action needed.',
    audience: 'internal',
  },
  {
    title: 'Delivered to neighbour',
    body: 'The photo and drop-off location show order {orderId} was left with a neighbour; {customerName} was told where to collect it.',
    audience: 'internal',
  },
]

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
      for (const d of DEFAULTS) upsert.run(randomUUID(), d.title, d.body, d.audience, now, null)
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
