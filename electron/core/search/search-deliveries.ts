// The one search the UI, the browser bridge and the `porchlight search` command share.
// Prepared once on the raw connection: it runs on every keystroke.
import type BetterSqlite3 from 'better-sqlite3'
import type { SearchResult } from '../api/definition.ts'
import type { PhotoWithheldReason } from '../contract/schemas.ts'

interface Row {
  id: string
  order_id: string
  tracking_number: string
  customer_name: string
  address_line1: string
  city: string
  delivered_at: string | null
  photo_withheld: string | null
  photo_count: number
}

const COLUMNS = `d.id, d.order_id, d.tracking_number, d.customer_name, d.address_line1, d.city,
  d.delivered_at, d.photo_withheld,
  (SELECT count(*) FROM delivery_photos p WHERE p.delivery_id = d.id) AS photo_count`

// Id prefixes are range scans on their indexes: `order_id >= q AND order_id < q || U+FFFF`.
const ID_MATCHES = `
  SELECT rowid FROM deliveries WHERE order_id >= @lo AND order_id < @hi
  UNION SELECT rowid FROM deliveries WHERE tracking_number >= @tlo AND tracking_number < @thi`

export type DeliverySearch = (query: string, limit: number) => SearchResult[]

export function createDeliverySearch(sqlite: BetterSqlite3.Database): DeliverySearch {
  const withText = sqlite.prepare<Record<string, unknown>, Row>(`
    SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (
      SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH @fts
      UNION ${ID_MATCHES}
    ) ORDER BY d.delivered_at DESC, d.id LIMIT @limit`)
  const idsOnly = sqlite.prepare<Record<string, unknown>, Row>(`
    SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (${ID_MATCHES})
    ORDER BY d.delivered_at DESC, d.id LIMIT @limit`)

  return (query, limit) => {
    const q = query.normalize('NFC').trim()
    if (q === '') return []
    const upper = q.toUpperCase()
    const params = {
      lo: q,
      hi: `${q}\uffff`,
      tlo: upper,
      thi: `${upper}\uffff`,
      limit,
    }
    const fts = ftsQuery(q)
    const rows = fts ? withText.all({ ...params, fts }) : idsOnly.all(params)
    return rows.map(toResult)
  }
}

/**
 * Turns what the agent typed into an FTS5 query: every word must match as a prefix. Words are
 * runs of letters and digits, quoted, so nothing typed is read as FTS5 syntax.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words.map((w) => `"${w}"*`).join(' ')
}

function toResult(row: Row): SearchResult {
  return {
    deliveryId: row.id,
    orderId: row.order_id,
    trackingNumber: row.tracking_number,
    customerName: row.customer_name,
    street: row.address_line1,
    city: row.city,
    deliveredAt: row.delivered_at,
    hasPhoto: row.photo_withheld === null && row.photo_count > 0,
    photoWithheld: row.photo_withheld as PhotoWithheldReason | null,
  }
}
