// The status bar's delivery counts are kept by the delivery store; whatever the writes, they
// equal a real count.
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { eraseLocalData } from '../../../electron/core/privacy/erase-local-data.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

describe('row counts', () => {
  const temp = tempDir()
  afterAll(() => temp.remove())

  it('follow inserts, updates, withholding, deletes, purges and an erase', async () => {
    const local = await openDatabase(temp.dir)
    const { sqlite } = local
    const kept = () => {
      const count = sqlite.prepare<[string], number>('SELECT n FROM row_counts WHERE name = ?')
      const of = (name: string) => count.pluck().get(name) ?? 0
      return { deliveries: of('deliveries'), withheld_deliveries: of('withheld_deliveries') }
    }
    const real = () => ({
      deliveries: sqlite.prepare('SELECT count(*) FROM deliveries').pluck().get(),
      withheld_deliveries: sqlite
        .prepare('SELECT count(*) FROM deliveries WHERE photo_withheld IS NOT NULL')
        .pluck()
        .get(),
    })
    const store = createDeliveryStore(sqlite)
    store.applyItems(
      Array.from({ length: 30 }, (_, i) =>
        makeDelivery(`d${i}`, i % 5 === 0 ? { photoWithheld: 'customer_opted_out' } : {}),
      ),
    )
    sqlite.prepare("UPDATE delivery_photos SET state = 'stored' WHERE delivery_id < 'd2'").run()
    expect(kept()).toEqual(real())
    expect(kept()).toMatchObject({ deliveries: 30, withheld_deliveries: 6 })

    store.applyItems([
      makeDelivery('d1', { version: 2, photoWithheld: 'gift_or_registry' }),
      makeDelivery('d5', { version: 2 }),
      { id: 'd3', version: 2, updatedAt: '2026-11-21T10:00:00Z', deleted: true },
    ])
    sqlite.prepare("UPDATE delivery_photos SET state = 'failed' WHERE delivery_id = 'd10'").run()
    expect(kept()).toEqual(real())
    expect(kept().deliveries).toBe(29)

    await eraseLocalData({ sqlite, dataDir: temp.dir, actorId: null, discardedUnsent: 0 })
    expect(kept()).toEqual({ deliveries: 0, withheld_deliveries: 0 })
    // Counting starts again from nothing.
    store.applyItems([makeDelivery('again', { photoWithheld: 'confidential_address' })])
    sqlite.prepare("UPDATE delivery_photos SET state = 'stored'").run()
    expect(kept()).toEqual(real())
    expect(kept()).toEqual({ deliveries: 1, withheld_deliveries: 1 })
    store.applyItems([makeDelivery('shown')])
    sqlite.prepare("UPDATE delivery_photos SET state = 'stored'").run()
    expect(kept()).toEqual({ deliveries: 2, withheld_deliveries: 1 })
    store.purge(['again', 'shown'])
    expect(kept()).toEqual(real())
    await local.close()
  })
})
