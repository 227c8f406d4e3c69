// Checked before the console talks to the service with the cache's contents (each sync run, and
// each push of queued work between runs: one small GET of /v1/health): the service answering at
// the address must still be the one the cache was filled from. A different service brought up at
// the same address (another demo seed on the same port, staging where production was) is refused
// in words, and nothing of the cache is sent to it.
import type BetterSqlite3 from 'better-sqlite3'
import { ServiceError, type ServiceClient } from '../service/service-client.ts'
import { compareService, describeService, readCacheOwner, recordCacheOwner } from './cache-owner.ts'

export function createServiceGuard(options: {
  sqlite: BetterSqlite3.Database
  url: string
  client: Pick<ServiceClient, 'describe'>
}) {
  async function verify(): Promise<void> {
    const probe = await options.client.describe()
    const owner = readCacheOwner(options.sqlite)
    // An erased cache belongs to no one: it is the current service's from now on.
    const verdict = owner ? compareService(owner, options.url, probe) : 'same'
    if (verdict === 'same') {
      // Unanswered, the address alone vouches for it (and the exchange that follows will fail).
      if (probe.reached || !owner) recordCacheOwner(options.sqlite, options.url, probe)
      return
    }
    const asked = describeService({
      url: options.url,
      identity: probe.reached ? probe.identity : null,
    })
    throw new ServiceError(
      verdict === 'unconfirmed' ? 'unreachable' : 'other-service',
      verdict === 'unconfirmed'
        ? `The delivery service at ${asked} cannot be reached to confirm it is the one this cache was filled from (${describeService(owner!)}).`
        : `The delivery service at ${asked} is not the one this cache was filled from (${describeService(owner!)}). Nothing was sent to it or taken from it.`,
    )
  }

  return {
    /** Asks the service what it is and compares; throws ServiceError('other-service') if not ours. */
    verify,
  }
}
