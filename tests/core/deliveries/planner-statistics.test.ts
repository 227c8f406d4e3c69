// The planner's statistics are gathered once the cache holds enough deliveries for them to be
// true, and not before (a nearly empty cache's statistics would mislead the sync that fills it).
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { refreshPlannerStatistics } from '../../../electron/core/deliveries/planner-statistics.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

describe('planner statistics', () => {
  const temp = tempDir()
  afterAll(() => temp.remove())

  it('are gathered from 10,000 deliveries on, not below', async () => {
    const local = await openDatabase(temp.dir)
    const { sqlite } = local
    const analysed = () =>
      sqlite
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .get() !== undefined &&
      sqlite.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'deliveries'").pluck().get() !==
        0
    const store = createDeliveryStore(sqlite)
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => makeDelivery(`d${from + i}`, { photos: [] }))
    store.applyItems(batch(0, 9_999))
    refreshPlannerStatistics(sqlite)
    expect(analysed()).toBe(false)
    store.applyItems(batch(9_999, 1))
    refreshPlannerStatistics(sqlite)
    expect(analysed()).toBe(true)
    await local.close()
  })
})
