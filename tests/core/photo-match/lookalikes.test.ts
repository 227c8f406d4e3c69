// Look-alike photos end to end: the demo world's reusing driver sends earlier photos again (the
// same file, re-encoded, shrunk, trimmed, brightened); a console syncs the world, hashes every
// photo it downloads, and must find exactly those reuses: each one, and nothing else.
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

// Seed 6 at 200 deliveries: the reusing driver sends 9 earlier photos again, in every way.
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
    expect(reusedFrom.size).toBe(9)
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

  it('finds nothing else: every look-alike pair in the world is a reuse', async () => {
    const pairs = new Set<string>()
    for (const d of world.deliveries) {
      if (d.photoWithheld !== null || d.photos.length === 0) continue
      const found = await agent.h.getLookalikes({ deliveryId: d.id })
      for (const photo of found.photos)
        for (const match of photo.lookalikes)
          pairs.add([photo.photoId, match.photoId].sort().join(' '))
    }
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
    expect([...pairs].sort()).toEqual([...truth].sort())
  })

  it('filters the search to the flagged deliveries, and never lists a withheld one', async () => {
    const flagged = await agent.h.searchDeliveries({ query: '', limit: 200, reusedPhoto: true })
    const copies = new Set([...reusedFrom.keys()].map((id) => ownerOf.get(id)!.id))
    const sources = new Set([...reusedFrom.values()].map((id) => ownerOf.get(id)!.id))
    expect(new Set(flagged.map((r) => r.deliveryId))).toEqual(new Set([...copies, ...sources]))
    for (const r of flagged) {
      expect(r.reusedPhoto).toBe(true)
      expect(r.photoWithheld).toBeNull()
    }
    // The source was photographed first, so it is flagged for the other address only.
    const source = [...sources][0]!
    expect((await agent.h.getLookalikes({ deliveryId: source })).flag).toEqual({
      otherAddress: true,
      earlier: false,
    })
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
    const [photoId, sourceId] = [...reusedFrom].find(
      ([copy, source]) =>
        [...reusedFrom.values()].filter((s) => s === source).length === 1 && copy !== undefined,
    )!
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
