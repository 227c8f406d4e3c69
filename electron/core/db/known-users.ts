// The names of the users who signed in on this computer (`known_users`), beside the service's
// directory (people/people-table.ts): a user met here is named even before the first sync. The
// one module with statements on `known_users`.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { KnownUsersTable } from './schema.ts'
import { query, statement, type Params } from './typed-sql.ts'

export type KnownUserRow = Selectable<KnownUsersTable>

const nameOf = statement((p: Params<{ id: string }>) =>
  query.selectFrom('known_users').select('name').where('id', '=', p.id),
)

const everyone = statement(() =>
  query.selectFrom('known_users').select(['id', 'name', 'role']).orderBy('id'),
)

const remember = statement((p: Params<KnownUserRow>) =>
  query
    .insertInto('known_users')
    .values({ id: p.id, name: p.name, role: p.role })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        role: eb.ref('excluded.role'),
      })),
    ),
)

export type KnownUsers = ReturnType<typeof createKnownUsers>

export function createKnownUsers(sqlite: BetterSqlite3.Database) {
  return {
    /** The name of `id`, or null for a user never met here (or no user). */
    nameOf: (id: string | null): string | null =>
      id === null ? null : (nameOf.on(sqlite).get({ id })?.name ?? null),
    /** Every user met here. */
    all: (): KnownUserRow[] => everyone.on(sqlite).all(),
    /** Keeps (or updates) a user's name and role. */
    remember: (user: KnownUserRow): void => void remember.on(sqlite).run(user),
  }
}
