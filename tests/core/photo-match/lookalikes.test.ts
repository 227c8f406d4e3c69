// Look-alike photos end to end: the demo world's reusing driver sends earlier photos again (the
// same file, re-encoded, shrunk, trimmed, brightened); a console syncs the world, hashes every
// photo it downloads, and must find those reuses, each one, and no other pair.
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

  it('finds every pair a reuse makes, and no other', async () => {
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
    // Different porches of the same broad shape are close in the coarse 64 bits; the detail hash
    // tells them apart (perceptual-hash.test.ts measures both limits).
    expect([...pairs].filter((pair) => !truth.has(pair))).toEqual([])
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

  it('hashes again the photos of a cache hashed before detail hashes were kept, and flags what they confirm', async () => {
    const kept = async () =>
      (await agent.h.searchDeliveries({ query: '', limit: 200, reusedPhoto: true }))
        .map((r) => r.deliveryId)
        .sort()
    const liveFlags = async () => {
      const flagged: string[] = []
      for (const d of world.deliveries) {
        if ((await agent.h.getLookalikes({ deliveryId: d.id })).flag) flagged.push(d.id)
      }
      return flagged.sort()
    }
    const before = await kept()
    expect(before.length).toBeGreaterThan(0)
    const unflagged = world.deliveries.find((d) => d.photos.length > 0 && !before.includes(d.id))!
    const dataDir = agent.dataDir
    await agent.close()
    // The cache as migration 012 left it: 64-bit hashes only, the backfill done, and a flag the
    // coarse bits alone raised.
    const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'))
    sqlite.exec(`
      DROP TABLE photo_fingerprints;
      CREATE TABLE photo_fingerprints (id INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256 TEXT NOT NULL UNIQUE, hash_hi INTEGER NOT NULL, hash_lo INTEGER NOT NULL,
        compared INTEGER NOT NULL DEFAULT 0);
      INSERT INTO photo_fingerprints (sha256, hash_hi, hash_lo, compared)
        SELECT DISTINCT sha256, 0, 0, 1 FROM delivery_photos WHERE state = 'stored';
      DELETE FROM kysely_migration WHERE name >= '013-photo-detail-hash';
      -- and without what the later migrations added (014: a case's help-desk ticket; 015: the
      -- phone-run indexes).
      DROP INDEX cases_ticket;
      ALTER TABLE cases DROP COLUMN ticket;
      DROP INDEX deliveries_phone_from_2;
      DROP INDEX deliveries_phone_from_3;
      DROP INDEX deliveries_phone_from_4;
      DROP INDEX deliveries_long_phone;
      INSERT OR REPLACE INTO app_state (key, value) VALUES ('photo-match.backfilled', 'x');
    `)
    sqlite.prepare('INSERT INTO photo_reuse VALUES (?, 1, 0)').run(unflagged.id)
    sqlite.close()

    // The next sync hashes every stored photo again and flags what the hashes confirm: the same
    // deliveries as before (and any whose photos this sync brought), never the stale flag.
    agent = await signedInConsole(desk.front.url, dataDir)
    const after = await kept()
    expect(after).toEqual(await liveFlags())
    for (const id of before) expect(after).toContain(id)
    expect((await agent.h.getLookalikes({ deliveryId: unflagged.id })).flag).toBeNull()
    expect(after).not.toContain(unflagged.id)
    const check = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
    const hashes = check
      .prepare(
        `SELECT count(*) AS n, sum(length(detail) = 32) AS detailed,
           (SELECT count(DISTINCT sha256) FROM delivery_photos
            WHERE state = 'stored' AND display_error IS NULL) AS stored
         FROM photo_fingerprints`,
      )
      .get() as { n: number; detailed: number; stored: number }
    check.close()
    expect(hashes.n).toBe(hashes.stored)
    expect(hashes.detailed).toBe(hashes.n)
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
