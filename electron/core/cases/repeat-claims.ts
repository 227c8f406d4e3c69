// Repeat claims: cases of the last 90 days on other deliveries that share a customer, an address
// or a driver with this one, as the delivery and case screens show them, counted in one statement
// over the recent cases and the deliveries they are on (case-tables.ts, repeatClaimCounts).
import type BetterSqlite3 from 'better-sqlite3'
import { deliveryCaseFacts } from '../deliveries/delivery-tables.ts'
import { repeatClaimCounts } from './case-tables.ts'

const HOUR = 3_600_000
export const REPEAT_WINDOW_DAYS = 90

export function createRepeatClaims(sqlite: BetterSqlite3.Database) {
  const deliveryFacts = deliveryCaseFacts.on(sqlite)
  const repeatCounts = repeatClaimCounts.on(sqlite)

  /** Cases in the last 90 days on the same customer, address and driver, not on this delivery. */
  return function repeatClaims(deliveryId: string, now = new Date()) {
    const facts = deliveryFacts.get({ id: deliveryId })
    const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 24 * HOUR).toISOString()
    const empty = {
      customer: { id: '', count: 0 },
      address: { key: '', count: 0 },
      driver: { id: '', count: 0 },
    }
    if (!facts) return empty
    const counts = repeatCounts.get({
      since,
      deliveryId,
      customer: facts.customer_id,
      address: facts.address_key,
      driver: facts.driver_id,
    })
    // An empty fact (no customer id from the service) joins nothing to anything.
    const count = (value: string, n: number | null | undefined) => (value === '' ? 0 : (n ?? 0))
    return {
      customer: { id: facts.customer_id, count: count(facts.customer_id, counts?.customer) },
      address: { key: facts.address_key, count: count(facts.address_key, counts?.address) },
      driver: { id: facts.driver_id, count: count(facts.driver_id, counts?.driver) },
    }
  }
}
