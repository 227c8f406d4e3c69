// The search index's words (deliveries_fts): the rowids of the deliveries matching an FTS5 query,
// newest first. Search reads it for the search box, the address history for one street.
import type BetterSqlite3 from 'better-sqlite3'

export function createWordIndex(sqlite: BetterSqlite3.Database) {
  const matching = sqlite
    .prepare<[string, number], number>(
      'SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    )
    .pluck()
  return {
    /** Up to `limit` rowids of deliveries matching `match`, newest first. */
    newestMatching: (match: string, limit: number): number[] => matching.all(match, limit),
  }
}
