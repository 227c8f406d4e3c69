// Repeat claims and the "delivered away from the address" flag, on a hand-made world served by the
// fault server: which cases in the last 90 days share the customer, the address or the driver of
// a delivery, and how far beyond its own accuracy a drop-off was from the geocoded address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { startFaultServer, TEST_ACCOUNT, type FaultServer } from '../../support/fault-server.ts'
import { CASE_EVENTS_PATH } from '../../support/case-event-server.ts'
import { makeCase, makeDelivery, tombstone } from '../../support/records.ts'
import { startConsole, tempDirs, type TestConsole } from './desk-harness.ts'

const DAY = 86_400_000
/** One degree of latitude in metres on the haversine sphere (R = 6 371 008.8 m): 2πR / 360. */
const METRES_PER_DEGREE_LAT = (2 * Math.PI * 6_371_008.8) / 360
const HOME = { lat: 47.6145, lng: -122.3275 }
/** A fix `m` metres due north of the address (distance along a meridian is exactly R·Δφ). */
const north = (m: number, accuracyM: number) => ({
  lat: HOME.lat + m / METRES_PER_DEGREE_LAT,
  lng: HOME.lng,
  accuracyM,
})

const A1 = { line1: '1420 Pine Street', postalCode: '98101' }
const A2 = { line1: '77 Elm Road', postalCode: '98109' }
const A3 = { line1: '9 Birch Lane', postalCode: '98115' }

let delivered = Date.parse('2026-11-20T18:00:00Z')
function delivery(
  id: string,
  who: { customer: string; address: { line1: string; postalCode: string }; driver: string },
  dropMetres = 10,
): DeliveryRecord {
  delivered -= 60_000
  const base = makeDelivery(id)
  return {
    ...base,
    deliveredAt: new Date(delivered).toISOString(),
    customer: { ...base.customer, id: who.customer, name: `Customer ${who.customer}` },
    address: { ...base.address, ...who.address, location: HOME },
    driver: { id: who.driver, name: `Driver ${who.driver}` },
    dropOff: { ...base.dropOff, location: north(dropMetres, 10) },
    photos: [],
  }
}

const opened = (daysAgo: number) => {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString()
  return { openedAt: at, updatedAt: at }
}

let server: FaultServer
let desk: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  server = await startFaultServer()
  // The delivery looked at: customer C1, address A1, driver D1, dropped 400 m north (±10 m).
  server.deliveries.append(
    delivery('dT', { customer: 'C1', address: A1, driver: 'D1' }, 400),
    delivery('dA', { customer: 'C1', address: A1, driver: 'D2' }),
    delivery('dB', { customer: 'C1', address: A2, driver: 'D1' }),
    // The same street as A1 written in capitals: the same address.
    delivery('dC', { customer: 'C2', address: { ...A1, line1: '1420 PINE STREET' }, driver: 'D1' }),
    delivery('dD', { customer: 'C1', address: A1, driver: 'D1' }),
    delivery('dE', { customer: 'C3', address: A3, driver: 'D1' }),
    delivery('dF', { customer: 'C3', address: A3, driver: 'D3' }),
    // The same street in another postal code: another address.
    delivery('dG', { customer: 'C4', address: { ...A1, postalCode: '98102' }, driver: 'D4' }),
    delivery('dH', { customer: 'C1', address: A1, driver: 'D1' }),
    // Distances for the flag (threshold 150 m beyond the fix's ±10 m accuracy).
    delivery('d140', { customer: 'C9', address: A3, driver: 'D9' }, 140),
    delivery('d155', { customer: 'C9', address: A3, driver: 'D9' }, 155),
    delivery('d165', { customer: 'C9', address: A3, driver: 'D9' }, 165),
    // Shares nothing: its many recent cases only push the others out of any "newest" list.
    delivery('dBusy', {
      customer: 'C99',
      address: { line1: '1 Far Way', postalCode: '98199' },
      driver: 'D99',
    }),
  )
  server.cases.append(
    makeCase(1, 'dT', opened(2)), // on the delivery itself: never a repeat
    makeCase(2, 'dA', opened(10)), // customer, address
    makeCase(3, 'dB', opened(89)), // customer, driver
    makeCase(4, 'dC', opened(30)), // address, driver
    makeCase(5, 'dD', opened(91)), // outside the 90 days
    makeCase(6, 'dE', opened(20)), // driver
    makeCase(7, 'dE', opened(40)), // driver
    makeCase(8, 'dF', opened(5)), // nothing shared
    makeCase(9, 'dG', opened(3)), // nothing shared
    makeCase(10, 'dH', opened(7)),
    tombstone(makeCase(10, 'dH').id, 2), // deleted upstream: gone
    ...Array.from({ length: 55 }, (_, i) => makeCase(100 + i, 'dBusy', opened(1))),
  )
  desk = await startConsole(server.url, { dataDir: dirs.make() })
  await desk.h.signIn({ username: TEST_ACCOUNT.username, password: TEST_ACCOUNT.password })
  await desk.core.syncOnce()
})
afterAll(async () => {
  await desk?.close()
  await server?.close()
  dirs.removeAll()
})

describe('repeat claims', () => {
  it('counts the cases of the last 90 days on the same customer, address and driver', async () => {
    const detail = (await desk.h.getDelivery({ id: 'dT' }))!
    expect(detail.repeatClaims).toEqual({
      customer: { id: 'C1', count: 2 }, // dA, dB
      address: { key: '98101|1420 pine street', count: 2 }, // dA, dC
      driver: { id: 'D1', count: 4 }, // dB, dC, dE twice
    })
    expect(detail.cases.map((c) => c.id)).toEqual([makeCase(1, 'dT').id])
    expect((await desk.h.getDelivery({ id: 'd140' }))!.repeatClaims).toEqual({
      customer: { id: 'C9', count: 0 },
      address: { key: '98115|9 birch lane', count: 3 }, // dE twice, dF
      driver: { id: 'D9', count: 0 },
    })
  })

  it("lists a delivery's own cases however many newer cases there are elsewhere", async () => {
    expect((await desk.h.getDelivery({ id: 'dD' }))!.cases.map((c) => c.id)).toEqual([
      makeCase(5, 'dD').id,
    ])
    expect((await desk.h.getDelivery({ id: 'dBusy' }))!.cases).toHaveLength(55)
  })

  it('counts a case opened here that the service does not have yet', async () => {
    // The service is busy for case events: the opened event stays queued.
    server.inject(
      { method: 'POST', path: CASE_EVENTS_PATH },
      { kind: 'status', status: 503, retryAfter: 0 },
      Infinity,
    )
    try {
      const local = await desk.h.openCase({ deliveryId: 'dB', reason: 'not_received' })
      // Opened, and assigned to the opener: both stay queued.
      expect(local.pendingChanges).toBe(2)
      await desk.core.syncOnce()
      expect((await desk.h.getCase({ caseId: local.id }))!.pendingChanges).toBe(2)
      expect((await desk.h.getDelivery({ id: 'dT' }))!.repeatClaims).toEqual({
        customer: { id: 'C1', count: 3 },
        address: { key: '98101|1420 pine street', count: 2 },
        driver: { id: 'D1', count: 5 },
      })
    } finally {
      server.clearFaults()
    }
  })
})

describe('delivered away from the address', () => {
  it('flags a drop-off 400 m away with ±10 m accuracy, with the distances', async () => {
    const check = (await desk.h.getDelivery({ id: 'dT' }))!.locationCheck
    expect(check.thresholdM).toBe(150)
    expect(check.dropOffDistanceM).toBeCloseTo(400, 3)
    expect(check.awayM).toBeCloseTo(390, 3)
    expect(check.flagged).toBe(true)
    expect(check.photoDistancesM).toEqual([])
  })

  it('counts the accuracy: 140 m and 155 m are not flagged, 165 m is', async () => {
    const expected = { d140: [140, 130, false], d155: [155, 145, false], d165: [165, 155, true] }
    for (const [id, [distance, away, flagged]] of Object.entries(expected)) {
      const check = (await desk.h.getDelivery({ id }))!.locationCheck
      expect(check.dropOffDistanceM, id).toBeCloseTo(distance as number, 3)
      expect(check.awayM, id).toBeCloseTo(away as number, 3)
      expect(check.flagged, id).toBe(flagged)
    }
  })

  it('lists the flagged deliveries in the search, and follows the threshold setting', async () => {
    const flagged = await desk.h.searchDeliveries({ query: '', limit: 50, awayFromAddress: true })
    expect(flagged.map((r) => r.deliveryId)).toEqual(['dT', 'd165'])
    expect(flagged.every((r) => r.awayFromAddress)).toBe(true)
    const all = await desk.h.searchDeliveries({ query: 'Pine', limit: 50 })
    expect(all.filter((r) => r.awayFromAddress).map((r) => r.deliveryId)).toEqual(['dT'])
    expect((await desk.h.searchDeliveries({ query: '', limit: 50 })).length).toBe(0)

    const queue = await desk.h.listCases({ sort: 'newest', limit: 200 })
    expect(queue.find((c) => c.deliveryId === 'dT')?.awayFromAddress).toBe(true)
    expect(queue.find((c) => c.deliveryId === 'dA')?.awayFromAddress).toBe(false)

    await desk.h.updateSettings({ locationThresholdM: 135 })
    try {
      const wider = await desk.h.searchDeliveries({ query: '', limit: 50, awayFromAddress: true })
      expect(wider.map((r) => r.deliveryId)).toEqual(['dT', 'd155', 'd165'])
      expect((await desk.h.getDelivery({ id: 'd155' }))!.locationCheck).toMatchObject({
        thresholdM: 135,
        flagged: true,
      })
    } finally {
      await desk.h.updateSettings({ locationThresholdM: 150 })
    }
  })
})
