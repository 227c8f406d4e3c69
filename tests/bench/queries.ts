// What agents type into the search box, drawn (seeded) from the cached deliveries: the start of
// an order id, a tracking number, a surname, a street or an email address, cut off at varying
// lengths as partial typing leaves them.
import type BetterSqlite3 from 'better-sqlite3'
import { seededRandom } from './measure.ts'

export const QUERY_KINDS = [
  'order id prefix',
  'tracking number',
  'surname',
  'street',
  'email',
] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

export interface Query {
  kind: QueryKind
  text: string
  /** The delivery it was drawn from. */
  deliveryId: string
}

interface Source {
  id: string
  order_id: string
  tracking_number: string
  customer_name: string
  customer_email: string | null
  address_line1: string
}

export function drawQueries(
  sqlite: BetterSqlite3.Database,
  seed: number,
  perKind: number,
): Record<QueryKind, Query[]> {
  const random = seededRandom(seed)
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const prefix = (text: string, minLength: number) =>
    text.slice(0, between(Math.min(minLength, text.length), text.length)).trimEnd()
  const pick = rowPicker<Source>(
    sqlite,
    'id, order_id, tracking_number, customer_name, customer_email, address_line1',
    random,
  )
  const typed: Record<QueryKind, (row: Source) => string | null> = {
    'order id prefix': (row) => prefix(row.order_id, 7),
    'tracking number': (row) => {
      const text = prefix(row.tracking_number, 8)
      // Typed by hand it is often lower case; the search upper-cases it.
      return random() < 0.33 ? text.toLowerCase() : text
    },
    surname: (row) => {
      const words = row.customer_name.split(/\s+/)
      return prefix(words[words.length - 1] ?? row.customer_name, 3).toLowerCase()
    },
    street: (row) => {
      // "1234 Pine St…" or just "pine st…".
      const line = row.address_line1
      const name = line.replace(/^\d+\s+/, '')
      return random() < 0.5 ? prefix(line, 6).toLowerCase() : prefix(name, 4).toLowerCase()
    },
    email: (row) => (row.customer_email ? prefix(row.customer_email, 4) : null),
  }
  const out = {} as Record<QueryKind, Query[]>
  for (const kind of QUERY_KINDS) {
    const list: Query[] = []
    while (list.length < perKind) {
      const row = pick()
      const text = typed[kind](row)
      if (text) list.push({ kind, text, deliveryId: row.id })
    }
    out[kind] = list
  }
  return out
}

/**
 * Picks deliveries at random, evenly, whatever the rowids are (1…n, or sparse keys in a few
 * far-apart bands): all rowids are read once (8 MB for a million), then drawn from.
 */
export function rowPicker<T>(
  sqlite: BetterSqlite3.Database,
  columns: string,
  random: () => number,
): () => T {
  const count = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM deliveries').get()
  if (!count?.n) throw new Error('the cache holds no deliveries')
  const rowids = new Float64Array(count.n)
  let filled = 0
  const all = sqlite.prepare<[], [number]>('SELECT rowid FROM deliveries').raw()
  for (const [rowid] of all.iterate()) if (filled < rowids.length) rowids[filled++] = rowid
  const at = sqlite.prepare<[number], T>(`SELECT ${columns} FROM deliveries WHERE rowid = ?`)
  return () => at.get(rowids[Math.floor(random() * filled)]!)!
}
