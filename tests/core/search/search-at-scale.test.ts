// The search's ways of matching each hand back their newest rowids; these check that "newest
// first" and the prefix semantics hold on both sides of the dense/sparse switch, and that a
// delivery's place follows its delivery time when that changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const COUNT = 5000
const minutes = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString()

describe('search over thousands of deliveries', () => {
  const temp = tempDir()
  let local: LocalDatabase
  let search: ReturnType<typeof createDeliverySearch>
  const ids = (q: string, limit = 50) => search(q, limit).map((r) => r.deliveryId)

  beforeAll(async () => {
    local = await openDatabase(temp.dir)
    // Written in a shuffled order, so the rowid order is not just the insertion order.
    const order = Array.from({ length: COUNT }, (_, i) => (i * 7919) % COUNT)
    const store = createDeliveryStore(local.sqlite)
    local.sqlite.transaction(() =>
      store.applyItems(
        order.map((i) =>
          makeDelivery(`d${i}`, {
            orderId: `113-${String(i).padStart(7, '0')}-0000001`,
            trackingNumber: `TBA${String(i).padStart(12, '0')}`,
            deliveredAt: minutes(i),
            customer: {
              id: `c${i}`,
              name: i % 10 === 0 ? `Ada Okafor${i}` : `Lee Marsh`,
              email: `Person.${i}@Example.com`,
              phone: `+1 (206) 555-${String(i).padStart(4, '0')}`,
            },
          }),
        ),
      ),
    )()
    search = createDeliverySearch(local.sqlite)
  })
  afterAll(async () => {
    await local.close()
    temp.remove()
  })

  const newest = (n: number, keep: (i: number) => boolean) =>
    Array.from({ length: COUNT }, (_, i) => COUNT - 1 - i)
      .filter(keep)
      .slice(0, n)
      .map((i) => `d${i}`)

  it('returns the newest matches of a common prefix (more matches than the index is read for)', () => {
    expect(ids('113-')).toEqual(newest(50, () => true))
    expect(ids('tba')).toEqual(newest(50, () => true))
  })
  it('returns the newest matches of a rare prefix, sorted', () => {
    expect(ids('113-00012')).toEqual(
      newest(50, (i) => String(i).padStart(7, '0').startsWith('00012')),
    )
    expect(ids('TBA00000000420')).toEqual(
      newest(50, (i) => String(i).padStart(12, '0').startsWith('00000000420')),
    )
  })
  it('finds words newest first, the first letter included', () => {
    expect(ids('okafor', 10)).toEqual(newest(10, (i) => i % 10 === 0))
    expect(ids('o', 10)).toEqual(newest(10, (i) => i % 10 === 0))
    expect(ids('lee m', 5)).toEqual(newest(5, (i) => i % 10 !== 0))
  })
  it('finds a phone number however it is written', () => {
    expect(ids('206 555 0042')).toEqual(['d42'])
    expect(ids('+1 206-555-0042')).toEqual(['d42'])
    expect(ids('1206555004', 20)).toEqual(newest(20, (i) => i >= 40 && i < 50))
  })
  it('finds an email address by its beginning, whatever its case', () => {
    expect(ids('person.42@example.COM')).toEqual(['d42'])
    expect(ids('PERSON.4999@')).toEqual(['d4999'])
  })
  it('moves a delivery when its delivery time changes, and keeps one place for it', () => {
    const store = createDeliveryStore(local.sqlite)
    const moved = makeDelivery('d7', {
      version: 2,
      orderId: '113-0000007-0000001',
      trackingNumber: 'TBA000000000007',
      deliveredAt: minutes(COUNT + 10),
      customer: { id: 'c7', name: 'Lee Marsh', email: 'person.7@example.com', phone: null },
    })
    local.sqlite.transaction(() => store.applyItems([moved]))()
    expect(ids('lee', 2)).toEqual(['d7', `d${COUNT - 1}`])
    expect(ids('113-0000007')).toEqual(['d7'])
    const count = local.sqlite.prepare("SELECT count(*) AS n FROM deliveries WHERE id = 'd7'")
    expect(count.get()).toEqual({ n: 1 })
  })
  it('puts deliveries not yet delivered after every delivered one', () => {
    const store = createDeliveryStore(local.sqlite)
    local.sqlite.transaction(() =>
      store.applyItems([
        makeDelivery('pending', {
          status: 'attempted',
          deliveredAt: null,
          updatedAt: minutes(COUNT + 100),
          customer: { id: 'cp', name: 'Ada Okafor', email: null, phone: null },
        }),
      ]),
    )()
    const found = ids('ada', 1000)
    expect(found).toHaveLength(COUNT / 10 + 1)
    expect(found.at(-1)).toBe('pending')
    expect(found[0]).toBe(`d${COUNT - 10}`)
  })
})
