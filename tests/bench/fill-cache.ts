// Writes the search cache (see search-cache.ts) in a worker process: the demo world's generator
// makes the deliveries and cases, the app's own stores write them, as a sync would leave them.
// This file and world-chunks.ts are part of the cache key: a change here rebuilds the cache.
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createCaseStore } from '../../electron/core/cases/store-cases.ts'
import type { DeliveryItem } from '../../electron/core/contract/schemas.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../electron/core/deliveries/store-deliveries.ts'
import { DemoWorld } from '../../electron/core/demo-service/index.ts'
import { photoFilePath } from '../../electron/core/photos/photo-files.ts'
import { makeThumbnail } from '../../electron/core/photos/thumbnails.ts'
import type { BenchConfig } from './config.ts'
import { worldChunks, type PhotoFacts } from './world-chunks.ts'

export interface CacheMeta {
  key: string
  deliveries: number
  photos: number
  cases: number
  worlds: Array<{ seed: number; deliveries: number }>
  buildSeconds: number
  builtAt: string
}

/** Distinct photo files the million photo rows share (see fillCache). */
const SHARED_PHOTOS = 16
const WRITE_BATCH = 10_000

export interface FillArgs {
  dir: string
  key: string
  config: Omit<BenchConfig, 'anchor'> & { anchor: string }
}

/**
 * Worker: writes the worlds one by one (one world of a million needs about 6 GB of heap), each
 * through createDeliveryStore/createCaseStore in transactions of 10,000, while a worker thread
 * generates the next (world-chunks.ts).
 *
 * Photo rows: a synced cache holds its photos as files. A million deliveries carry some 1.2M
 * photos (40+ GB of JPEGs), so the rows share the bytes of a handful of real demo photos, stored
 * and thumbnailed as the photo step would have left them, and are marked stored as that step
 * does once a file is in place.
 */
export async function fillCache(args: FillArgs): Promise<CacheMeta> {
  const started = performance.now()
  const { config } = args
  const anchor = new Date(config.anchor)
  mkdirSync(args.dir, { recursive: true })
  const local = await openDatabase(args.dir)
  const { sqlite } = local
  // Settings of this connection only, for the build: the same rows, written faster. With the
  // app's 64 MB page cache the indexes outgrow memory and each world takes longer than the last.
  sqlite.pragma('cache_size = -1048576')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('wal_autocheckpoint = 0')
  const shared = await sharedPhotos(args.dir, config.seed, anchor, config.cacheRoot)
  const deliveryStore = createDeliveryStore(sqlite)
  const caseStore = createCaseStore(sqlite)
  const write = sqlite.transaction((items: DeliveryItem[]) => deliveryStore.applyItems(items))
  const worlds: CacheMeta['worlds'] = []
  for (let first = 0, k = 0; first < config.search.deliveries; first += config.search.chunk, k++) {
    const deliveries = Math.min(config.search.chunk, config.search.deliveries - first)
    worlds.push({ seed: config.seed + k, deliveries })
  }
  let cases = 0
  const chunks = worldChunks({
    worlds,
    anchor: config.anchor,
    photoCacheDir: join(args.dir, 'unused-demo-photos'),
    shared,
  })
  for await (const chunk of chunks) {
    const storing = performance.now()
    for (let at = 0; at < chunk.items.length; at += WRITE_BATCH) {
      write(chunk.items.slice(at, at + WRITE_BATCH))
    }
    sqlite.transaction(() => caseStore.applyItems(chunk.cases))()
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    cases += chunk.cases.length
    console.log(
      `search cache: world of seed ${chunk.seed} (${chunk.items.length.toLocaleString('en-US')} deliveries, ${chunk.cases.length} cases) ` +
        `generated in ${chunk.generatedSeconds.toFixed(0)} s, stored in ${((performance.now() - storing) / 1000).toFixed(0)} s`,
    )
  }
  rmSync(join(args.dir, 'unused-demo-photos'), { recursive: true, force: true })
  const marked = sqlite
    .prepare(
      "UPDATE delivery_photos SET state = 'stored', has_thumbnail = 1 WHERE state = 'pending'",
    )
    .run().changes
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const counts = sqlite
    .prepare<[], { deliveries: number; photos: number }>(
      'SELECT (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM delivery_photos) AS photos',
    )
    .get()!
  await local.close()
  if (marked !== counts.photos) throw new Error(`marked ${marked} of ${counts.photos} photo rows`)
  return {
    key: args.key,
    deliveries: counts.deliveries,
    photos: counts.photos,
    cases,
    worlds,
    buildSeconds: (performance.now() - started) / 1000,
    builtAt: new Date().toISOString(),
  }
}

/** A few real demo photos, written into the data dir with their thumbnails. */
async function sharedPhotos(
  dataDir: string,
  seed: number,
  anchor: Date,
  cacheRoot: string,
): Promise<PhotoFacts[]> {
  const world = new DemoWorld({
    seed,
    deliveries: SHARED_PHOTOS * 2,
    anchor,
    photoCacheDir: join(cacheRoot, 'shared-photos'),
  })
  await world.prepare()
  const facts: PhotoFacts[] = []
  try {
    for (const draft of world.deliveryDrafts()) {
      if (draft.deleted === true) continue
      for (const photo of draft.photos) {
        if (facts.length === SHARED_PHOTOS) break
        const bytes = await world.photoBytes(photo.id)
        if (!bytes) continue
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        const path = photoFilePath(dataDir, sha256)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, bytes)
        const thumbnail = await makeThumbnail(dataDir, sha256)
        if (!thumbnail.ok) throw new Error(`demo photo ${photo.id}: ${thumbnail.reason}`)
        facts.push({ sha256, bytes: bytes.length })
      }
    }
  } finally {
    await world.close()
  }
  if (facts.length < SHARED_PHOTOS) throw new Error('the demo world had too few photos')
  return facts
}
