// Who each id in a report or an export is, in the one wording of the screens: the name from the
// service's directory (or a sign-in here), else "Unknown person (id)", never a bare id.
import type BetterSqlite3 from 'better-sqlite3'
import { personName } from '../api/display-words.ts'
import { createPersonNames } from '../people/person-names.ts'

/** A name for every id (null only for no id), read from this cache when asked. */
export function reportPersonNames(sqlite: BetterSqlite3.Database) {
  const names = createPersonNames(sqlite)
  return (id: string | null): string | null =>
    id === null ? null : personName(id, names.nameOf(id))
}
