// Whose a cache is: the delivery service it was filled from (its address, and its identity where
// the service states one in /v1/health), kept in the cache itself (migration 008). A cache is
// filled from one service only: records, cursors and unsent case work of one service never go to
// another (see choose-cache.ts at open and service-guard.ts before each exchange).
import type BetterSqlite3 from 'better-sqlite3'
import type { ServiceIdentity } from '../contract/schemas.ts'
import type { ServiceProbe } from '../service/service-client.ts'
import { anyUnsentView } from '../audit/photo-views.ts'
import { anyCase, anyUnsentEvent, unsentEventCount } from '../cases/case-tables.ts'
import { anyDelivery } from '../deliveries/delivery-tables.ts'
import { anyCursor } from '../sync/sync-tables.ts'

export interface CacheOwner {
  /** The service's base URL, normalised (normaliseServiceUrl); the last one it was reached at. */
  url: string
  /** What the service said it is, or null when it never said (or was never reached). */
  identity: ServiceIdentity | null
  /** When the cache was first bound to it. */
  boundAt: string
}

/**
 * One spelling per address: scheme and host in lower case, no default port, no user info, query
 * or fragment, no trailing slash (`HTTP://Example.com:80/api/` is `http://example.com/api`).
 */
export function normaliseServiceUrl(url: string): string {
  const u = new URL(url)
  const path = u.pathname.replace(/\/+$/, '')
  return `${u.protocol}//${u.host}${path}`
}

/** The service in words, for messages: its address and, where it said, its name or id. */
export function describeService(service: { url: string; identity: ServiceIdentity | null }) {
  const identity = service.identity
  if (!identity) return service.url
  const name = identity.name ?? identity.id
  return `${service.url} (${name}${identity.scope ? `, ${identity.scope}` : ''})`
}

/**
 * Whether the service at `url` (and what it said of itself, when asked) is the one the cache was
 * filled from:
 * - both stated an identity: the same id and scope, wherever it is reached from;
 * - the cache knows the identity and the service, reached, states none (or another): another one;
 * - otherwise the same address is the same service; another address that could not be asked is
 *   `unconfirmed`, one that was asked and states nothing the cache can match is another.
 */
export function compareService(
  owner: CacheOwner,
  url: string,
  probe?: ServiceProbe,
): 'same' | 'other' | 'unconfirmed' {
  const sameAddress = owner.url === normaliseServiceUrl(url)
  if (probe?.reached) {
    const stated = probe.identity
    if (owner.identity && stated)
      return owner.identity.id === stated.id &&
        (owner.identity.scope ?? null) === (stated.scope ?? null)
        ? 'same'
        : 'other'
    if (owner.identity) return 'other'
    return sameAddress ? 'same' : 'other'
  }
  return sameAddress ? 'same' : 'unconfirmed'
}

export function readCacheOwner(sqlite: BetterSqlite3.Database): CacheOwner | null {
  const row = sqlite
    .prepare<
      [],
      {
        base_url: string
        service_id: string | null
        service_name: string | null
        service_scope: string | null
        bound_at: string
      }
    >('SELECT base_url, service_id, service_name, service_scope, bound_at FROM cache_owner')
    .get()
  if (!row) return null
  return {
    url: row.base_url,
    identity:
      row.service_id === null
        ? null
        : {
            id: row.service_id,
            ...(row.service_name === null ? {} : { name: row.service_name }),
            ...(row.service_scope === null ? {} : { scope: row.service_scope }),
          },
    boundAt: row.bound_at,
  }
}

/**
 * Records the service the cache is (from now on) filled from. A cache already bound to it keeps
 * its binding date and learns the service's current address and, when it now states one, its
 * identity; any other binding is replaced, which callers do only for a cache that holds nothing
 * of another service (see holdsServiceData).
 */
export function recordCacheOwner(
  sqlite: BetterSqlite3.Database,
  url: string,
  probe?: ServiceProbe,
): CacheOwner {
  const current = readCacheOwner(sqlite)
  const keep = current !== null && compareService(current, url, probe) === 'same'
  const identity =
    probe?.reached && probe.identity ? probe.identity : keep ? current.identity : null
  const boundAt = keep ? current.boundAt : new Date().toISOString()
  const owner: CacheOwner = { url: normaliseServiceUrl(url), identity, boundAt }
  sqlite
    .prepare(
      `INSERT INTO cache_owner (only, base_url, service_id, service_name, service_scope, bound_at)
       VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (only) DO UPDATE SET base_url = excluded.base_url,
         service_id = excluded.service_id, service_name = excluded.service_name,
         service_scope = excluded.service_scope, bound_at = excluded.bound_at`,
    )
    .run(
      owner.url,
      identity?.id ?? null,
      identity?.name ?? null,
      identity?.scope ?? null,
      owner.boundAt,
    )
  return owner
}

/**
 * True when the cache holds anything that came from a service or must go to one: a sync cursor,
 * a delivery, a case, or work not yet sent. An empty (or erased) cache belongs to no one yet.
 */
export function holdsServiceData(sqlite: BetterSqlite3.Database): boolean {
  return [anyCursor, anyDelivery, anyCase, anyUnsentEvent, anyUnsentView].some(
    (held) => held.on(sqlite).get()?.held === 1,
  )
}

/** Case changes made here that have not reached the service (as "erase local data" counts them). */
export function unsentChanges(sqlite: BetterSqlite3.Database): number {
  return unsentEventCount.on(sqlite).get()?.n ?? 0
}
