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
  const maxRowid = sqlite.prepare<[], { n: number }>('SELECT max(rowid) AS n FROM deliveries').get()
  const byRowid = sqlite.prepare<[number], Source>(
    `SELECT id, order_id, tracking_number, customer_name, customer_email, address_line1
     FROM deliveries WHERE rowid = ?`,
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
      const row = byRowid.get(between(1, maxRowid?.n ?? 1))
      const text = row ? typed[kind](row) : null
      if (row && text) list.push({ kind, text, deliveryId: row.id })
    }
    out[kind] = list
  }
  return out
}
