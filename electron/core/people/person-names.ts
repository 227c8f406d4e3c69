// Who an id is: the service's directory as kept here (people-table.ts), else a user who signed in
// on this computer (db/known-users.ts). Null for a person neither knows: the screens and exports
// then say so in the one wording of api/display-words.ts (unknownPerson), never a bare id.
import type BetterSqlite3 from 'better-sqlite3'
import { createKnownUsers } from '../db/known-users.ts'
import { createPeopleTable } from './people-table.ts'

export type PersonKind = 'agent' | 'supervisor' | 'driver'

export interface NamedPerson {
  id: string
  name: string
  kind: PersonKind
}

const KINDS: ReadonlySet<string> = new Set(['agent', 'supervisor', 'driver'])

export type PersonNames = ReturnType<typeof createPersonNames>

export function createPersonNames(sqlite: BetterSqlite3.Database) {
  const people = createPeopleTable(sqlite)
  const knownUsers = createKnownUsers(sqlite)
  return {
    /** The name of `id`, or null for no id or a person this cache does not know. */
    nameOf(id: string | null): string | null {
      if (id === null) return null
      return people.nameOf(id) ?? knownUsers.nameOf(id)
    },
    /** Everyone this cache can name: the directory, and users met here that it does not list. */
    everyone(): NamedPerson[] {
      const listed = people.all().map((row) => ({
        id: row.id,
        name: row.name,
        kind: (KINDS.has(row.kind) ? row.kind : 'agent') as PersonKind,
      }))
      const ids = new Set(listed.map((p) => p.id))
      const met = knownUsers
        .all()
        .filter((user) => !ids.has(user.id))
        .map((user) => ({
          id: user.id,
          name: user.name,
          kind: (user.role === 'supervisor' ? 'supervisor' : 'agent') as PersonKind,
        }))
      return [...listed, ...met]
    },
  }
}
