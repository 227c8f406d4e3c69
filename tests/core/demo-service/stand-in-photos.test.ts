// A world that renders nothing (renderPhotos: false), which `npm run bench` uses to serve 200k
// deliveries: records are whole and valid, photos carry stand-in hashes, no JPEG is drawn.
import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeliveryRecordSchema } from '../../../electron/core/contract/schemas.ts'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { standInPhotoFile } from '../../../electron/core/demo-service/world.ts'
import { pullAll, signIn, startHarness } from './helpers.ts'
import type { Harness } from './helpers.ts'

let harness: Harness
let records: DeliveryRecord[]

beforeAll(async () => {
  harness = await startHarness({ deliveries: 80, seed: 4, renderPhotos: false })
  const token = await signIn(harness.url)
  const pages = await pullAll(harness.url, token, 'deliveries', 30)
  records = pages.flatMap((page) => page.items).map((item) => DeliveryRecordSchema.parse(item))
})
afterAll(async () => {
  await harness.stop()
})

describe('a world with renderPhotos: false', () => {
  it('serves every record with stand-in photo hashes and renders no photo', async () => {
    expect(records).toHaveLength(80)
    const photos = records.flatMap((record) => record.photos)
    expect(photos.length).toBeGreaterThan(50)
    for (const photo of photos) {
      const standIn = standInPhotoFile(photo.id)
      expect(photo.sha256).toBe(standIn.sha256)
      expect(photo.bytes).toBe(standIn.bytes)
      expect(photo.bytes).toBeGreaterThanOrEqual(22_000)
      expect(photo.bytes).toBeLessThan(62_000)
    }
    expect(harness.service.world.photoStats().rendered).toBe(0)
    expect((await readdir(harness.cacheDir)).filter((name) => name.endsWith('.jpg'))).toEqual([])
  })

  it('keeps its cursors apart from the rendering world of the same seed and size', async () => {
    const rendering = await startHarness({ deliveries: 80, seed: 4 })
    try {
      expect(rendering.service.world.fingerprint).not.toBe(harness.service.world.fingerprint)
    } finally {
      await rendering.stop()
    }
  })
})
