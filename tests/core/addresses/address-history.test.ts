// An address's own history, read from a real cache: the earlier deliveries to the same address
// (however the street is written, and within 30 m where geocoded), newest first, each with its
// first photo and latest claim, and the claims of the last 90 days on the address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAddressHistory } from '../../../electron/core/addresses/address-history.ts'
import { createCaseStore } from '../../../electron/core/cases/store-cases.ts'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { makeCase } from '../../support/records.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const HOME = { lat: 47.6145, lng: -122.3275 }
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

function delivery(
  id: string,
  deliveredDaysAgo: number,
  address: Partial<DeliveryRecord['address']> = {},
  overrides: Partial<DeliveryRecord> = {},
): DeliveryRecord {
  const base = makeDelivery(id)
  return {
    ...base,
    deliveredAt: daysAgo(deliveredDaysAgo),
    address: {
      ...base.address,
      line1: '12 Main Street',
      line2: null,
      postalCode: '98101',
      location: HOME,
      ...address,
    },
    driver: { id: `drv-${id}`, name: `Driver ${id}` },
    ...overrides,
  }
}

describe('an address history', () => {
  const temp = tempDir()
  let local: LocalDatabase
  let history: ReturnType<typeof createAddressHistory>

  beforeAll(async () => {
    local = await openDatabase(temp.dir)
    createDeliveryStore(local.sqlite).applyItems([
      delivery('d-now', 1),
      // The same address written another way, 10 m off: the same.
      delivery('d-same', 20, { line1: '12 Main St.', location: { lat: 47.61459, lng: -122.3275 } }),
      delivery('d-withheld', 30, {}, { photoWithheld: 'customer_opted_out', photos: [] }),
      delivery('d-old', 200),
      // After the one looked at: not in its history, but its claims count.
      delivery('d-later', 0),
      // The same street elsewhere: another postal code, or 500 m away.
      delivery('d-other-zip', 10, { postalCode: '98102' }),
      delivery('d-far', 12, { location: { lat: 47.619, lng: -122.3275 } }),
    ])
    createCaseStore(local.sqlite).applyItems([
      makeCase(1, 'd-same', {
        openedAt: daysAgo(18),
        status: 'resolved',
        resolution: {
          code: 'found_by_customer',
          resolvedAt: daysAgo(17),
          resolvedBy: 'agent-1',
        },
      }),
      makeCase(2, 'd-same', { openedAt: daysAgo(5), reason: 'damaged' }),
      makeCase(3, 'd-old', { openedAt: daysAgo(150) }),
      makeCase(4, 'd-later', { openedAt: daysAgo(0) }),
      makeCase(5, 'd-other-zip', { openedAt: daysAgo(3) }),
      makeCase(6, 'd-far', { openedAt: daysAgo(3) }),
    ])
    local.sqlite
      .prepare("UPDATE delivery_photos SET state = 'stored', has_thumbnail = 1 WHERE id = ?")
      .run('ph-d-same-1')
    history = createAddressHistory(local.sqlite)
  })
  afterAll(async () => {
    await local.close()
    temp.remove()
  })

  it('lists the earlier deliveries to the same address, newest first', () => {
    const found = history('d-now', NOW)
    expect(found.deliveries.map((d) => d.deliveryId)).toEqual(['d-same', 'd-withheld', 'd-old'])
    expect(found.total).toBe(3)
    expect(found.deliveries[0]).toMatchObject({
      driver: { id: 'drv-d-same', name: 'Driver d-same' },
      photoWithheld: false,
      photo: { id: 'ph-d-same-1', hasThumbnail: true },
      claim: { reason: 'damaged', status: 'open', resolution: null },
    })
    expect(found.deliveries[1]).toMatchObject({ photoWithheld: true, photo: null, claim: null })
    expect(found.deliveries[2]).toMatchObject({
      photo: { id: 'ph-d-old-1', hasThumbnail: false },
      claim: { reason: 'not_received', status: 'open' },
    })
  })

  it('counts the claims of the last 90 days on the address, and those it was delivered after all', () => {
    expect(history('d-now', NOW).claims).toEqual({
      days: 90,
      count: 3,
      resolvedAsDelivered: 1,
    })
  })

  it('is empty for a delivery the cache does not hold', () => {
    expect(history('d-none', NOW)).toEqual({
      deliveries: [],
      total: 0,
      claims: { days: 90, count: 0, resolvedAsDelivered: 0 },
    })
  })
})
