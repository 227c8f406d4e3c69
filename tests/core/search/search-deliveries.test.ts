import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createDeliverySearch, ftsQuery } from '../../../electron/core/search/search-deliveries.ts'
import { planSearch } from '../../../electron/core/search/search-plan.ts'
import { createCaseStore } from '../../../electron/core/cases/store-cases.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'
import { makeCase } from '../../support/records.ts'

describe('searching deliveries', () => {
  const temp = tempDir()
  let local: LocalDatabase
  let search: ReturnType<typeof createDeliverySearch>

  beforeAll(async () => {
    local = await openDatabase(temp.dir)
    createDeliveryStore(local.sqlite).applyItems([
      makeDelivery('1', {
        orderId: '114-3941689-8772232',
        trackingNumber: 'TBA304918273000',
        deliveredAt: '2026-11-01T10:00:00Z',
      }),
      makeDelivery('2', {
        orderId: '112-0000001-0000002',
        trackingNumber: 'TBA999000111222',
        deliveredAt: '2026-11-03T10:00:00Z',
        customer: {
          id: 'c2',
          name: 'Nguyễn Thị Mai',
          email: 'mai.nguyen@example.org',
          phone: '(415) 555-0199',
        },
        address: {
          line1: '88 Valencia St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94103',
          country: 'US',
          location: null,
        },
      }),
      makeDelivery('3', {
        orderId: '114-3941000-0000003',
        deliveredAt: '2026-11-02T10:00:00Z',
        customer: { id: 'c3', name: '王芳', email: null, phone: null },
      }),
    ])
    search = createDeliverySearch(local.sqlite)
  })
  afterAll(async () => {
    await local.close()
    temp.remove()
  })

  const ids = (q: string) => search(q, 50).map((r) => r.deliveryId)

  it('says which deliveries have a case, and the newest case’s status', () => {
    const cases = createCaseStore(local.sqlite)
    cases.applyItems([
      makeCase(1, '1', { status: 'resolved', openedAt: '2026-11-05T09:00:00Z' }),
      makeCase(2, '1', { status: 'investigating', openedAt: '2026-11-20T09:00:00Z' }),
      makeCase(3, '3', { status: 'resolved', openedAt: '2026-11-06T09:00:00Z' }),
    ])
    const status = (q: string) =>
      Object.fromEntries(search(q, 50).map((r) => [r.deliveryId, r.caseStatus]))
    expect(status('114-3941')).toEqual({ '1': 'investigating', '3': 'resolved' })
    expect(status('Nguyễn')).toEqual({ '2': null })
  })

  it('starts and answers while a bulk load has its indexes dropped (a killed first sync)', async () => {
    const dir = `${temp.dir}/bulk`
    const cache = await openDatabase(dir)
    try {
      createDeliveryStore(cache.sqlite).applyItems([
        makeDelivery('7', { orderId: '113-5550001-0000007', deliveredAt: '2026-11-01T10:00:00Z' }),
      ])
      cache.sqlite.exec('DROP INDEX deliveries_order_id')
      const during = createDeliverySearch(cache.sqlite)
      expect(during('113-5550', 10).map((r) => r.deliveryId)).toEqual(['7'])
    } finally {
      await cache.close()
    }
  })

  it('finds by order id prefix, newest first', () => {
    expect(ids('114-3941')).toEqual(['3', '1'])
    expect(ids('114-3941689-8772232')).toEqual(['1'])
  })
  it('reads digits in groups without letters as an order id or phone, not as house-number words', () => {
    expect(planSearch('114-394')?.words).toBeNull()
    expect(planSearch('650 555 01')?.words).toBeNull()
    expect(planSearch('114-3941689-8772232')?.ranges.map((r) => r.column)).toContain('order_id')
    // Nor is an order id's start looked for inside every phone number; a phone's digits are.
    expect(planSearch('112-4659952-')?.phoneRun).toBeNull()
    expect(planSearch('650-555-0196')?.phoneRun).toBe('6505550196')
    expect(planSearch('555-0196')?.phoneRun).toBe('5550196')
    // One group may be a house number; letters make it words.
    expect(planSearch('1840')?.words).toBe('"1840"*')
    expect(planSearch('1840 randolph')?.words).toBe('"1840"* "randolph"*')
  })

  it('finds by tracking number, whatever its case', () => {
    expect(ids('tba3049')).toEqual(['1'])
  })
  it('finds by customer name without diacritics and by any word of it', () => {
    expect(ids('nguyen mai')).toEqual(['2'])
    expect(ids('Núñez')).toEqual(['1'])
    expect(ids('王芳')).toEqual(['3'])
  })
  it('finds by street, email and phone digits', () => {
    expect(ids('valencia')).toEqual(['2'])
    expect(ids('mai.nguyen@')).toEqual(['2'])
    expect(ids('4155550199')).toEqual(['2'])
  })
  it('finds a phone number by any run of seven or more of its digits, however written', () => {
    // (415) 555-0199: the end of the number, its middle, with a country code, spaced and dotted.
    for (const q of [
      '555-0199',
      '5550199',
      '555 01 99',
      '155-5501',
      '+1 415 555 0199',
      '415.555.01',
    ]) {
      expect(ids(q), q).toEqual(['2'])
    }
    // Six digits are too few to look through every number; a run the number lacks finds nothing.
    expect(ids('550199')).toEqual([])
    expect(ids('555-0198')).toEqual([])
  })
  it('returns nothing for an empty query and treats FTS syntax as text', () => {
    expect(ids('   ')).toEqual([])
    expect(ids('"NEAR(')).toEqual([])
    expect(ftsQuery('a" OR b*')).toBe('"a"* "OR"* "b"*')
  })
  it('reports whether a photo exists', () => {
    expect(search('valencia', 5)[0]).toMatchObject({
      hasPhoto: true,
      city: 'San Francisco',
      street: '88 Valencia St',
    })
  })
})
