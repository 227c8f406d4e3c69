// Seven or more digits from the middle of a phone number find it off an index (migration 015),
// not by reading every number: "112-5731" is typed as an order id's start as often as a phone's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createBulkLoad } from '../../../electron/core/deliveries/bulk-load.ts'
import {
  PHONE_RUN_STARTS,
  rowidsWithPhoneRunAt,
  rowidsWithPhoneRunInLong,
} from '../../../electron/core/deliveries/delivery-tables.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const customer = (id: string, phone: string) => ({
  id: `c-${id}`,
  name: 'Ada Okafor',
  email: null,
  phone,
})

describe('finding a phone number by a run of its digits', () => {
  const temp = tempDir()
  let local: LocalDatabase
  let search: ReturnType<typeof createDeliverySearch>
  const ids = (q: string) =>
    search(q, 50)
      .map((r) => r.deliveryId)
      .sort()

  beforeAll(async () => {
    local = await openDatabase(temp.dir)
    createDeliveryStore(local.sqlite).applyItems([
      makeDelivery('us', { customer: customer('us', '(206) 437-9158') }),
      makeDelivery('uk', { customer: customer('uk', '+44 20 7946 0958') }),
      makeDelivery('in', { customer: customer('in', '+91 98765 43210') }),
      // Filler, so the planner has rows to choose among.
      ...Array.from({ length: 200 }, (_, i) =>
        makeDelivery(`f${i}`, {
          customer: customer(`f${i}`, `(415) 3${String(i).padStart(2, '0')}-${1000 + i}`),
        }),
      ),
    ])
    local.sqlite.exec('ANALYZE')
    search = createDeliverySearch(local.sqlite)
  })
  afterAll(async () => {
    await local.close()
    temp.remove()
  })

  it('finds a ten-digit number by a run starting at any of its digits', () => {
    // 2064379158: runs of seven starting at the first, second, third and fourth digit.
    for (const q of ['206-4379', '064-3791', '643-7915', '437-9158', '06437915', '643 79 158'])
      expect(ids(q), q).toEqual(['us'])
  })

  it('finds a longer, international number by a run deep inside it', () => {
    // 442079460958 and 919876543210: runs from the sixth digit on.
    expect(ids('946-0958')).toEqual(['uk'])
    expect(ids('6543210')).toEqual(['in'])
    expect(ids('98765 43210')).toEqual(['in'])
  })

  it('reads the runs off their indexes, never every number', () => {
    const plans = [
      ...PHONE_RUN_STARTS.map((k) =>
        planOf(rowidsWithPhoneRunAt[k].sql, ['4379158', '4379158\u{10ffff}', 10]),
      ),
      planOf(rowidsWithPhoneRunInLong.sql, ['6543210', 10]),
    ]
    for (const [i, plan] of plans.entries()) {
      expect(plan, `statement ${i}`).toMatch(
        /USING (COVERING )?INDEX deliveries_(phone_from_\d|long_phone)/,
      )
      expect(plan).not.toMatch(/^SCAN deliveries$/m)
    }
  })

  it('still finds a run while a bulk load has the indexes dropped', async () => {
    const emptied = tempDir()
    const other = await openDatabase(emptied.dir)
    try {
      const bulk = createBulkLoad(other.sqlite)
      other.sqlite.transaction(() => bulk.beginIfEmpty()).immediate()
      createDeliveryStore(other.sqlite).applyItems([
        makeDelivery('us', { customer: customer('us', '(206) 437-9158') }),
      ])
      const during = createDeliverySearch(other.sqlite)
      expect(during('437-9158', 50).map((r) => r.deliveryId)).toEqual(['us'])
      bulk.finish()
      expect(createDeliverySearch(other.sqlite)('437-9158', 50).map((r) => r.deliveryId)).toEqual([
        'us',
      ])
    } finally {
      await other.close()
      emptied.remove()
    }
  })

  function planOf(sql: string, params: unknown[]): string {
    return local.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n')
  }
})
