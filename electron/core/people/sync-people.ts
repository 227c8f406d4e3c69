// Fetches the service's directory of people and keeps it (people-table.ts). Each entry is checked
// on its own against the contract: a bad one is left out and logged, the good ones beside it kept.
// A directory that cannot be read leaves the kept copy as it was; names then come from there.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { Logger } from '../common/logger.ts'
import { PersonSchema } from '../contract/schemas.ts'
import { createPeopleTable, type PersonRow } from './people-table.ts'

export interface PeopleSyncResult {
  kept: number
  rejected: number
}

export async function syncPeople(options: {
  sqlite: BetterSqlite3.Database
  listPeople: () => Promise<unknown[]>
  log: Logger
  now?: () => Date
}): Promise<PeopleSyncResult> {
  const entries = await options.listPeople()
  const listedAt = (options.now?.() ?? new Date()).toISOString()
  const rows: PersonRow[] = []
  let rejected = 0
  for (const [index, entry] of entries.entries()) {
    const parsed = PersonSchema.safeParse(entry)
    if (parsed.success) {
      rows.push({ ...parsed.data, listed_at: listedAt })
    } else {
      rejected++
      options.log.warn(
        `The directory's entry ${index + 1} breaks the contract and was left out: ${z.prettifyError(parsed.error)}`,
      )
    }
  }
  createPeopleTable(options.sqlite).keep(rows)
  return { kept: rows.length, rejected }
}
