// Repeat claims: cases of the last 90 days on other deliveries that share a customer, an address
// or a driver with this one, as the delivery and case screens show them. The one statement that
// reads cases beside the deliveries they are on.
import type BetterSqlite3 from 'better-sqlite3'
import { deliveryCaseFacts } from '../deliveries/delivery-tables.ts'

const HOUR = 3_600_000
export const REPEAT_WINDOW_DAYS = 90

/**
 * Cases of the last 90 days (synced, or opened here and not sent yet) on other deliveries
 * sharing a customer, an address or a driver with @deliveryId, the three counted in one pass
 * over the recent cases. Exported for the open-delivery benchmark, which runs it bare.
 */
export const REPEAT_COUNTS_SQL = `SELECT sum(d.customer_id = @customer) AS customer,
         sum(d.postal_code || '|' || lower(d.address_line1) = @address) AS address,
         sum(d.driver_id = @driver) AS driver
       FROM (
         SELECT c.id, c.delivery_id FROM cases c WHERE c.opened_at >= @since
         UNION
         SELECT e.case_id, json_extract(e.body_json, '$.deliveryId') FROM case_events e
           WHERE e.type = 'opened' AND e.state = 'pending' AND e.created_at >= @since
       ) k JOIN deliveries d ON d.id = k.delivery_id
       WHERE d.id != @deliveryId`

export type RepeatCountParams = {
  since: string
  deliveryId: string
  customer: string
  address: string
  driver: string
}
export type RepeatCountRow = {
  customer: number | null
  address: number | null
  driver: number | null
}

export function createRepeatClaims(sqlite: BetterSqlite3.Database) {
  const deliveryFacts = deliveryCaseFacts.on(sqlite)
  // Each count needs the recent cases' delivery rows: reading them once instead of three times
  // (or, for a driver, every one of their thousands of deliveries) is what keeps opening a
  // delivery quick at a million deliveries.
  const repeatCounts = sqlite.prepare<RepeatCountParams, RepeatCountRow>(REPEAT_COUNTS_SQL)

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
