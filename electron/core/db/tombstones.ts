// The newest version of each record a stream deleted, so that an older copy re-sent later (a
// service restart replays part of its log) cannot bring the record back.
import type BetterSqlite3 from 'better-sqlite3'

export function createTombstones(sqlite: BetterSqlite3.Database, stream: 'deliveries' | 'cases') {
  const versionOf = sqlite.prepare<[string, string], { version: number }>(
    'SELECT version FROM tombstones WHERE stream = ? AND id = ?',
  )
  const bury = sqlite.prepare<[string, string, number]>(
    `INSERT INTO tombstones (stream, id, version) VALUES (?, ?, ?)
     ON CONFLICT (stream, id) DO UPDATE SET version = max(version, excluded.version)`,
  )
  const unbury = sqlite.prepare<[string, string]>(
    'DELETE FROM tombstones WHERE stream = ? AND id = ?',
  )
  return {
    /** The deleted version of `id`, or undefined when it was never deleted (or came back). */
    versionOf: (id: string) => versionOf.get(stream, id)?.version,
    bury: (id: string, version: number) => void bury.run(stream, id, version),
    /** A newer version than the tombstone arrived: the record lives again. */
    unbury: (id: string) => void unbury.run(stream, id),
  }
}
