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
  away_m: number | null
}

const COLUMNS = `d.id, d.order_id, d.tracking_number, d.customer_name, d.address_line1, d.city,
  d.delivered_at, d.photo_withheld, d.away_m,
  (SELECT count(*) FROM delivery_photos p WHERE p.delivery_id = d.id) AS photo_count`

// Id prefixes are range scans on their indexes: `order_id >= q AND order_id < q || U+FFFF`.
const ID_MATCHES = `
  SELECT rowid FROM deliveries WHERE order_id >= @lo AND order_id < @hi
  UNION SELECT rowid FROM deliveries WHERE tracking_number >= @tlo AND tracking_number < @thi`

export interface SearchOptions {
  /** Only deliveries flagged "delivered away from the address". */
  awayFromAddress?: boolean
  /** The flag's threshold in metres. */
  thresholdM: number
}

export type DeliverySearch = (
  query: string,
  limit: number,
  options?: SearchOptions,
) => SearchResult[]

export function createDeliverySearch(sqlite: BetterSqlite3.Database): DeliverySearch {
  const withText = sqlite.prepare<Record<string, unknown>, Row>(`
    SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (
      SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH @fts
      UNION ${ID_MATCHES}
    ) ORDER BY d.delivered_at DESC, d.id LIMIT @limit`)
  const flaggedOnly = sqlite.prepare<Record<string, unknown>, Row>(`
    SELECT ${COLUMNS} FROM deliveries d WHERE d.away_m > @threshold
    ORDER BY d.delivered_at DESC, d.id LIMIT @limit`)
  const idsOnly = sqlite.prepare<Record<string, unknown>, Row>(`
    SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (${ID_MATCHES})
    ORDER BY d.delivered_at DESC, d.id LIMIT @limit`)

  return (query, limit, options = { thresholdM: Number.POSITIVE_INFINITY }) => {
    const q = query.normalize('NFC').trim()
    const toResult = resultOf(options.thresholdM)
    if (q === '') {
      return options.awayFromAddress
        ? flaggedOnly.all({ threshold: options.thresholdM, limit }).map(toResult)
        : []
    }
    const upper = q.toUpperCase()
    const params = {
      lo: q,
      hi: `${q}\uffff`,
      tlo: upper,
      thi: `${upper}\uffff`,
      limit,
    }
    const fts = ftsQuery(q)
    // The flag filter narrows a text search after the fact: it is a small subset either way.
    const wanted = options.awayFromAddress ? limit * 20 : limit
    const rows = fts
      ? withText.all({ ...params, limit: wanted, fts })
      : idsOnly.all({ ...params, limit: wanted })
    const results = rows.map(toResult)
    return (options.awayFromAddress ? results.filter((r) => r.awayFromAddress) : results).slice(
      0,
      limit,
    )
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

const resultOf =
  (thresholdM: number) =>
  (row: Row): SearchResult => ({
    deliveryId: row.id,
    orderId: row.order_id,
    trackingNumber: row.tracking_number,
    customerName: row.customer_name,
    street: row.address_line1,
    city: row.city,
    deliveredAt: row.delivered_at,
    hasPhoto: row.photo_withheld === null && row.photo_count > 0,
    photoWithheld: row.photo_withheld as PhotoWithheldReason | null,
    awayFromAddress: row.away_m !== null && row.away_m > thresholdM,
  })
