// One photo file on many deliveries (a placeholder image, a driver's reused photo): each delivery's
// look-alikes are read a few rows at a time off the (sha256, taken_at) index, never every delivery
// that shares the file, so refreshing all their flags grows with their number, not its square.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { photosWithFileElsewhere } from '../../../electron/core/deliveries/photo-table.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { createFingerprints } from '../../../electron/core/photo-match/fingerprints.ts'
import {
  createLookalikes,
  MAX_LOOKALIKES,
  type Lookalikes,
} from '../../../electron/core/photo-match/lookalikes.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const SHARED = 'a'.repeat(64)
const SHARERS = 400
/** Delivery k was photographed k hours after the first; the first 100 went to another street. */
const takenAt = (k: number) => new Date(Date.UTC(2026, 10, 1) + k * 3_600_000).toISOString()
const id = (k: number) => `d${String(k).padStart(4, '0')}`

describe('a photo file many deliveries share', () => {
  const temp = tempDir()
  let local: LocalDatabase
  let lookalikes: Lookalikes

  beforeAll(async () => {
    local = await openDatabase(temp.dir)
    createDeliveryStore(local.sqlite).applyItems(
      Array.from({ length: SHARERS }, (_, k) => {
        const base = makeDelivery(id(k), { deliveredAt: takenAt(k) })
        return {
          ...base,
          address: k < 100 ? { ...base.address, line1: '9 Other Road' } : base.address,
          photos: [
            {
              id: `p${k}`,
              sha256: SHARED,
              bytes: 1000,
              contentType: 'image/jpeg' as const,
              takenAt: takenAt(k),
              location: null,
            },
          ],
        }
      }),
    )
    local.sqlite.exec('ANALYZE')
    lookalikes = createLookalikes(local.sqlite, createFingerprints(local.sqlite))
  })
  afterAll(async () => {
    await local.close()
    temp.remove()
  })

  it('lists the earliest of the others, nearest first, MAX_LOOKALIKES of them', () => {
    const [photo] = lookalikes.of(id(300))
    expect(photo?.lookalikes.map((l) => l.deliveryId)).toEqual(
      Array.from({ length: MAX_LOOKALIKES }, (_, k) => id(k)),
    )
    expect(photo?.lookalikes.every((l) => l.sameFile && l.distance === 0)).toBe(true)
  })

  it('flags each delivery from those rows: earlier ones, and another address among them', () => {
    // The first was photographed before every other, and the earliest others it lists went to
    // its street too: not flagged.
    expect(lookalikes.refresh(id(0)).flag).toBeNull()
    expect(lookalikes.refresh(id(150)).flag).toEqual({ otherAddress: true, earlier: true })
    expect(lookalikes.refresh(id(50)).flag).toEqual({ otherAddress: false, earlier: true })
  })

  it('reads a file’s photos in the order they were taken off its index, no sort of them all', () => {
    const plan = local.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${photosWithFileElsewhere.sql}`)
      .all(SHARED, id(1), 50)
      .map((row) => (row as { detail: string }).detail)
      .join('\n')
    expect(plan).toMatch(/SEARCH p USING INDEX delivery_photos_sha256 \(sha256=\?\)/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})
