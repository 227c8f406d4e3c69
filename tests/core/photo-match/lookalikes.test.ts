// Look-alike photos end to end: the demo world's reusing driver sends earlier photos again (the
// same file, re-encoded, shrunk, trimmed, brightened); a console syncs the world, hashes every
// photo it downloads, and must find those reuses, each one; other pairs it finds (different photos
// that look alike) stay under the 1 in 1,000 pairs.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateWorld } from '../../../electron/core/demo-service/generate.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { LOOKALIKE_DISTANCE } from '../../../electron/core/photos/perceptual-hash.ts'
import { deliveryTimeZone } from '../../../electron/core/deliveries/delivery-time-zone.ts'
import {
  ANCHOR,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from '../cases/desk-harness.ts'

// Seed 6 at 200 deliveries: the reusing driver sends earlier photos again, in every way (the first
// reuses of a world go through every way in turn).
const SEED = 6
const SIZE = 200

const dirs = tempDirs()
let desk: DeskService
let agent: TestConsole
const world = generateWorld({ seed: SEED, deliveries: SIZE, anchor: ANCHOR })
/** photo id → the photo id whose scene it reuses. */
const reusedFrom = new Map<string, string>()
const ownerOf = new Map<string, DeliveryDraft>()

beforeAll(async () => {
  for (const d of world.deliveries) for (const p of d.photos) ownerOf.set(p.id, d)
  const firstOfScene = new Map<string, string>()
  for (const d of [...world.deliveries].sort((a, b) =>
    (a.deliveredAt ?? '').localeCompare(b.deliveredAt ?? ''),
  )) {
    for (const p of d.photos) {
      const scene = world.scenes.get(p.id)!
      const key = `${scene.seed}`
      if (scene.reuse) reusedFrom.set(p.id, firstOfScene.get(key)!)
      else firstOfScene.set(key, p.id)
    }
  }
  desk = await startDeskService({ deliveries: SIZE, seed: SEED })
  agent = await signedInConsole(desk.front.url, dirs.make())
}, 300_000)

afterAll(async () => {
  await agent?.close()
  await desk?.stop()
  dirs.removeAll()
})

describe('look-alike photos', () => {
  it('hashes every photo it downloads', () => {
    const sqlite = new BetterSqlite3(join(agent.dataDir, 'porchlight.sqlite'), { readonly: true })
    const stored = sqlite
      .prepare(
        "SELECT count(DISTINCT sha256) AS n FROM delivery_photos WHERE state = 'stored' AND display_error IS NULL",
      )
      .get() as { n: number }
    const hashed = sqlite.prepare('SELECT count(*) AS n FROM photo_fingerprints').get() as {
      n: number
    }
    sqlite.close()
    expect(stored.n).toBeGreaterThan(200)
    expect(hashed.n).toBe(stored.n)
  })

  it('finds each reused photo on its delivery, the same file said so, and flags it', async () => {
    const kinds = [...reusedFrom.keys()].map((id) => world.scenes.get(id)!.reuse!.kind)
    expect(new Set(kinds)).toEqual(
      new Set(['same', 'reencoded', 'resized', 'cropped', 'brightened']),
    )
    for (const [photoId, sourceId] of reusedFrom) {
      const delivery = ownerOf.get(photoId)!
      const source = ownerOf.get(sourceId)!
      const kind = world.scenes.get(photoId)!.reuse!.kind
      const found = await agent.h.getLookalikes({ deliveryId: delivery.id })
      const match = found.photos
        .find((p) => p.photoId === photoId)
        ?.lookalikes.find((l) => l.photoId === sourceId)
      expect(match, `${kind} copy of ${sourceId} on ${photoId}`).toBeDefined()
      expect(match!.deliveryId).toBe(source.id)
      expect(match!.sameFile).toBe(kind === 'same')
      expect(match!.distance).toBeLessThanOrEqual(LOOKALIKE_DISTANCE)
      if (kind === 'same') expect(match!.distance).toBe(0)
      expect(match!.otherAddress).toBe(true)
      expect(match!.earlier).toBe(true)
      expect(match!.driver.id).toBe(delivery.driver.id)
      expect(found.flag).toEqual({ otherAddress: true, earlier: true })
    }
  })

  it('lists them in `porchlight show ID --json`, per photo', async () => {
    const [photoId, sourceId] = [...reusedFrom][0]!
    const delivery = ownerOf.get(photoId)!
    const cli = join(import.meta.dirname, '../../../electron/core/cli/porchlight.ts')
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      'show',
      delivery.id,
      '--json',
      '--data-dir',
      agent.dataDir,
    ])
    const shown = JSON.parse(stdout) as {
      photos: Array<{ id: string; lookalikes: Array<Record<string, unknown>> }>
    }
    const photo = shown.photos.find((p) => p.id === photoId)!
    expect(photo.lookalikes).toContainEqual({
      deliveryId: ownerOf.get(sourceId)!.id,
      photoId: sourceId,
      distance: expect.any(Number),
      sameFile: world.scenes.get(photoId)!.reuse!.kind === 'same',
    })
  })

  it('finds every pair a reuse makes, and other pairs at under 1 in 1,000', async () => {
    const pairs = await foundPairs()
    const truth = new Set<string>()
    // A reuse pairs the copy with its source and with every other copy of that source.
    const bySource = new Map<string, string[]>()
    for (const [copy, source] of reusedFrom)
      bySource.set(source, [...(bySource.get(source) ?? []), copy])
    for (const [source, copies] of bySource) {
      const all = [source, ...copies]
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) truth.add([all[i], all[j]].sort().join(' '))
    }
    for (const pair of truth) expect(pairs).toContain(pair)
    // Different photos that look alike: the threshold's false matches, counted over every pair of
    // photos of two different deliveries (perceptual-hash.test.ts measures the threshold itself).
    const others = [...pairs].filter((pair) => !truth.has(pair))
    const photosPer = world.deliveries
      .filter((d) => d.photoWithheld === null)
      .map((d) => d.photos.length)
    const total = photosPer.reduce((a, b) => a + b, 0)
    const comparable = (total * total - photosPer.reduce((a, n) => a + n * n, 0)) / 2
    expect(others.length).toBeLessThanOrEqual(comparable / 1000)
  })

  it('filters the search to the flagged deliveries, and never lists a withheld one', async () => {
    const flagged = await agent.h.searchDeliveries({ query: '', limit: 200, reusedPhoto: true })
    const copies = new Set([...reusedFrom.keys()].map((id) => ownerOf.get(id)!.id))
    const sources = new Set([...reusedFrom.values()].map((id) => ownerOf.get(id)!.id))
    // Exactly the deliveries whose look-alikes flag them: the copies and their sources among them.
    const expected = new Set<string>()
    for (const d of world.deliveries) {
      if ((await agent.h.getLookalikes({ deliveryId: d.id })).flag) expected.add(d.id)
    }
    for (const id of [...copies, ...sources]) expect(expected).toContain(id)
    expect(new Set(flagged.map((r) => r.deliveryId))).toEqual(expected)
    for (const r of flagged) {
      expect(r.reusedPhoto).toBe(true)
      expect(r.photoWithheld).toBeNull()
    }
    // A source was photographed first, so it is flagged for the other address only.
    const [, sourcePhoto] = await onlyEachOther()
    expect(
      (await agent.h.getLookalikes({ deliveryId: ownerOf.get(sourcePhoto)!.id })).flag,
    ).toEqual({ otherAddress: true, earlier: false })
    // And with words: the flag narrows a text search too.
    const copy = ownerOf.get([...reusedFrom.keys()][0]!)!
    const byOrder = await agent.h.searchDeliveries({
      query: copy.orderId,
      limit: 50,
      reusedPhoto: true,
    })
    expect(byOrder.map((r) => r.deliveryId)).toEqual([copy.id])
  })

  it('reads without writing, and gives each look-alike its own time zone', async () => {
    const copy = ownerOf.get([...reusedFrom.keys()][0]!)!
    // Another connection on the same file: the flag kept for search, taken away behind its back.
    const file = join(agent.dataDir, 'porchlight.sqlite')
    const side = new BetterSqlite3(file)
    try {
      const kept = () =>
        side.prepare('SELECT delivery_id FROM photo_reuse WHERE delivery_id = ?').get(copy.id)
      expect(kept()).toBeDefined()
      side.prepare('DELETE FROM photo_reuse WHERE delivery_id = ?').run(copy.id)
      const seen = await agent.h.getLookalikes({ deliveryId: copy.id })
      // The screen still shows the flag, worked out now, and the read wrote nothing back.
      expect(seen.flag).not.toBeNull()
      expect(kept()).toBeUndefined()
      for (const photo of seen.photos)
        for (const l of photo.lookalikes) {
          const other = world.deliveries.find((d) => d.id === l.deliveryId)!
          expect(l.timeZone).toBe(
            deliveryTimeZone({
              lat: other.address.location?.lat ?? null,
              lng: other.address.location?.lng ?? null,
            }),
          )
          expect(l.timeZone).toMatch(/^America\//)
        }
    } finally {
      side.close()
    }
  })

  it('drops a look-alike whose delivery became withheld, and its flag with it', async () => {
    const [photoId, sourceId] = await onlyEachOther()
    const copy = ownerOf.get(photoId)!
    const source = ownerOf.get(sourceId)!
    desk.service.world.updateDelivery(copy.id, { photoWithheld: 'gift_or_registry' })
    await agent.core.syncOnce()
    // The search is asked first: the sync dropped the flag, not opening the delivery.
    const flagged = await agent.h.searchDeliveries({ query: '', limit: 200, reusedPhoto: true })
    expect(flagged.map((r) => r.deliveryId)).not.toContain(copy.id)
    expect(flagged.map((r) => r.deliveryId)).not.toContain(source.id)
    const seen = await agent.h.getLookalikes({ deliveryId: source.id })
    expect(seen.photos.flatMap((p) => p.lookalikes.map((l) => l.deliveryId))).not.toContain(copy.id)
    expect(seen.flag).toBeNull()
    expect((await agent.h.getLookalikes({ deliveryId: copy.id })).photos).toEqual([])
  })
})

/** Every look-alike pair the console finds, as 'photoA photoB' (sorted). */
async function foundPairs(): Promise<Set<string>> {
  const pairs = new Set<string>()
  for (const d of world.deliveries) {
    if (d.photoWithheld !== null || d.photos.length === 0) continue
    const found = await agent.h.getLookalikes({ deliveryId: d.id })
    for (const photo of found.photos)
      for (const match of photo.lookalikes)
        pairs.add([photo.photoId, match.photoId].sort().join(' '))
  }
  return pairs
}

/** A reused photo and its source whose deliveries have no look-alike but each other. */
async function onlyEachOther(): Promise<[string, string]> {
  const lookalikeDeliveries = async (deliveryId: string) =>
    new Set(
      (await agent.h.getLookalikes({ deliveryId })).photos.flatMap((p) =>
        p.lookalikes.map((l) => l.deliveryId),
      ),
    )
  for (const [copy, source] of reusedFrom) {
    const [copyOf, sourceOf] = [ownerOf.get(copy)!.id, ownerOf.get(source)!.id]
    const [ofCopy, ofSource] = [
      await lookalikeDeliveries(copyOf),
      await lookalikeDeliveries(sourceOf),
    ]
    if (ofCopy.size === 1 && ofCopy.has(sourceOf) && ofSource.size === 1 && ofSource.has(copyOf))
      return [copy, source]
  }
  throw new Error('no reused photo whose deliveries look like nothing but each other')
}
