// Checked by the type checker (`npm run typecheck`), not at run time: db/schema.ts's Database
// interface says exactly what the migrations make (expected-schema.ts, which schema.test.ts keeps
// equal to a freshly migrated file). Every table and column on both sides; a column that may be
// NULL is `| null` and one that may not is not; TEXT is a string, INTEGER and REAL numbers, BLOB a Uint8Array; a
// column SQLite fills in (a DEFAULT, an INTEGER PRIMARY KEY) is Generated<>, one it does not is
// not; a `CHECK (column IN (...))` is the same union. A mismatch fails the type check with a
// sentence naming the column.
import type { Insertable, Selectable } from 'kysely'
import type { Database } from '../../../electron/core/db/schema.ts'
import type { expectedSchema } from './expected-schema.ts'

type Tables = (typeof expectedSchema)['tables']
type Both = keyof Tables & keyof Database & string

interface Column {
  type: string
  nullable: boolean
  default?: string
  primaryKey?: boolean
  values?: readonly string[]
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

type ValueOf<C extends Column> = C['type'] extends 'TEXT'
  ? string
  : C['type'] extends 'INTEGER' | 'REAL'
    ? number
    : C['type'] extends 'BLOB'
      ? Uint8Array
      : never

/** SQLite gives the column a value when an insert leaves it out. */
type FilledIn<C extends Column> = C extends { default: string }
  ? true
  : C extends { primaryKey: true; type: 'INTEGER' }
    ? true
    : false

/** An insert may leave the column out. */
type OptionalOnInsert<T extends Both, C extends string> =
  Record<never, never> extends Pick<
    Insertable<Database[T]>,
    Extract<C, keyof Insertable<Database[T]>>
  >
    ? true
    : false

type ColumnProblem<
  T extends Both,
  C extends string,
  E extends Column,
  Raw,
> = C extends keyof Selectable<Database[T]>
  ? | (Exclude<Selectable<Database[T]>[C], null> extends ValueOf<E>
        ? never
        : `${T}.${C} is ${E['type']}: its type in Database must be a ${E['type'] extends 'TEXT' ? 'string' : E['type'] extends 'BLOB' ? 'Uint8Array' : 'number'}`)
    | (E['nullable'] extends true
        ? null extends Selectable<Database[T]>[C]
          ? never
          : `${T}.${C} may be NULL: Database must say | null`
        : null extends Selectable<Database[T]>[C]
          ? `${T}.${C} is NOT NULL: Database must not allow null`
          : never)
    | (E['nullable'] extends true
        ? never
        : Same<FilledIn<E>, OptionalOnInsert<T, C>> extends true
          ? never
          : FilledIn<E> extends true
            ? `${T}.${C} is filled in by SQLite: Database must say Generated<>`
            : `${T}.${C} has no default: Database must not say Generated<>`)
    | (Raw extends { values: readonly (infer V)[] }
        ? Same<Exclude<Selectable<Database[T]>[C], null>, V> extends true
          ? never
          : `${T}.${C} has a CHECK (${C} IN ...): Database must say the same union`
        : never)
  : never

type TableProblems<T extends Both> =
  | `${T}.${Exclude<keyof Tables[T]['columns'], keyof Database[T]> & string} is made by a migration: Database lacks it`
  // rowid is SQLite's own key of every table (bar WITHOUT ROWID ones), never a declared column.
  | `${T}.${Exclude<keyof Database[T], keyof Tables[T]['columns'] | 'rowid'> & string} is in Database: no migration makes it`
  | {
      [C in keyof Tables[T]['columns'] & string]: ColumnProblem<
        T,
        C,
        Tables[T]['columns'][C] & Column,
        Tables[T]['columns'][C]
      >
    }[keyof Tables[T]['columns'] & string]

type Problems =
  | `${Exclude<keyof Tables, keyof Database> & string} is made by a migration: Database lacks it`
  | `${Exclude<keyof Database, keyof Tables> & string} is in Database: no migration makes it`
  | { [T in Both]: TableProblems<T> }[Both]

/**
 * Empty when Database and the migrations agree; otherwise the type checker refuses it and names
 * each problem as a missing property ("... is missing the following properties ...").
 */
export const problems: { [P in Problems]: true } = {}
