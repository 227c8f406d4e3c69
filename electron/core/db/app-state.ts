// Small facts kept by key in the cache (`app_state`): the settings, the signed-in user (not the
// token), when sync and retention last ran, a recovery's report... The one module with statements
// on `app_state`; each key is named by the module that keeps it.
import type BetterSqlite3 from 'better-sqlite3'
import { query, statement, type Params } from './typed-sql.ts'

const valueOf = statement((p: Params<{ key: string }>) =>
  query.selectFrom('app_state').select('value').where('key', '=', p.key),
)

const write = statement((p: Params<{ key: string; value: string }>) =>
  query
    .insertInto('app_state')
    .values({ key: p.key, value: p.value })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
    ),
)

const remove = statement((p: Params<{ key: string }>) =>
  query.deleteFrom('app_state').where('key', '=', p.key),
)

const keys = statement(() => query.selectFrom('app_state').select('key'))

export type AppState = ReturnType<typeof createAppState>

export function createAppState(sqlite: BetterSqlite3.Database) {
  return {
    get: (key: string): string | null => valueOf.on(sqlite).get({ key })?.value ?? null,
    set: (key: string, value: string): void => void write.on(sqlite).run({ key, value }),
    /** Removes `key`; true when it was there. */
    remove: (key: string): boolean => remove.on(sqlite).run({ key }).changes > 0,
    keys: (): string[] =>
      keys
        .on(sqlite)
        .all()
        .map((r) => r.key),
  }
}
