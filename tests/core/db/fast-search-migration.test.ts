// A cache filled before migration 005 keeps its deliveries and finds them the new way.
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const before005 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '005'))

describe('migration 005 (fast search)', () => {
  const temp = tempDir()
  afterAll(() => temp.remove())

  it('re-keys deliveries newest first and rebuilds the word index', async () => {
    const old = await openDatabase(temp.dir, { migrations: before005 })
    const insert = old.sqlite.prepare(`
      INSERT INTO deliveries (id, version, updated_at, order_id, tracking_number, status,
        delivered_at, customer_id, customer_name, customer_email, customer_phone, address_line1,
        address_line2, city, postal_code, country, drop_spot, driver_id, driver_name, items_json)
      VALUES (?, 1, '2026-11-20T10:00:00Z', ?, ?, 'delivered', ?, 'c', ?, ?, ?, ?, NULL,
        'Seattle', '98101', 'US', 'front_door', 'drv', 'Dana', '[]')`)
    const insertWords = old.sqlite.prepare(`
      INSERT INTO deliveries_fts (rowid, order_id, tracking_number, customer_name, customer_email,
        phone_digits, street, city) VALUES (?, ?, ?, ?, ?, ?, ?, 'Seattle')`)
    const rows = [
      ['old', '2026-10-01T08:00:00Z', 'Mai Nguyen', 'mai.nguyen@example.org', '+1 (415) 555-0199'],
      ['newest', '2026-11-03T08:00:00-08:00', 'Mai Tran', 'mai.tran@example.org', null],
      ['middle', '2026-11-02T08:00:00Z', 'Omar Haddad', null, '206.555.0100'],
      ['waiting', null, 'Mai Okafor', null, null],
    ] as const
    rows.forEach(([id, deliveredAt, name, email, phone], i) => {
      const { lastInsertRowid } = insert.run(
        id,
        `114-000000${i}-0000000`,
        `TBA00000000000${i}`,
        deliveredAt,
        name,
        email,
        phone,
        `${i + 1} Pine St`,
      )
      insertWords.run(lastInsertRowid, `114-000000${i}`, `TBA${i}`, name, email, null, 'Pine St')
    })
    await old.close()

    const local = await openDatabase(temp.dir)
    const search = createDeliverySearch(local.sqlite)
    const ids = (q: string) => search(q, 50).map((r) => r.deliveryId)
    try {
      expect(ids('mai')).toEqual(['newest', 'old', 'waiting'])
      expect(ids('114-')).toEqual(['newest', 'middle', 'old', 'waiting'])
      expect(ids('4155550199')).toEqual(['old'])
      expect(ids('206-555-01')).toEqual(['middle'])
      expect(ids('Mai.Tran@')).toEqual(['newest'])
      expect(ids('tran')).toEqual(['newest'])
      expect(ids('pine')).toHaveLength(4)
      // The old index is gone with its columns; new writes find the keys the migration made.
      createDeliveryStore(local.sqlite).applyItems([
        makeDelivery('later', {
          deliveredAt: '2026-11-02T09:00:00Z',
          customer: { id: 'c9', name: 'Mai Later', email: null, phone: null },
        }),
      ])
      expect(ids('mai')).toEqual(['newest', 'later', 'old', 'waiting'])
    } finally {
      await local.close()
    }
  })
})
