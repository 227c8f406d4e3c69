// The names of the tables a SQLite file holds, read from its schema: what a start checks a cache
// against, what a recovery can copy, how a cache is told from another program's file.
import type BetterSqlite3 from 'better-sqlite3'

/** Throws what SQLite throws for a file it cannot read (the callers tell damage from the rest). */
export function tableNames(sqlite: BetterSqlite3.Database): string[] {
  return sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .all()
}
