import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

describe('storing delivery items', () => {
  let temp: ReturnType<typeof tempDir>
  let local: LocalDatabase
  beforeEach(async () => {
    temp = tempDir()
    local = await openDatabase(temp.dir)
  })
  afterEach(async () => {
    await local.close()
    temp.remove()
  })

  const count = (sql: string) => (local.sqlite.prepare(sql).get() as { n: number }).n

  it('stores records with their photos as pending and indexes them for search', () => {
    const store = createDeliveryStore(local.sqlite)
    const outcome = store.applyItems([makeDelivery('1'), makeDelivery('2')])
    expect(outcome).toMatchObject({ stored: 2, stale: 0, deleted: 0 })
    expect(count("SELECT count(*) n FROM delivery_photos WHERE state = 'pending'")).toBe(2)
    expect(createDeliverySearch(local.sqlite)('nunez', 10)).toHaveLength(2)
  })

  it('never lets an older or equal version overwrite a newer one', () => {
    const store = createDeliveryStore(local.sqlite)
    store.applyItems([makeDelivery('1', { version: 3, driver: { id: 'd3', name: 'Three' } })])
    const outcome = store.applyItems([
      makeDelivery('1', { version: 2, driver: { id: 'd2', name: 'Two' } }),
      makeDelivery('1', { version: 3, driver: { id: 'dx', name: 'Same version' } }),
    ])
    expect(outcome).toMatchObject({ stored: 0, stale: 2 })
    const row = local.sqlite
      .prepare("SELECT version, driver_name FROM deliveries WHERE id = '1'")
      .get()
    expect(row).toEqual({ version: 3, driver_name: 'Three' })
  })

  it('re-indexes an updated record so search finds the new text and not the old', () => {
    const store = createDeliveryStore(local.sqlite)
    store.applyItems([makeDelivery('1')])
    store.applyItems([
      makeDelivery('1', {
        version: 2,
        customer: { id: 'c', name: 'Zoë Ødegaard', email: null, phone: null },
      }),
    ])
    const search = createDeliverySearch(local.sqlite)
    expect(search('nunez', 10)).toHaveLength(0)
    expect(search('zoe', 10).map((r) => r.customerName)).toEqual(['Zoë Ødegaard'])
    expect(count('SELECT count(*) n FROM deliveries')).toBe(1)
  })

  it('removes a tombstoned record, its search entry and its photo rows, and reports stored files', () => {
    const store = createDeliveryStore(local.sqlite)
    store.applyItems([makeDelivery('1')])
    local.sqlite.prepare("UPDATE delivery_photos SET state = 'stored'").run()
    const sha = (
      local.sqlite.prepare('SELECT sha256 FROM delivery_photos').get() as { sha256: string }
    ).sha256
    const outcome = store.applyItems([
      { id: '1', version: 2, updatedAt: '2026-11-21T00:00:00Z', deleted: true },
    ])
    expect(outcome.deleted).toBe(1)
    expect(outcome.orphanedSha256).toEqual([sha])
    expect(count('SELECT count(*) n FROM deliveries')).toBe(0)
    expect(count('SELECT count(*) n FROM delivery_photos')).toBe(0)
    expect(createDeliverySearch(local.sqlite)('nunez', 10)).toHaveLength(0)
  })

  it('keeps no photo rows for a withheld delivery even when the record carries photos', () => {
    const store = createDeliveryStore(local.sqlite)
    store.applyItems([makeDelivery('1', { photoWithheld: 'confidential_address' })])
    expect(count('SELECT count(*) n FROM delivery_photos')).toBe(0)
    const [result] = createDeliverySearch(local.sqlite)('nunez', 10)
    expect(result).toMatchObject({ hasPhoto: false, photoWithheld: 'confidential_address' })
  })

  it('keeps a stored photo stored when its record is updated without changing it', () => {
    const store = createDeliveryStore(local.sqlite)
    store.applyItems([makeDelivery('1')])
    local.sqlite.prepare("UPDATE delivery_photos SET state = 'stored'").run()
    store.applyItems([makeDelivery('1', { version: 2, status: 'returned' })])
    expect(count("SELECT count(*) n FROM delivery_photos WHERE state = 'stored'")).toBe(1)
  })
})
