// The service's directory of people as this cache keeps it (`people`), for offline use. The one
// module with statements on `people`.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { PeopleTable } from '../db/schema.ts'
import { query, statement, type Params } from '../db/typed-sql.ts'

export type PersonRow = Selectable<PeopleTable>

const upsert = statement((p: Params<PersonRow>) =>
  query
    .insertInto('people')
    .values({ id: p.id, name: p.name, kind: p.kind, listed_at: p.listed_at })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        listed_at: eb.ref('excluded.listed_at'),
      })),
    ),
)

const everyone = statement(() =>
  query.selectFrom('people').select(['id', 'name', 'kind']).orderBy('id'),
)

const nameOf = statement((p: Params<{ id: string }>) =>
  query.selectFrom('people').select('name').where('id', '=', p.id),
)

export type PeopleTableAccess = ReturnType<typeof createPeopleTable>

export function createPeopleTable(sqlite: BetterSqlite3.Database) {
  const keepAll = sqlite.transaction((rows: ReadonlyArray<PersonRow>) => {
    for (const row of rows) upsert.on(sqlite).run(row)
  })
  return {
    /** Keeps (or updates) these people, in one transaction. Nobody is forgotten. */
    keep: (rows: ReadonlyArray<PersonRow>): void => keepAll(rows),
    /** Everyone kept, by id. */
    all: (): Array<{ id: string; name: string; kind: string }> => everyone.on(sqlite).all(),
    /** The kept name of `id`, or null. */
    nameOf: (id: string): string | null => nameOf.on(sqlite).get({ id })?.name ?? null,
  }
}
