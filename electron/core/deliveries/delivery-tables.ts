// Every statement on the delivery records: `deliveries`, their word index `deliveries_fts`, and the
// counts kept as they change (`row_counts`); their photo rows are photo-table.ts's. No other module
// writes SQL against these tables (tests/core/db/ownership.test.ts); they call these. Typed with
// Kysely against db/schema.ts and compiled once (db/typed-sql.ts).
import type BetterSqlite3 from 'better-sqlite3'
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely'
import type { Database, DeliveriesFtsTable, DeliveriesTable, DeliveryRowid } from '../db/schema.ts'
import {
  handWritten,
  pluckedStatement,
  query,
  statement,
  type HandWritten,
  type Params,
} from '../db/typed-sql.ts'

/** A delivery as stored. */
export type DeliveryRow = Selectable<DeliveriesTable>

/** Deliveries with their rowid, the recency key (recency-key.ts), named. */
const keyed = query.withTables<{ deliveries: DeliveryRowid }>()

/** The rowids in a JSON array, as a table: the deliveries a read asks about. */
const rowidsIn = (json: string) => sql<{ value: number }>`json_each(${json})`.as('j')

// ---- Storing what the sync receives (store-deliveries.ts, on the sync's writer thread) ----

export const deliveryVersion = statement((p: Params<{ id: string }>) =>
  keyed
    .selectFrom('deliveries')
    .select(['rowid', 'version', 'delivered_at', 'updated_at', 'photo_withheld'])
    .where('id', '=', p.id),
)

/** What the store writes of a delivery: every column, the recency key as its rowid. */
export type DeliveryWrite = Required<Insertable<DeliveriesTable>> & DeliveryRowid

export const upsertDelivery = statement((p: Params<DeliveryWrite>) =>
  keyed
    .insertInto('deliveries')
    .values({
      rowid: p.rowid,
      id: p.id,
      version: p.version,
      updated_at: p.updated_at,
      order_id: p.order_id,
      tracking_number: p.tracking_number,
      status: p.status,
      delivered_at: p.delivered_at,
      customer_id: p.customer_id,
      customer_name: p.customer_name,
      customer_email: p.customer_email,
      customer_phone: p.customer_phone,
      address_line1: p.address_line1,
      address_line2: p.address_line2,
      city: p.city,
      region: p.region,
      postal_code: p.postal_code,
      country: p.country,
      address_lat: p.address_lat,
      address_lng: p.address_lng,
      drop_spot: p.drop_spot,
      drop_note: p.drop_note,
      drop_lat: p.drop_lat,
      drop_lng: p.drop_lng,
      drop_accuracy_m: p.drop_accuracy_m,
      driver_id: p.driver_id,
      driver_name: p.driver_name,
      photo_withheld: p.photo_withheld,
      items_json: p.items_json,
      seen_generation: p.seen_generation,
      away_m: p.away_m,
      drop_distance_m: p.drop_distance_m,
      phone_digits: p.phone_digits,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        rowid: eb.ref('excluded.rowid'),
        version: eb.ref('excluded.version'),
        updated_at: eb.ref('excluded.updated_at'),
        order_id: eb.ref('excluded.order_id'),
        tracking_number: eb.ref('excluded.tracking_number'),
        status: eb.ref('excluded.status'),
        delivered_at: eb.ref('excluded.delivered_at'),
        customer_id: eb.ref('excluded.customer_id'),
        customer_name: eb.ref('excluded.customer_name'),
        customer_email: eb.ref('excluded.customer_email'),
        customer_phone: eb.ref('excluded.customer_phone'),
        address_line1: eb.ref('excluded.address_line1'),
        address_line2: eb.ref('excluded.address_line2'),
        city: eb.ref('excluded.city'),
        region: eb.ref('excluded.region'),
        postal_code: eb.ref('excluded.postal_code'),
        country: eb.ref('excluded.country'),
        address_lat: eb.ref('excluded.address_lat'),
        address_lng: eb.ref('excluded.address_lng'),
        drop_spot: eb.ref('excluded.drop_spot'),
        drop_note: eb.ref('excluded.drop_note'),
        drop_lat: eb.ref('excluded.drop_lat'),
        drop_lng: eb.ref('excluded.drop_lng'),
        drop_accuracy_m: eb.ref('excluded.drop_accuracy_m'),
        driver_id: eb.ref('excluded.driver_id'),
        driver_name: eb.ref('excluded.driver_name'),
        photo_withheld: eb.ref('excluded.photo_withheld'),
        items_json: eb.ref('excluded.items_json'),
        // A record sent again outside a resync keeps the resync's mark.
        seen_generation: eb.fn.coalesce('excluded.seen_generation', 'deliveries.seen_generation'),
        away_m: eb.ref('excluded.away_m'),
        drop_distance_m: eb.ref('excluded.drop_distance_m'),
        phone_digits: eb.ref('excluded.phone_digits'),
      })),
    ),
)

export const markDeliverySeen = statement((p: Params<{ id: string; generation: number }>) =>
  query.updateTable('deliveries').set({ seen_generation: p.generation }).where('id', '=', p.id),
)

/** Deliveries a full resync did not see again: gone upstream. */
export const unseenDeliveries = statement((p: Params<{ generation: number }>) =>
  keyed
    .selectFrom('deliveries')
    .select(['id', 'rowid', 'photo_withheld'])
    .where('seen_generation', 'is not', p.generation),
)

export const deleteDelivery = statement((p: Params<{ id: string }>) =>
  query.deleteFrom('deliveries').where('id', '=', p.id),
)

/** The highest key taken in [lo, hi): a second's slots (recency-key.ts). */
export const highestKeyInRange = statement((p: Params<{ lo: number; hi: number }>) =>
  keyed
    .selectFrom('deliveries')
    .select((eb) => eb.fn.max('rowid').as('key'))
    .where('rowid', '>=', p.lo)
    .where('rowid', '<', p.hi),
)

export const keyTaken = statement((p: Params<{ key: number }>) =>
  keyed
    .selectFrom('deliveries')
    .select((eb) => eb.lit(1).as('one'))
    .where('rowid', '=', p.key),
)

// The word index: contentless, so a row's words are replaced by deleting its rowid and inserting
// them again.
export const deleteWords = statement((p: Params<{ rowid: number }>) =>
  query.deleteFrom('deliveries_fts').where('rowid', '=', p.rowid),
)

export const insertWords = statement((p: Params<Required<DeliveriesFtsTable>>) =>
  query.insertInto('deliveries_fts').values({
    rowid: p.rowid,
    customer_name: p.customer_name,
    email_handle: p.email_handle,
    street: p.street,
    city: p.city,
  }),
)

/**
 * Moves one of the status bar's counts (migration 006) by `n`: once per call of the store rather
 * than by triggers, since a trigger on a table makes SQLite journal every statement that writes
 * it, which more than doubled the cost of storing a delivery.
 */
export const bumpRowCount = statement(
  (p: Params<{ name: 'deliveries' | 'withheld_deliveries'; n: number }>) =>
    query
      .insertInto('row_counts')
      .values({ name: p.name, n: p.n })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet((eb) => ({ n: eb(eb.ref('n'), '+', eb.ref('excluded.n')) })),
      ),
)

// ---- The status bar (sync/sync-engine.ts) ----

/** The counts kept as deliveries are written: counting a million rows would hold the UI. */
export const rowCounts = statement(() =>
  query.selectNoFrom((eb) => [
    eb.fn
      .coalesce(eb.selectFrom('row_counts').select('n').where('name', '=', 'deliveries'), eb.lit(0))
      .as('deliveries'),
    eb.fn
      .coalesce(
        eb.selectFrom('row_counts').select('n').where('name', '=', 'withheld_deliveries'),
        eb.lit(0),
      )
      .as('withheld'),
  ]),
)

// ---- The search box (search/search-deliveries.ts) ----
// It runs on every keystroke over up to a million deliveries: each way of matching hands back only
// its newest few rowids (a delivery's rowid is its recency, recency-key.ts, so "newest first" is an
// index order, never a sort of every match), and the rows are read for those rowids only.

/** Up to `limit` rowids of deliveries whose words match an FTS5 query, newest first. */
export const newestMatchingWords = pluckedStatement((p: Params<{ match: string; limit: number }>) =>
  query
    .selectFrom('deliveries_fts')
    .select('rowid')
    .where(sql<string>`deliveries_fts`, 'match', p.match)
    .orderBy('rowid', 'desc')
    .limit(p.limit),
)

/** The columns searched by prefix, each with the index that orders it and what that index holds. */
const PREFIX_INDEXES = {
  order_id: { index: 'deliveries_order_id', expression: 'order_id' },
  tracking_number: { index: 'deliveries_tracking_number', expression: 'tracking_number' },
  phone_digits: { index: 'deliveries_phone_digits', expression: 'phone_digits' },
  email: { index: 'deliveries_email', expression: 'lower(customer_email)' },
} as const

/** A column searched by prefix (search/search-plan.ts). */
export type RangeColumn = keyof typeof PREFIX_INDEXES

type RowidsInRange = HandWritten<[lo: string, hi: string, limit: number], number>

/**
 * Per prefix column, the rowids of deliveries whose column lies in [lo, hi): `sparse` at most
 * `limit` of them off the column's index, in no order (few matches: sorted by the caller); `dense`
 * the newest `limit`, walking the table newest first (a common prefix: its newest matches are near
 * the top). By hand: Kysely cannot write INDEXED BY or NOT INDEXED, and the planner, left to
 * itself, sorts every match of a common prefix.
 */
export const rowidsInRange = Object.fromEntries(
  Object.entries(PREFIX_INDEXES).map(([column, { index, expression }]) => [
    column,
    {
      sparse: handWritten<[lo: string, hi: string, limit: number], number>(
        `SELECT rowid FROM deliveries INDEXED BY ${index}
         WHERE ${expression} >= ? AND ${expression} < ? LIMIT ?`,
        { pluck: true },
      ),
      dense: handWritten<[lo: string, hi: string, limit: number], number>(
        `SELECT rowid FROM deliveries NOT INDEXED
         WHERE ${expression} >= ? AND ${expression} < ? ORDER BY rowid DESC LIMIT ?`,
        { pluck: true },
      ),
    },
  ]),
) as Record<RangeColumn, { sparse: RowidsInRange; dense: RowidsInRange }>

/**
 * A run of digits anywhere in a phone number: newest first, stopping at `limit`, reading every
 * number. What the search falls back on while a bulk load has the indexes below dropped. By hand:
 * NOT INDEXED keeps the planner from reading every number off the phone index and sorting them.
 */
export const newestWithPhoneRun = handWritten<[run: string, limit: number], number>(
  `SELECT rowid FROM deliveries NOT INDEXED
   WHERE phone_digits IS NOT NULL AND instr(phone_digits, ?) > 0
   ORDER BY rowid DESC LIMIT ?`,
  { pluck: true },
)

/** The digit a run may start at inside a number, past the first, with an index of its own. */
export const PHONE_RUN_STARTS = [2, 3, 4] as const

/**
 * The rowids of numbers with a run of digits at its k-th digit (a prefix range of
 * `substr(phone_digits, k)`, migration 015), at most `limit` of them, in no order.
 */
export const rowidsWithPhoneRunAt = Object.fromEntries(
  PHONE_RUN_STARTS.map((k) => [
    k,
    handWritten<[lo: string, hi: string, limit: number], number>(
      `SELECT rowid FROM deliveries INDEXED BY deliveries_phone_from_${k}
       WHERE substr(phone_digits, ${k}) >= ? AND substr(phone_digits, ${k}) < ? LIMIT ?`,
      { pluck: true },
    ),
  ]),
) as Record<(typeof PHONE_RUN_STARTS)[number], RowidsInRange>

/** Numbers longer than ten digits holding a run anywhere: the few not from the US, one by one. */
export const rowidsWithPhoneRunInLong = handWritten<[run: string, limit: number], number>(
  `SELECT rowid FROM deliveries INDEXED BY deliveries_long_phone
   WHERE length(phone_digits) > 10 AND instr(phone_digits, ?) > 0 LIMIT ?`,
  { pluck: true },
)

/** Deliveries flagged "away from the address" beyond `away` metres, newest first (by hand: NOT INDEXED). */
export const newestAwayFrom = handWritten<[away: number, limit: number], number>(
  'SELECT rowid FROM deliveries NOT INDEXED WHERE away_m > ? ORDER BY rowid DESC LIMIT ?',
  { pluck: true },
)

/** What a search result shows of a delivery, with its photo count and the reuse flag. */
const searchColumns = (eb: ExpressionBuilder<Database & { d: DeliveriesTable }, 'd'>) =>
  [
    'd.id',
    'd.order_id',
    'd.tracking_number',
    'd.customer_name',
    'd.address_line1',
    'd.city',
    'd.delivered_at',
    'd.photo_withheld',
    'd.away_m',
    eb
      .selectFrom('delivery_photos as p')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('p.delivery_id', '=', 'd.id')
      .$asScalar()
      .as('photo_count'),
    eb
      .and([
        eb('d.photo_withheld', 'is', null),
        eb.exists(
          eb
            .selectFrom('photo_reuse as r')
            .select((e) => e.lit(1).as('one'))
            .whereRef('r.delivery_id', '=', 'd.id'),
        ),
      ])
      .$castTo<number>()
      .as('reused'),
    // The newest case on it the service holds (cases_delivery finds it), or null.
    eb
      .selectFrom('cases as c')
      .select('c.status')
      .whereRef('c.delivery_id', '=', 'd.id')
      .orderBy('c.opened_at', 'desc')
      .limit(1)
      .$asScalar()
      .as('case_status'),
  ] as const

/** The search's rows for these rowids (a JSON array), newest first. */
export const searchRowsOf = statement((p: Params<{ rowids: string }>) =>
  keyed
    .selectFrom('deliveries as d')
    .select(searchColumns)
    .where('d.rowid', 'in', (eb) => eb.selectFrom(rowidsIn(p.rowids)).select('j.value'))
    .orderBy('d.rowid', 'desc'),
)

/**
 * The deliveries flagged for a reused photo (photo-match/), beyond `away` metres from the
 * address too unless `away` is negative: few (photo_reuse holds only those), read whole, newest
 * first.
 */
export const newestReused = statement((p: Params<{ away: number; limit: number }>) =>
  keyed
    .selectFrom('deliveries as d')
    .innerJoin('photo_reuse as r', 'r.delivery_id', 'd.id')
    .select(searchColumns)
    .where('d.photo_withheld', 'is', null)
    .where((eb) => eb.or([eb(eb.val(p.away), '<', 0), eb('d.away_m', '>', p.away)]))
    .orderBy('d.rowid', 'desc')
    .limit(p.limit),
)

// ---- One delivery for its screen (get-delivery.ts) ----

export const deliveryById = statement((p: Params<{ id: string }>) =>
  query.selectFrom('deliveries').selectAll().where('id', '=', p.id),
)

/** The newest delivery with this order id or tracking number. */
export const newestDeliveryByNumber = statement(
  (p: Params<{ orderId: string; trackingNumber: string }>) =>
    query
      .selectFrom('deliveries')
      .selectAll()
      .where((eb) =>
        eb.or([eb('order_id', '=', p.orderId), eb('tracking_number', '=', p.trackingNumber)]),
      )
      .orderBy('delivered_at', 'desc')
      .limit(1),
)

// ---- An address's own history (addresses/address-history.ts) ----

/** What the history compares and shows of a delivery: its address and who delivered it. */
const ADDRESS_FACTS = [
  'rowid',
  'id',
  'order_id',
  'status',
  'delivered_at',
  'driver_id',
  'driver_name',
  'photo_withheld',
  'address_line1',
  'address_line2',
  'postal_code',
  'country',
  'address_lat',
  'address_lng',
] as const

export const addressFactsOf = statement((p: Params<{ id: string }>) =>
  keyed.selectFrom('deliveries').select(ADDRESS_FACTS).where('id', '=', p.id),
)

/** The same for these rowids (a JSON array), newest first. */
export const addressFactsOfRowids = statement((p: Params<{ rowids: string }>) =>
  keyed
    .selectFrom('deliveries')
    .select(ADDRESS_FACTS)
    .where('rowid', 'in', (eb) => eb.selectFrom(rowidsIn(p.rowids)).select('j.value'))
    .orderBy('rowid', 'desc'),
)

// ---- Retention (retention/retention.ts) ----

/** Deliveries with any case, open or resolved, on the service or made here. */
const caseDeliveries = (eb: ExpressionBuilder<Database, 'deliveries'>) =>
  eb
    .selectFrom('cases')
    .select('delivery_id')
    .union(
      eb
        .selectFrom('case_events')
        .select((x) =>
          x.fn<string>('json_extract', ['body_json', sql.lit('$.deliveryId')]).as('delivery_id'),
        )
        .where('type', '=', sql.lit('opened')),
    )

/** When a delivery record counts from: its delivery, or its last change when never delivered. */
const recordTime = (eb: ExpressionBuilder<Database, 'deliveries'>) =>
  eb.fn.coalesce('delivered_at', 'updated_at')

/** Deliveries from before `cutoff` that no case is on. */
export const expiredDeliveries = statement((p: Params<{ cutoff: string; limit: number }>) =>
  query
    .selectFrom('deliveries')
    .select('id')
    .where(recordTime, '<', p.cutoff)
    .where('id', 'not in', caseDeliveries)
    .limit(p.limit),
)

/** The delivery records, the oldest one's time, and how many older than `cutoff` a case keeps. */
export const deliveriesKept = statement((p: Params<{ cutoff: string }>) =>
  query
    .selectFrom('deliveries')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.min(recordTime(eb)).as('oldest'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb.and([eb(recordTime(eb), '<', p.cutoff), eb('id', 'in', caseDeliveries(eb))]),
          ),
          eb.lit(0),
        )
        .as('kept'),
    ]),
)

// ---- Reports (reports/), on a report's own read-only connection ----

/**
 * The deliveries made in [start, end) (seconds since the epoch), for the drivers' figures.
 * delivered_at carries an offset, so the period is compared on unixepoch(), not as text.
 */
export const deliveriesInPeriod = statement((p: Params<{ start: number; end: number }>) =>
  query
    .selectFrom('deliveries')
    .select([
      'id',
      'driver_id as driverId',
      'driver_name as driverName',
      'city',
      'region',
      'away_m as awayM',
    ])
    .where((eb) => eb.fn('unixepoch', ['delivered_at']), '>=', p.start)
    .where((eb) => eb.fn('unixepoch', ['delivered_at']), '<', p.end),
)

/** The places deliveries went to, for the report's filters. */
export const deliveryAreas = statement(() =>
  query
    .selectFrom('deliveries')
    .select(['city', 'region'])
    .distinct()
    .orderBy('region')
    .orderBy('city'),
)

/** The drivers, each with a name their records carry, for the report's filters. */
export const deliveryDrivers = statement(() =>
  query
    .selectFrom('deliveries')
    .select((eb) => [eb.ref('driver_id').as('id'), eb.fn.max('driver_name').as('name')])
    .groupBy('driver_id')
    .orderBy('name'),
)

/** A name one of the driver's records carries. */
export const driverNameOf = statement((p: Params<{ driverId: string }>) =>
  query
    .selectFrom('deliveries')
    .select('driver_name as name')
    .where('driver_id', '=', p.driverId)
    .limit(1),
)

// ---- The planner's statistics (planner-statistics.ts) ----

/** How many deliveries the cache holds, counting no further than `limit`. */
export const deliveriesUpTo = pluckedStatement((p: Params<{ limit: number }>) =>
  query
    .selectFrom((eb) =>
      eb
        .selectFrom('deliveries')
        .select((e) => e.lit(1).as('one'))
        .limit(p.limit)
        .as('held'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n')),
)

// ---- Whether the cache holds anything of a service's (cache-identity/cache-owner.ts) ----

export const anyDelivery = statement(() =>
  query.selectNoFrom((eb) => eb.exists(eb.selectFrom('deliveries').select('id')).as('held')),
)

/** The order number a case shows for its delivery (cases/case-state.ts; a recovery's salvage). */
export const orderIdOfDelivery = statement((p: Params<{ id: string }>) =>
  query.selectFrom('deliveries').select('order_id').where('id', '=', p.id),
)

// ---- What the case screens show of a case's delivery (cases/case-views.ts) ----

/** The address as repeat claims compare it: postal code and first line, in lower case. */
export const deliveryCaseFacts = statement((p: Params<{ id: string }>) =>
  query
    .selectFrom('deliveries')
    .select([
      'customer_name',
      'city',
      'customer_id',
      'driver_id',
      sql<string>`postal_code || '|' || lower(address_line1)`.as('address_key'),
      'away_m',
    ])
    .where('id', '=', p.id),
)

// ---- Bulk-loading an empty cache (bulk-load.ts, on the sync's writer thread) ----

/** A secondary index of the delivery tables, as its migration made it. */
export interface DeliveryIndex {
  name: string
  sql: string
}

/**
 * The secondary indexes on `deliveries` and `delivery_photos`, with the exact SQL that made them
 * (the primary keys' own indexes are not among them: they cannot be dropped).
 */
export function deliveryIndexes(sqlite: BetterSqlite3.Database): DeliveryIndex[] {
  return sqlite
    .prepare<[], DeliveryIndex>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('deliveries', 'delivery_photos') ORDER BY name`,
    )
    .all()
}

export function dropDeliveryIndex(sqlite: BetterSqlite3.Database, index: DeliveryIndex): void {
  sqlite.exec(`DROP INDEX IF EXISTS "${index.name.replace(/"/g, '""')}"`)
}

/** Builds an index again from its own SQL, once, in sorted order; nothing when it is there. */
export function restoreDeliveryIndex(sqlite: BetterSqlite3.Database, index: DeliveryIndex): void {
  if (!/^CREATE (UNIQUE )?INDEX /.test(index.sql)) throw new Error(`not an index: ${index.name}`)
  sqlite.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '))
}

/**
 * How much merging the word index does as rows arrive: none while a bulk load writes (its
 * segments are merged once at the end), FTS5's default (4) otherwise.
 */
export function setWordIndexMerging(sqlite: BetterSqlite3.Database, automerge: number): void {
  sqlite
    .prepare(
      "INSERT INTO deliveries_fts (deliveries_fts, rank) VALUES ('automerge', CAST(? AS INTEGER))",
    )
    .run(automerge)
}

/**
 * One step of merging the word index's segments, writing at most about `pages` pages; true while
 * more is left to merge. Small steps, each in its own transaction, keep the app's writes from
 * waiting on one long merge.
 */
export function mergeWordIndexStep(sqlite: BetterSqlite3.Database, pages: number): boolean {
  const changes = sqlite.prepare<[], number>('SELECT total_changes()').pluck()
  const before = changes.get() ?? 0
  sqlite
    .prepare(
      "INSERT INTO deliveries_fts (deliveries_fts, rank) VALUES ('merge', CAST(? AS INTEGER))",
    )
    .run(-pages)
  // FTS5's documented test: a merge that found nothing left to do changes fewer than two rows.
  return (changes.get() ?? 0) - before >= 2
}
