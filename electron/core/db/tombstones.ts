// The newest version of each record a stream deleted, so that an older copy re-sent later (a
// service restart replays part of its log) cannot bring the record back. The one module with
// statements on `tombstones`.
import type BetterSqlite3 from 'better-sqlite3'
import { query, statement, type Params } from './typed-sql.ts'

type Stream = 'deliveries' | 'cases'

const buriedVersion = statement((p: Params<{ stream: Stream; id: string }>) =>
  query
    .selectFrom('tombstones')
    .select('version')
    .where('stream', '=', p.stream)
    .where('id', '=', p.id),
)

const bury = statement((p: Params<{ stream: Stream; id: string; version: number }>) =>
  query
    .insertInto('tombstones')
    .values({ stream: p.stream, id: p.id, version: p.version })
    .onConflict((oc) =>
      oc
        .columns(['stream', 'id'])
        .doUpdateSet((eb) => ({ version: eb.fn('max', ['version', 'excluded.version']) })),
    ),
)

const unbury = statement((p: Params<{ stream: Stream; id: string }>) =>
  query.deleteFrom('tombstones').where('stream', '=', p.stream).where('id', '=', p.id),
)

export function createTombstones(sqlite: BetterSqlite3.Database, stream: Stream) {
  const versionOf = buriedVersion.on(sqlite)
  const insert = bury.on(sqlite)
  const remove = unbury.on(sqlite)
  return {
    /** The deleted version of `id`, or undefined when it was never deleted (or came back). */
    versionOf: (id: string) => versionOf.get({ stream, id })?.version,
    bury: (id: string, version: number) => void insert.run({ stream, id, version }),
    /** A newer version than the tombstone arrived: the record lives again. */
    unbury: (id: string) => void remove.run({ stream, id }),
  }
}
