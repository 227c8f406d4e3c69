// Benchmark: the cost of writing SQL through db/typed-sql.ts (Kysely compiled once at module load,
// prepared once per connection, values bound by name) against hand-written statements prepared
// once on the connection, which is how the sync's store was written before (issue 16), and against
// Kysely building and running each query through its own SQLite dialect. The three run the same
// SQL on the same cache, alternating, in this process: a resync marking every delivery it already
// holds (read its version and rowid, read its tombstone, mark it seen: what the store does for
// each record that did not change) and a rewrite of every delivery's row.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import type { Database } from '../../electron/core/db/schema.ts'
import {
  deliveryVersion,
  markDeliverySeen,
  upsertDelivery,
  type DeliveryWrite,
} from '../../electron/core/deliveries/delivery-tables.ts'
import { createTombstones } from '../../electron/core/db/tombstones.ts'
import type { BenchConfig } from './config.ts'
import { summarize } from './measure.ts'
import { formatValue, type ResultRow } from './report-table.ts'

/** The typed statements may cost this much more than the hand-written ones, no more. */
const MIN_RATIO = 0.9

// Today's main before issue 16: the store's statements as it wrote them by hand.
const HAND_WRITTEN = {
  version:
    'SELECT rowid, version, delivered_at, updated_at, photo_withheld FROM deliveries WHERE id = ?',
  tombstone: 'SELECT version FROM tombstones WHERE stream = ? AND id = ?',
  markSeen: 'UPDATE deliveries SET seen_generation = ? WHERE id = ?',
  upsert: `
    INSERT INTO deliveries (
      rowid, id, version, updated_at, order_id, tracking_number, status, delivered_at,
      customer_id, customer_name, customer_email, customer_phone,
      address_line1, address_line2, city, region, postal_code, country, address_lat, address_lng,
      drop_spot, drop_note, drop_lat, drop_lng, drop_accuracy_m,
      driver_id, driver_name, photo_withheld, items_json, seen_generation, away_m, drop_distance_m,
      phone_digits
    ) VALUES (
      @rowid, @id, @version, @updated_at, @order_id, @tracking_number, @status, @delivered_at,
      @customer_id, @customer_name, @customer_email, @customer_phone,
      @address_line1, @address_line2, @city, @region, @postal_code, @country, @address_lat, @address_lng,
      @drop_spot, @drop_note, @drop_lat, @drop_lng, @drop_accuracy_m,
      @driver_id, @driver_name, @photo_withheld, @items_json, @seen_generation, @away_m,
      @drop_distance_m, @phone_digits
    )
    ON CONFLICT (id) DO UPDATE SET
      rowid = excluded.rowid, version = excluded.version, updated_at = excluded.updated_at, order_id = excluded.order_id,
      tracking_number = excluded.tracking_number, status = excluded.status,
      delivered_at = excluded.delivered_at, customer_id = excluded.customer_id,
      customer_name = excluded.customer_name, customer_email = excluded.customer_email,
      customer_phone = excluded.customer_phone, address_line1 = excluded.address_line1,
      address_line2 = excluded.address_line2, city = excluded.city, region = excluded.region,
      postal_code = excluded.postal_code, country = excluded.country,
      address_lat = excluded.address_lat, address_lng = excluded.address_lng,
      drop_spot = excluded.drop_spot, drop_note = excluded.drop_note,
      drop_lat = excluded.drop_lat, drop_lng = excluded.drop_lng,
      drop_accuracy_m = excluded.drop_accuracy_m, driver_id = excluded.driver_id,
      driver_name = excluded.driver_name, photo_withheld = excluded.photo_withheld,
      items_json = excluded.items_json,
      seen_generation = coalesce(excluded.seen_generation, deliveries.seen_generation),
      away_m = excluded.away_m, drop_distance_m = excluded.drop_distance_m,
      phone_digits = excluded.phone_digits`,
}

function deliveryRow(i: number): DeliveryWrite {
  return {
    rowid: i + 1,
    id: `d-${i}`,
    version: 1,
    updated_at: '2026-12-01T10:00:00.000Z',
    order_id: `O-${100000 + i}`,
    tracking_number: `1Z${String(i).padStart(12, '0')}`,
    status: 'delivered',
    delivered_at: '2026-12-01T09:00:00.000Z',
    customer_id: `c-${i}`,
    customer_name: `Customer ${i}`,
    customer_email: `customer${i}@example.com`,
    customer_phone: '+1 555 0100',
    address_line1: `${i} Main Street`,
    address_line2: null,
    city: 'Springfield',
    region: 'IL',
    postal_code: '62701',
    country: 'US',
    address_lat: 39.78,
    address_lng: -89.65,
    drop_spot: 'front door',
    drop_note: null,
    drop_lat: 39.78,
    drop_lng: -89.65,
    drop_accuracy_m: 5,
    driver_id: 'drv-1',
    driver_name: 'Driver One',
    photo_withheld: null,
    items_json: '[]',
    seen_generation: null,
    away_m: 3,
    drop_distance_m: 3,
    phone_digits: '5550100',
  }
}

type Way = 'hand-written' | 'typed' | 'kysely per call'
/** Kysely per call is some 20× slower: it marks every tenth record, so its rounds stay short. */
const PER_CALL_STRIDE = 10

function resyncMarks(sqlite: BetterSqlite3.Database, rows: number) {
  const hand = {
    version: sqlite.prepare(HAND_WRITTEN.version),
    tombstone: sqlite.prepare(HAND_WRITTEN.tombstone),
    markSeen: sqlite.prepare(HAND_WRITTEN.markSeen),
  }
  const typed = {
    version: deliveryVersion.on(sqlite),
    tombstones: createTombstones(sqlite, 'deliveries'),
    markSeen: markDeliverySeen.on(sqlite),
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const ways: Record<Way, (generation: number) => Promise<void> | void> = {
    'hand-written': (generation) => {
      for (let i = 0; i < rows; i++) {
        const id = `d-${i}`
        hand.version.get(id)
        hand.tombstone.get('deliveries', id)
        hand.markSeen.run(generation, id)
      }
    },
    typed: (generation) => {
      for (let i = 0; i < rows; i++) {
        const id = `d-${i}`
        typed.version.get({ id })
        typed.tombstones.versionOf(id)
        typed.markSeen.run({ id, generation })
      }
    },
    'kysely per call': async (generation) => {
      for (let i = 0; i < rows; i += PER_CALL_STRIDE) {
        const id = `d-${i}`
        await db
          .selectFrom('deliveries')
          .select(['version', 'delivered_at', 'updated_at', 'photo_withheld'])
          .where('id', '=', id)
          .executeTakeFirst()
        await db
          .selectFrom('tombstones')
          .select('version')
          .where('stream', '=', 'deliveries')
          .where('id', '=', id)
          .executeTakeFirst()
        await db
          .updateTable('deliveries')
          .set({ seen_generation: generation })
          .where('id', '=', id)
          .execute()
      }
    },
  }
  return ways
}

export async function statementsBench(
  config: BenchConfig,
): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const rows = config.quick ? 20_000 : 100_000
  const rounds = config.quick ? 5 : 7
  console.log(`statements: ${rows.toLocaleString('en-US')} deliveries, ${rounds} rounds per way`)
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-statements-'))
  const local = await openDatabase(dir)
  try {
    const { sqlite } = local
    const upsert = upsertDelivery.on(sqlite)
    const written = Array.from({ length: rows }, (_, i) => deliveryRow(i))
    sqlite.transaction(() => written.forEach((row) => upsert.run(row)))()

    const ways = resyncMarks(sqlite, rows)
    const order: Way[] = ['hand-written', 'typed', 'kysely per call']
    const rates: Record<Way, number[]> = { 'hand-written': [], typed: [], 'kysely per call': [] }
    const begin = sqlite.prepare('BEGIN')
    const commit = sqlite.prepare('COMMIT')
    for (let round = 0; round <= rounds; round++) {
      // Round 0 warms up, uncounted. The two compared ways take turns going first; Kysely per call
      // runs last in every round: the garbage of its promises is collected during whichever way
      // runs next, and that must be each of the two as often (it once always fell on the typed
      // way, in every other round).
      const pair: Way[] = round % 2 ? ['typed', 'hand-written'] : ['hand-written', 'typed']
      for (const way of [...pair, 'kysely per call'] as Way[]) {
        const started = performance.now()
        begin.run()
        await ways[way](round * 10 + order.indexOf(way))
        commit.run()
        const ms = performance.now() - started
        const marked = way === 'kysely per call' ? Math.ceil(rows / PER_CALL_STRIDE) : rows
        if (round > 0) rates[way].push(marked / (ms / 1000))
      }
    }

    // Rewriting every row: the upsert the store runs for each changed record.
    const handUpsert = sqlite.prepare(HAND_WRITTEN.upsert)
    const rewrite: Record<'hand-written' | 'typed', number[]> = { 'hand-written': [], typed: [] }
    for (let round = 0; round <= rounds; round++) {
      for (const way of round % 2
        ? (['typed', 'hand-written'] as const)
        : (['hand-written', 'typed'] as const)) {
        const started = performance.now()
        sqlite.transaction(() => {
          for (const row of written) {
            if (way === 'typed') upsert.run(row)
            else handUpsert.run(row)
          }
        })()
        const ms = performance.now() - started
        if (round > 0) rewrite[way].push(rows / (ms / 1000))
      }
    }

    const hand = summarize(rates['hand-written'])
    const typed = summarize(rates.typed)
    const perCall = summarize(rates['kysely per call'])
    const handRewrite = summarize(rewrite['hand-written'])
    const typedRewrite = summarize(rewrite.typed)
    const ratio = typed.median / hand.median
    const rewriteRatio = typedRewrite.median / handRewrite.median
    const rate = (n: number) => formatValue(n, 'records/s')
    const result: ResultRow[] = [
      {
        benchmark: 'typed SQL',
        what: `a resync marking ${rows.toLocaleString('en-US')} deliveries it holds (version, tombstone, mark seen: 3 statements a record) through db/typed-sql.ts's statements, compiled once`,
        unit: 'records/s',
        median: typed.median,
        p95: typed.min,
        max: typed.min,
        samples: typed.n,
        baseline: `hand-written statements: ${rate(hand.median)}; Kysely per call: ${rate(perCall.median)}`,
        ratio: `${ratio.toFixed(2)}× hand-written; ${(typed.median / perCall.median).toFixed(1)}× Kysely per call`,
        ratioValue: ratio,
        target: `≥ ${MIN_RATIO}× hand-written`,
        judgedOn: 'median',
        met: ratio >= MIN_RATIO,
        baselines: { handWritten: hand, kyselyPerCall: perCall },
      },
      {
        benchmark: 'typed SQL (rewrite)',
        what: `every one of ${rows.toLocaleString('en-US')} delivery rows written again (the store's upsert, 33 columns) through the typed statement`,
        unit: 'records/s',
        median: typedRewrite.median,
        p95: typedRewrite.min,
        max: typedRewrite.min,
        samples: typedRewrite.n,
        baseline: `the hand-written upsert: ${rate(handRewrite.median)}`,
        ratio: `${rewriteRatio.toFixed(2)}× hand-written`,
        ratioValue: rewriteRatio,
        target: `≥ ${MIN_RATIO}× hand-written`,
        judgedOn: 'median',
        met: rewriteRatio >= MIN_RATIO,
        baselines: { handWritten: handRewrite },
      },
    ]
    const notes = [
      `Typed SQL: the same cache and the same statements both ways (the store's statements as written by hand before issue 16, copied here, against the typed ones); each round runs in one transaction, the ways alternate and a first round warms up uncounted. "Kysely per call" builds, compiles and awaits each query through Kysely's SqliteDialect, as db.selectFrom(...).execute() does, on every tenth record. p95 and max are the slowest round.`,
    ]
    return { rows: result, notes }
  } finally {
    await local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
