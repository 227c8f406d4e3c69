// The names of the users this cache has met (`known_users`): the contract has no user directory,
// so a case or a report shows a colleague's name only if they signed in here (or, in the demo,
// were seeded). The one module with statements on `known_users`.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { KnownUsersTable } from './schema.ts'
import { query, statement, type Params } from './typed-sql.ts'

export type KnownUserRow = Selectable<KnownUsersTable>

const nameOf = statement((p: Params<{ id: string }>) =>
  query.selectFrom('known_users').select('name').where('id', '=', p.id),
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
    /** Keeps (or updates) a user's name and role. */
    remember: (user: KnownUserRow): void => void remember.on(sqlite).run(user),
  }
}
