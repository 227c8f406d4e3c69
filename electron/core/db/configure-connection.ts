import type BetterSqlite3 from 'better-sqlite3'

/**
 * The settings every connection to the cache database needs; they hold per connection, so the
 * app's own connection and the sync's writer thread both get them.
 */
export function configureConnection(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Deleted rows are overwritten with zeros rather than left in free space: records removed by
  // retention, by the service or by erasing the local data must not be recoverable from the file.
  sqlite.pragma('secure_delete = ON')
  // 64 MB of page cache: FTS5 segment merges re-read recent pages; keeping them in memory keeps
  // sync commits short.
  sqlite.pragma('cache_size = -65536')
  // Statement journals (kept while a statement that may fail halfway runs: an upsert, a write
  // that fires a trigger) in memory instead of temporary files: a tenth of the system time.
  sqlite.pragma('temp_store = MEMORY')
  // Smaller, more frequent checkpoints: each one runs inside the commit that triggers it.
  sqlite.pragma('wal_autocheckpoint = 256')
}

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
  const deliveries = sqlite
    .prepare<[number], number>('SELECT count(*) FROM (SELECT 1 FROM deliveries LIMIT ?)')
    .pluck()
    .get(STATISTICS_FROM_DELIVERIES)
  if ((deliveries ?? 0) < STATISTICS_FROM_DELIVERIES) return
  sqlite.pragma('analysis_limit = 1000')
  sqlite.pragma('optimize = 0x10002')
}

const STATISTICS_FROM_DELIVERIES = 10_000
