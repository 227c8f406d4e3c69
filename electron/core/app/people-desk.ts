// People by name: the directory step of each sync run, and the API call that hands the renderer
// everyone this cache can name (api/people-schemas.ts).
import type BetterSqlite3 from 'better-sqlite3'
import type { ApiHandlers } from '../api/definition.ts'
import type { Logger } from '../common/logger.ts'
import { createPersonNames } from '../people/person-names.ts'
import { syncPeople } from '../people/sync-people.ts'
import { ServiceError } from '../service/service-client.ts'

export function createPeopleDesk(options: {
  sqlite: BetterSqlite3.Database
  listPeople: () => Promise<unknown[]>
  log: Logger
}) {
  const names = createPersonNames(options.sqlite)
  return {
    /**
     * Refreshes the kept directory. Never fails the sync run: without a fresh directory the kept
     * copy still names everyone it named, and the next run tries again.
     */
    async refresh(): Promise<void> {
      try {
        const result = await syncPeople(options)
        if (result.rejected > 0)
          options.log.warn(`The directory of people had ${result.rejected} entries left out.`)
      } catch (error) {
        if (error instanceof ServiceError)
          options.log.warn(`The directory of people was not read: ${error.message}`)
        else options.log.error('Keeping the directory of people failed', error)
      }
    },
    handlers: {
      listPeople: async () => names.everyone(),
    } satisfies Pick<ApiHandlers, 'listPeople'>,
  }
}
