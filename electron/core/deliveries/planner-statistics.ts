// The query planner's statistics, kept current once the cache holds enough deliveries for them to
// tell it something true.
import type BetterSqlite3 from 'better-sqlite3'
import { deliveriesUpTo } from './delivery-tables.ts'

/**
 * Gives the query planner current statistics. Without them it guesses, and at a million
 * deliveries a wrong guess costs (counting a driver's repeat claims walked every delivery of the
 * driver instead of the few recent cases: 6 ms instead of 0.2 at 100k deliveries). The sample is
 * bounded, so this takes tens of milliseconds whatever the size, and SQLite skips tables whose
 * statistics are still good. Run at open and after each sync's writes.
 *
 * Not below STATISTICS_FROM_DELIVERIES: statistics of a nearly empty cache tell the planner that
 * scanning a table costs no more than an index, and the sync that fills it then scans the growing
 * photo table for every delivery it stores (five times slower at 20,000 deliveries).
 */
export function refreshPlannerStatistics(sqlite: BetterSqlite3.Database): void {
  const deliveries = deliveriesUpTo.on(sqlite).get({ limit: STATISTICS_FROM_DELIVERIES })
  if ((deliveries ?? 0) < STATISTICS_FROM_DELIVERIES) return
  sqlite.pragma('analysis_limit = 1000')
  sqlite.pragma('optimize = 0x10002')
}

const STATISTICS_FROM_DELIVERIES = 10_000
