// Checked before the console talks to the service with the cache's contents (a push of queued
// work, a pull from the saved cursor): the service answering at the address must still be the one
// the cache was filled from. A different service brought up at the same address (another demo
// seed on the same port, staging where production was) is refused in words, and nothing of the
// cache is sent to it.
import type BetterSqlite3 from 'better-sqlite3'
import { ServiceError, type ServiceClient } from '../sync/service-client.ts'
import { compareService, describeService, readCacheOwner, recordCacheOwner } from './cache-owner.ts'

export function createServiceGuard(options: {
  sqlite: BetterSqlite3.Database
  url: string
  client: Pick<ServiceClient, 'describe'>
}) {
  let verified = false

  /** Asks the service what it is and compares; throws ServiceError('other-service') if not ours. */
  async function verify(): Promise<void> {
    const probe = await options.client.describe()
    const owner = readCacheOwner(options.sqlite)
    // An erased cache belongs to no one: it is the current service's from now on.
    const verdict = owner ? compareService(owner, options.url, probe) : 'same'
    if (verdict === 'same') {
      if (probe.reached || !owner) recordCacheOwner(options.sqlite, options.url, probe)
      // Unanswered, the address alone vouches for it; the next exchange asks again.
      verified = probe.reached
      return
    }
    verified = false
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
    /** Before each sync run: asks the service every time. */
    verify,
    /** Before a push between runs: asks only until the service has been confirmed once. */
    confirmed: (): Promise<void> => (verified ? Promise.resolve() : verify()),
  }
}
