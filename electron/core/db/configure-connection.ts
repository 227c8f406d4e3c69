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
