// The one search the UI, the browser bridge and the `porchlight search` command share. It runs
// on every keystroke over up to a million deliveries, so its statements (deliveries/
// delivery-tables.ts) are prepared once on the connection, and each way of matching hands back
// only its newest few rowids: a delivery's rowid is its recency (deliveries/recency-key.ts), so
// "newest first" is an index order, never a sort of every match.
import type BetterSqlite3 from 'better-sqlite3'
import type { SearchResult } from '../api/definition.ts'
import type { CaseStatus, PhotoWithheldReason } from '../contract/schemas.ts'
import {
  newestAwayFrom,
  newestMatchingWords,
  newestReused,
  newestWithPhoneRun,
  PHONE_RUN_STARTS,
  rowidsInRange,
  rowidsWithPhoneRunAt,
  rowidsWithPhoneRunInLong,
  searchRowsOf,
  type RangeColumn,
} from '../deliveries/delivery-tables.ts'
import type { RowOf } from '../db/typed-sql.ts'
import { AFTER_PREFIX, planSearch, type PrefixRange } from './search-plan.ts'

export { ftsQuery } from './search-plan.ts'

type Row = RowOf<typeof searchRowsOf>

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
  const words = newestMatchingWords.on(sqlite)
  // The sparse reads name their index (INDEXED BY), which a first sync's bulk load drops until
  // its end (deliveries/bulk-load.ts), and which a load a kill interrupted leaves dropped until
  // the next sync ends it. So they are prepared when first used, not here: the console must start
  // and search meanwhile, and without the index the dense read (NOT INDEXED) answers instead.
  const ranges = Object.fromEntries(
    Object.entries(rowidsInRange).map(([column, { sparse, dense }]) => [
      column,
      { sparse: () => sparse.on(sqlite), dense: dense.on(sqlite) },
    ]),
  ) as Record<RangeColumn, { sparse: () => RowidStatement; dense: RowidStatement }>
  const byPhoneRun = newestWithPhoneRun.on(sqlite)
  // Prepared when first used, like the sparse reads above (their indexes may be dropped).
  const phoneRunAt = PHONE_RUN_STARTS.map((k) => () => rowidsWithPhoneRunAt[k].on(sqlite))
  const phoneRunInLong = () => rowidsWithPhoneRunInLong.on(sqlite)
  const awayFrom = newestAwayFrom.on(sqlite)
  const rowsOf = searchRowsOf.on(sqlite)
  const reusedOnly = newestReused.on(sqlite)
  const rowsFor = (rowids: number[]) =>
    rowids.length === 0 ? [] : rowsOf.all({ rowids: JSON.stringify(rowids) })

  function newestInRange({ column, lo, hi }: PrefixRange, wanted: number): number[] {
    const statements = ranges[column]
    let matches: number[]
    try {
      matches = statements.sparse().all(lo, hi, SPARSE_RANGE_CAP)
    } catch (error) {
      if (!isMissingIndex(error)) throw error
      return statements.dense.all(lo, hi, wanted)
    }
    if (matches.length < SPARSE_RANGE_CAP) return matches.sort((a, b) => b - a).slice(0, wanted)
    return statements.dense.all(lo, hi, wanted)
  }

  /**
   * Numbers holding a run of digits anywhere, newest `wanted` first: a range on the index of each
   * digit the run may start at (migration 015; the first digit is the phone_digits range of the
   * plan), and the few long numbers one by one. While those indexes are dropped for a bulk load,
   * or when a run is common, every number is read instead.
   */
  function newestHoldingRun(run: string, wanted: number): number[] {
    const matches = new Set<number>()
    try {
      for (const at of phoneRunAt)
        for (const rowid of at().all(run, run + AFTER_PREFIX, SPARSE_RANGE_CAP)) matches.add(rowid)
      for (const rowid of phoneRunInLong().all(run, SPARSE_RANGE_CAP)) matches.add(rowid)
    } catch (error) {
      if (!isMissingIndex(error)) throw error
      return byPhoneRun.all(run, wanted)
    }
    if (matches.size >= SPARSE_RANGE_CAP) return byPhoneRun.all(run, wanted)
    return [...matches].sort((a, b) => b - a).slice(0, wanted)
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
      return options.awayFromAddress
        ? rowsFor(awayFrom.all(options.thresholdM, limit)).map(toResult)
        : []
    }
    // A flag narrows a text search after the fact: it is a small subset either way.
    const filtered = options.awayFromAddress || options.reusedPhoto
    const wanted = filtered ? limit * 20 : limit
    const found = new Set<number>()
    if (plan.words !== null)
      for (const rowid of words.all({ match: plan.words, limit: wanted })) found.add(rowid)
    for (const range of plan.ranges)
      for (const rowid of newestInRange(range, wanted)) found.add(rowid)
    if (plan.phoneRun !== null) {
      // Stored digits drop a leading US country code; so does the run, when it starts with one.
      const run =
        plan.phoneRun.length === 11 && plan.phoneRun.startsWith('1')
          ? plan.phoneRun.slice(1)
          : plan.phoneRun
      for (const rowid of newestHoldingRun(run, wanted)) found.add(rowid)
    }
    // The newest `wanted` of all the ways together are among the newest `wanted` of each.
    const newest = [...found].sort((a, b) => b - a).slice(0, wanted)
    if (newest.length === 0) return []
    const results = rowsFor(newest).map(toResult)
    return (filtered ? results.filter(keep) : results).slice(0, limit)
  }
}

type RowidStatement = BetterSqlite3.Statement<[string, string, number], number>

/** SQLite's answer to INDEXED BY an index that is not there (dropped for a bulk load). */
function isMissingIndex(error: unknown): boolean {
  return error instanceof Error && /^no such index: /.test(error.message)
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
    reusedPhoto: row.reused === 1,
    caseStatus: (row.case_status as CaseStatus | null) ?? null,
  })
