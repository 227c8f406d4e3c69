// Typed SQL. A statement is written once, with Kysely, against db/schema.ts's Database, so the type
// checker checks every table and column name it uses and the type of each row it returns. It is
// compiled to SQL once, when its module loads, and better-sqlite3 prepares that SQL once per
// connection and runs it synchronously, binding the values of each call: no query is built, and
// nothing is awaited, per call (docs/architecture.md, "Typed SQL").
//
//   const casesOfDelivery = statement((p: Params<{ deliveryId: string }>) =>
//     query.selectFrom('cases').select(['id', 'status']).where('delivery_id', '=', p.deliveryId),
//   )
//   casesOfDelivery.on(sqlite).all({ deliveryId })  // { id: string; status: string }[]
//
// Each table's statements live in the one module that owns the table (tests/core/db/ownership.test.ts).
import type BetterSqlite3 from 'better-sqlite3'
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely'
import type { Database } from './schema.ts'

/** Builds queries against the cache's tables; it has no connection and never runs one. */
export const query = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

/** A value given when the statement runs, by name. */
class Param {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
}

/** The placeholders a statement's builder receives: `p.id` stands for the `id` of each call. */
export type Params<P> = { readonly [K in keyof P]: P[K] }

type Args<P> = P extends readonly unknown[] ? P : [keyof P] extends [never] ? [] : [params: P]

/** A statement prepared on one connection. */
export interface Statement<P, R> {
  get(...args: Args<P>): R | undefined
  all(...args: Args<P>): R[]
  iterate(...args: Args<P>): IterableIterator<R>
  run(...args: Args<P>): BetterSqlite3.RunResult
}

export interface StatementDefinition<P, R> {
  readonly sql: string
  /** The statement prepared on `sqlite`: once per connection, then the same one. */
  on(sqlite: BetterSqlite3.Database): Statement<P, R>
}

const defined: string[] = []

/** The SQL of every statement defined so far (in the modules loaded), for the ownership test. */
export function definedStatements(): readonly string[] {
  return defined
}

/**
 * A typed statement: `build` receives placeholders for the values each call gives (by name) and
 * returns a Kysely query, compiled here once.
 */
export function statement<P extends object = Record<never, never>, R = unknown>(
  build: (p: Params<P>) => Compilable<R>,
): StatementDefinition<P, R> {
  const placeholders = new Proxy(
    {},
    { get: (_, name) => (typeof name === 'string' ? new Param(name) : undefined) },
  ) as Params<P>
  const compiled = build(placeholders).compile()
  // Values that are not placeholders are constants of the statement ('pending', 500...). The
  // values of a call are laid out by a plain loop: this runs for every row a sync stores.
  const names = compiled.parameters.map((value) => (value instanceof Param ? value.name : null))
  const constants = compiled.parameters
  const count = names.length
  const bind = (params: Record<string, unknown> | undefined): unknown[] => {
    const values = new Array<unknown>(count)
    for (let i = 0; i < count; i++) {
      const name = names[i]
      values[i] = name === null || name === undefined ? constants[i] : params![name]
    }
    return values
  }
  return define<P, R>(compiled.sql, (prepared) => {
    const run = prepared as BetterSqlite3.Statement<unknown[], R>
    return {
      get: (params?: unknown) => run.get(bind(params as Record<string, unknown>)),
      all: (params?: unknown) => run.all(bind(params as Record<string, unknown>)),
      iterate: (params?: unknown) => run.iterate(bind(params as Record<string, unknown>)),
      run: (params?: unknown) => run.run(bind(params as Record<string, unknown>)),
    } as Statement<P, R>
  })
}

function define<P, R>(
  sql: string,
  wrap: (prepared: BetterSqlite3.Statement) => Statement<P, R>,
): StatementDefinition<P, R> {
  defined.push(sql)
  const prepared = new WeakMap<BetterSqlite3.Database, Statement<P, R>>()
  return {
    sql,
    on(sqlite) {
      let bound = prepared.get(sqlite)
      if (!bound) {
        bound = wrap(sqlite.prepare(sql))
        prepared.set(sqlite, bound)
      }
      return bound
    },
  }
}
