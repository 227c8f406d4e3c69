// The one search the UI, the browser bridge and the `porchlight search` command share. It runs
// on every keystroke over up to a million deliveries, so its statements are prepared once on the
// raw connection, and each way of matching hands back only its newest few rowids: a delivery's
// rowid is its recency (deliveries/recency-key.ts), so "newest first" is an index order, never a
// sort of every match.
import type BetterSqlite3 from 'better-sqlite3'
import type { SearchResult } from '../api/definition.ts'
import type { PhotoWithheldReason } from '../contract/schemas.ts'
import { planSearch, type PrefixRange, type RangeColumn } from './search-plan.ts'
import { createWordIndex } from './word-index.ts'

export { ftsQuery } from './search-plan.ts'

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
  reused: number
}

const COLUMNS = `d.id, d.order_id, d.tracking_number, d.customer_name, d.address_line1, d.city,
  d.delivered_at, d.photo_withheld, d.away_m,
  (SELECT count(*) FROM delivery_photos p WHERE p.delivery_id = d.id) AS photo_count,
  (d.photo_withheld IS NULL AND EXISTS (SELECT 1 FROM photo_reuse r WHERE r.delivery_id = d.id))
    AS reused`

/** Each range column with the index that orders it and the expression that index covers. */
const RANGE_INDEXES: Record<RangeColumn, { index: string; expression: string }> = {
  order_id: { index: 'deliveries_order_id', expression: 'order_id' },
  tracking_number: { index: 'deliveries_tracking_number', expression: 'tracking_number' },
  phone_digits: { index: 'deliveries_phone_digits', expression: 'phone_digits' },
  email: { index: 'deliveries_email', expression: 'lower(customer_email)' },
}

/**
 * A prefix matching more rows than this is common ("114-", "TBA"): its newest matches are then
 * near the top of the table, and walking the table newest first finds them sooner than sorting
 * every match. Below it, the matches come off the column's index and are sorted here.
 */
const SPARSE_RANGE_CAP = 4000

export interface SearchOptions {
  /** Only deliveries flagged "delivered away from the address". */
  awayFromAddress?: boolean
  /** Only deliveries flagged for a photo that also appears elsewhere (photo-match/). */
  reusedPhoto?: boolean
  /** The flag's threshold in metres. */
  thresholdM: number
}

export type DeliverySearch = (
  query: string,
  limit: number,
  options?: SearchOptions,
) => SearchResult[]

export function createDeliverySearch(sqlite: BetterSqlite3.Database): DeliverySearch {
  const words = createWordIndex(sqlite)
  const ranges = Object.fromEntries(
    Object.entries(RANGE_INDEXES).map(([column, { index, expression }]) => [
      column,
      {
        sparse: sqlite
          .prepare<[string, string, number], number>(
            `SELECT rowid FROM deliveries INDEXED BY ${index}
             WHERE ${expression} >= ? AND ${expression} < ? LIMIT ?`,
          )
          .pluck(),
        dense: sqlite
          .prepare<[string, string, number], number>(
            `SELECT rowid FROM deliveries NOT INDEXED
             WHERE ${expression} >= ? AND ${expression} < ? ORDER BY rowid DESC LIMIT ?`,
          )
          .pluck(),
      },
    ]),
  ) as Record<RangeColumn, { sparse: RowidStatement; dense: RowidStatement }>
  // A run of digits anywhere in a phone number: newest first, stopping at the wanted count.
  const byPhoneRun = sqlite
    .prepare<[string, number], number>(
      `SELECT rowid FROM deliveries NOT INDEXED
       WHERE phone_digits IS NOT NULL AND instr(phone_digits, ?) > 0
       ORDER BY rowid DESC LIMIT ?`,
    )
    .pluck()
  const rowsOf = sqlite.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (SELECT value FROM json_each(?))
     ORDER BY d.rowid DESC`,
  )
  const flaggedOnly = sqlite.prepare<[number, number], Row>(
    `SELECT ${COLUMNS} FROM deliveries d NOT INDEXED WHERE d.away_m > ?
     ORDER BY d.rowid DESC LIMIT ?`,
  )
  // Flagged deliveries are few (photo_reuse holds only those): read them all, newest first.
  const reusedOnly = sqlite.prepare<{ away: number; limit: number }, Row>(
    `SELECT ${COLUMNS} FROM photo_reuse r JOIN deliveries d ON d.id = r.delivery_id
     WHERE d.photo_withheld IS NULL AND (@away < 0 OR d.away_m > @away)
     ORDER BY d.rowid DESC LIMIT @limit`,
  )

  function newestInRange({ column, lo, hi }: PrefixRange, wanted: number): number[] {
    const statements = ranges[column]
    const matches = statements.sparse.all(lo, hi, SPARSE_RANGE_CAP)
    if (matches.length < SPARSE_RANGE_CAP) return matches.sort((a, b) => b - a).slice(0, wanted)
    return statements.dense.all(lo, hi, wanted)
  }

  return (query, limit, options = { thresholdM: Number.POSITIVE_INFINITY }) => {
    const toResult = resultOf(options.thresholdM)
    const plan = planSearch(query)
    const keep = (r: SearchResult) =>
      (!options.awayFromAddress || r.awayFromAddress) && (!options.reusedPhoto || r.reusedPhoto)
    if (plan === null) {
      if (options.reusedPhoto) {
        const away = options.awayFromAddress ? options.thresholdM : -1
        return reusedOnly.all({ away, limit }).map(toResult)
      }
      return options.awayFromAddress ? flaggedOnly.all(options.thresholdM, limit).map(toResult) : []
    }
    // A flag narrows a text search after the fact: it is a small subset either way.
    const filtered = options.awayFromAddress || options.reusedPhoto
    const wanted = filtered ? limit * 20 : limit
    const found = new Set<number>()
    if (plan.words !== null)
      for (const rowid of words.newestMatching(plan.words, wanted)) found.add(rowid)
    for (const range of plan.ranges)
      for (const rowid of newestInRange(range, wanted)) found.add(rowid)
    if (plan.phoneRun !== null) {
      // Stored digits drop a leading US country code; so does the run, when it starts with one.
      const run =
        plan.phoneRun.length === 11 && plan.phoneRun.startsWith('1')
          ? plan.phoneRun.slice(1)
          : plan.phoneRun
      for (const rowid of byPhoneRun.all(run, wanted)) found.add(rowid)
    }
    // The newest `wanted` of all the ways together are among the newest `wanted` of each.
    const newest = [...found].sort((a, b) => b - a).slice(0, wanted)
    if (newest.length === 0) return []
    const results = rowsOf.all(JSON.stringify(newest)).map(toResult)
    return (filtered ? results.filter(keep) : results).slice(0, limit)
  }
}

type RowidStatement = BetterSqlite3.Statement<[string, string, number], number>

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
    reusedPhoto: row.reused === 1,
  })
