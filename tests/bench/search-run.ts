// The search benchmark's worker, on a copy of the cached million: every drawn query through
// createDeliverySearch exactly as the searchDeliveries handler calls it (limit 50, the location
// threshold from Settings), interleaved with the same SQL as a bare prepared statement; then a
// LIKE '%q%' scan on the first few queries of each kind.
import type BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { createDeliverySearch } from '../../electron/core/search/search-deliveries.ts'
import type { RangeColumn } from '../../electron/core/deliveries/delivery-tables.ts'
import { planSearch, type SearchPlan } from '../../electron/core/search/search-plan.ts'
import { createSettingsStore } from '../../electron/core/settings/settings.ts'
import { maxRssBytes, seededRandom, shuffled, summarize, type Summary } from './measure.ts'
import { drawQueries, QUERY_KINDS, type Query, type QueryKind } from './queries.ts'

export interface SearchRunArgs {
  dataDir: string
  seed: number
  queriesPerKind: number
  rounds: number
  likeQueriesPerKind: number
}

export interface KindResult {
  module: Summary
  bare: Summary
  like: Summary
  /** Mean number of results (of at most 50). */
  meanResults: number
  /** The slowest query: its text, time, and how many rows matched before the LIMIT. */
  slowest: { text: string; ms: number; matched: number | null }
  /** Queries whose results differ between the module and the bench's copy of its SQL. */
  mismatches: string[]
}

export interface SearchRunResult {
  kinds: Record<QueryKind, KindResult>
  /** EXPLAIN QUERY PLAN of the statement for typed text (the one every kind here uses). */
  plan: string[]
  peakRssBytes: number
  queries: number
}

/** What the searchDeliveries handler passes (electron/core/app/porchlight.ts). */
const LIMIT = 50
const WARM_UP_PER_KIND = 10

// The bare twin of the module's search: the same statements (a copy of search-deliveries.ts's
// SQL, to be kept in step by hand) run directly with what the module plans from the typed text
// (search-plan.ts, done before the clock starts). Every query's results are compared with the
// module's, so a twin that drifted shows up as mismatches in the report.
const COLUMNS = `d.id, d.order_id, d.tracking_number, d.customer_name, d.address_line1, d.city,
  d.delivered_at, d.photo_withheld, d.away_m,
  (SELECT count(*) FROM delivery_photos p WHERE p.delivery_id = d.id) AS photo_count`
const RANGES: Record<RangeColumn, { index: string; expression: string }> = {
  order_id: { index: 'deliveries_order_id', expression: 'order_id' },
  tracking_number: { index: 'deliveries_tracking_number', expression: 'tracking_number' },
  phone_digits: { index: 'deliveries_phone_digits', expression: 'phone_digits' },
  email: { index: 'deliveries_email', expression: 'lower(customer_email)' },
}
const SPARSE_RANGE_CAP = 4000
/** The rowids every way of matching finds, all of them (for the diagnosis only). */
const matchesSql = (plan: SearchPlan) =>
  [
    ...(plan.words === null
      ? []
      : ['SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ?']),
    ...plan.ranges.map(
      (r) =>
        `SELECT rowid FROM deliveries WHERE ${RANGES[r.column].expression} >= ? AND ${RANGES[r.column].expression} < ?`,
    ),
  ].join(' UNION ')
const paramsOf = (plan: SearchPlan) => [
  ...(plan.words === null ? [] : [plan.words]),
  ...plan.ranges.flatMap((r) => [r.lo, r.hi]),
]
// The naive design FTS replaced: a substring scan over every searchable column.
const LIKE_SCAN = `
  SELECT ${COLUMNS} FROM deliveries d
  WHERE d.order_id LIKE @q OR d.tracking_number LIKE @q OR d.customer_name LIKE @q
     OR d.customer_email LIKE @q OR d.customer_phone LIKE @q OR d.address_line1 LIKE @q
     OR d.address_line2 LIKE @q OR d.city LIKE @q
  ORDER BY d.rowid DESC LIMIT @limit`

interface Bare {
  run(): Array<{ id: string }>
}

function bareStatements(sqlite: BetterSqlite3.Database) {
  const words = sqlite
    .prepare<[string, number], number>(
      'SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    )
    .pluck()
  const ranges = Object.fromEntries(
    Object.entries(RANGES).map(([column, { index, expression }]) => [
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
  ) as Record<
    RangeColumn,
    Record<'sparse' | 'dense', BetterSqlite3.Statement<[string, string, number], number>>
  >
  const rows = sqlite.prepare<[string], { id: string }>(
    `SELECT ${COLUMNS} FROM deliveries d WHERE d.rowid IN (SELECT value FROM json_each(?))
     ORDER BY d.rowid DESC`,
  )
  return { words, ranges, rows }
}

function bareFor(statements: ReturnType<typeof bareStatements>, text: string): Bare | null {
  const plan = planSearch(text)
  if (plan === null) return null
  return {
    run: () => {
      const found = plan.words === null ? [] : statements.words.all(plan.words, LIMIT)
      for (const r of plan.ranges) {
        const { sparse, dense } = statements.ranges[r.column]
        const some = sparse.all(r.lo, r.hi, SPARSE_RANGE_CAP)
        found.push(...(some.length < SPARSE_RANGE_CAP ? some : dense.all(r.lo, r.hi, LIMIT)))
      }
      const newest = [...new Set(found)].sort((a, b) => b - a).slice(0, LIMIT)
      return newest.length === 0 ? [] : statements.rows.all(JSON.stringify(newest))
    },
  }
}

export async function searchRun(args: SearchRunArgs): Promise<SearchRunResult> {
  const local = await openDatabase(args.dataDir)
  const { sqlite } = local
  const search = createDeliverySearch(sqlite)
  const settings = createSettingsStore(sqlite)
  const thresholdM = settings.get().locationThresholdM
  const statements = bareStatements(sqlite)
  const like = sqlite.prepare<Record<string, unknown>, { id: string }>(LIKE_SCAN)
  const drawn = drawQueries(sqlite, args.seed, args.queriesPerKind)
  const all = QUERY_KINDS.flatMap((kind) => drawn[kind])
  const bare = new Map(all.map((query) => [query, bareFor(statements, query.text)]))

  const runModule = (query: Query) =>
    search(query.text, LIMIT, { awayFromAddress: undefined, thresholdM })
  const runBare = (query: Query) => {
    return bare.get(query)?.run() ?? []
  }
  const time = <T>(fn: () => T): [number, T] => {
    const started = performance.now()
    const value = fn()
    return [performance.now() - started, value]
  }

  // SQLite's page cache starts empty in a new process; the UI's process would be warm.
  for (const kind of QUERY_KINDS) {
    for (const query of drawn[kind].slice(0, WARM_UP_PER_KIND)) {
      runModule(query)
      runBare(query)
    }
  }

  const samples = new Map<QueryKind, { module: number[]; bare: number[]; counts: number[] }>(
    QUERY_KINDS.map((kind) => [kind, { module: [], bare: [], counts: [] }]),
  )
  const mismatches = new Map<QueryKind, string[]>(QUERY_KINDS.map((kind) => [kind, []]))
  const slowest = new Map<QueryKind, { text: string; ms: number }>()
  const random = seededRandom(args.seed + 1)
  for (let round = 0; round < args.rounds; round++) {
    shuffled(all, random).forEach((query, index) => {
      const into = samples.get(query.kind)!
      // Alternate which goes first, so neither always finds the pages the other just read.
      const moduleFirst = (index + round) % 2 === 0
      let moduleMs: number
      let moduleRows: ReturnType<typeof runModule>
      let bareMs: number
      let bareRows: Array<{ id: string }>
      if (moduleFirst) {
        ;[moduleMs, moduleRows] = time(() => runModule(query))
        ;[bareMs, bareRows] = time(() => runBare(query))
      } else {
        ;[bareMs, bareRows] = time(() => runBare(query))
        ;[moduleMs, moduleRows] = time(() => runModule(query))
      }
      into.module.push(moduleMs)
      into.bare.push(bareMs)
      if (round === 0) {
        into.counts.push(moduleRows.length)
        const same =
          moduleRows.length === bareRows.length &&
          moduleRows.every((row, i) => row.deliveryId === bareRows[i]?.id)
        if (!same) mismatches.get(query.kind)!.push(query.text)
      }
      if (moduleMs > (slowest.get(query.kind)?.ms ?? -1)) {
        slowest.set(query.kind, { text: query.text, ms: moduleMs })
      }
    })
  }
  const peakRssBytes = maxRssBytes()

  const likeSamples = new Map<QueryKind, number[]>()
  for (const kind of QUERY_KINDS) {
    likeSamples.set(
      kind,
      drawn[kind]
        .slice(0, args.likeQueriesPerKind)
        .map((query) => time(() => like.all({ q: `%${query.text}%`, limit: LIMIT }))[0]),
    )
  }

  const kinds = {} as Record<QueryKind, KindResult>
  for (const kind of QUERY_KINDS) {
    const s = samples.get(kind)!
    const worst = slowest.get(kind)!
    const plan = planSearch(worst.text)
    const matched = plan
      ? (sqlite
          .prepare<unknown[], number>(`SELECT count(*) FROM (${matchesSql(plan)})`)
          .pluck()
          .get(...paramsOf(plan)) ?? 0)
      : null
    kinds[kind] = {
      module: summarize(s.module),
      bare: summarize(s.bare),
      like: summarize(likeSamples.get(kind)!),
      meanResults: s.counts.reduce((sum, n) => sum + n, 0) / s.counts.length,
      slowest: { ...worst, matched },
      mismatches: mismatches.get(kind)!,
    }
  }
  const plan = sqlite
    .prepare<[string, number], { detail: string }>(
      'EXPLAIN QUERY PLAN SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    )
    .all(planSearch('smith')!.words!, LIMIT)
    .map((row) => row.detail)
  await local.close()
  return { kinds, plan, peakRssBytes, queries: all.length }
}
