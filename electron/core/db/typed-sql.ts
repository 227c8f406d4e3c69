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

/** The row a statement returns. */
export type RowOf<D> = D extends StatementDefinition<never, infer R> ? R : never

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
  return typed<P, R>(build, false)
}

/**
 * A typed statement that reads one column: it returns that column's values, not rows
 * (better-sqlite3's pluck), as `SELECT rowid ...` read by hand did.
 */
export function pluckedStatement<P extends object = Record<never, never>, R = unknown>(
  build: (p: Params<P>) => Compilable<R>,
): StatementDefinition<P, R[keyof R]> {
  return typed<P, R[keyof R]>(build as (p: Params<P>) => Compilable<unknown>, true)
}

function typed<P extends object, R>(
  build: (p: Params<P>) => Compilable<unknown>,
  pluck: boolean,
): StatementDefinition<P, R> {
  const placeholders = new Proxy(
    {},
    { get: (_, name) => (typeof name === 'string' ? new Param(name) : undefined) },
  ) as Params<P>
  const compiled = build(placeholders).compile()
  const bind = binder(compiled.parameters)
  defined.push(compiled.sql)
  return define(compiled.sql, (prepared): Statement<P, R> => {
    const run = (pluck ? prepared.pluck() : prepared) as unknown as Record<
      'get' | 'all' | 'iterate' | 'run',
      Call
    >
    return {
      get: (params?: unknown) => bind(run.get, run, params),
      all: (params?: unknown) => bind(run.all, run, params),
      iterate: (params?: unknown) => bind(run.iterate, run, params),
      run: (params?: unknown) => bind(run.run, run, params),
    } as unknown as Statement<P, R>
  })
}

/**
 * A statement Kysely cannot write (an FTS5 query's rank command, INDEXED BY, NOT INDEXED): its SQL
 * written by hand in its table's owner module, with a comment saying why, and prepared once per
 * connection like the typed ones. The type checker does not check its names; the tests that run
 * it do. `A` are its values as better-sqlite3 takes them: in order, or `[{ name: value }]`.
 */
export function handWritten<A extends unknown[] = unknown[], R = unknown>(
  sql: string,
  options: { pluck?: boolean } = {},
): HandWritten<A, R> {
  return define(sql, (prepared) => {
    const statement = prepared as BetterSqlite3.Statement<A, R>
    return options.pluck ? statement.pluck() : statement
  })
}

/** A statement written by hand, prepared on one connection as better-sqlite3 gives it. */
export type HandWritten<A extends unknown[], R> = Definition<BetterSqlite3.Statement<A, R>>

type Call = (this: unknown, ...values: unknown[]) => unknown
type Bound = (call: Call, on: unknown, params: unknown) => unknown

/**
 * Calls a statement method with the values of one call, in the order of the SQL's placeholders.
 * Values that are not placeholders are constants of the statement ('pending', 500...). This runs
 * for every row a sync stores and every record a resync marks, so statements of up to three values
 * (nearly all of them) pass them as arguments, as hand-written code does: no array per call, no
 * loop (the statements bench, tests/bench/statements-bench.ts, measures the difference).
 */
function binder(parameters: readonly unknown[]): Bound {
  const value = (i: number): ((params: Record<string, unknown>) => unknown) => {
    const parameter = parameters[i]
    if (!(parameter instanceof Param)) return () => parameter
    const name = parameter.name
    return (params) => params[name]
  }
  const count = parameters.length
  const names = parameters.map((p) => (p instanceof Param ? p.name : null))
  const allNamed = names.every((name) => name !== null)
  type P = Record<string, unknown>
  if (count === 0) return ((call, on) => call.call(on)) as Bound
  if (count === 1 && allNamed) {
    const n0 = names[0]!
    return ((call, on, params) => call.call(on, (params as P)[n0])) as Bound
  }
  if (count === 2 && allNamed) {
    const [n0, n1] = names as [string, string]
    return ((call, on, params) => call.call(on, (params as P)[n0], (params as P)[n1])) as Bound
  }
  if (count === 3 && allNamed) {
    const [n0, n1, n2] = names as [string, string, string]
    return ((call, on, params) =>
      call.call(on, (params as P)[n0], (params as P)[n1], (params as P)[n2])) as Bound
  }
  const values = Array.from({ length: count }, (_, i) => value(i))
  return ((call, on, params) => {
    const bound = new Array<unknown>(count)
    for (let i = 0; i < count; i++) bound[i] = values[i]!(params as P)
    return call.call(on, bound)
  }) as Bound
}

/** SQL prepared once per connection, then the same statement. */
export interface Definition<S> {
  readonly sql: string
  on(sqlite: BetterSqlite3.Database): S
}

function define<S extends object>(
  sql: string,
  wrap: (prepared: BetterSqlite3.Statement) => S,
): Definition<S> {
  const prepared = new WeakMap<BetterSqlite3.Database, S>()
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
