// Photo downloads against a service that breaks connections, sends wrong or hostile bytes, and
// erases photos. Each test compares the whole final cache: rows, photo states and reasons, files
// by hash, thumbnails, nothing half-downloaded left behind, no rejections.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import { MAX_PHOTO_PIXELS } from '../../../electron/core/photos/thumbnails.ts'
import { expectedCache } from '../../support/cache-snapshot.ts'
import { TEST_ACCOUNT, startFaultServer, type FaultServer } from '../../support/fault-server.ts'
import {
  imageBombPng,
  makeDelivery,
  makeJpeg,
  notAnImage,
  photoRecord,
  type PhotoFile,
} from '../../support/records.ts'
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const STORED = { state: 'stored', failure_reason: null, display_error: null, has_thumbnail: 1 }
const MISMATCH =
  'The photo could not be verified: the bytes received did not match its SHA-256 in 3 tries, so it was not saved.'
const ERASED = 'The delivery service erased this photo.'
const D1 = [{ id: 'd1', version: 1 }]

/** The whole cache after delivery d1's photo p1 was fetched, verified and thumbnailed. */
const storedP1 = (file: PhotoFile) =>
  expectedCache({
    deliveries: D1,
    photos: [{ id: 'p1', delivery_id: 'd1', sha256: file.sha256, ...STORED }],
    files: [file.sha256],
    thumbnails: [file.sha256],
  })

/** The whole cache after delivery d1's photo p1 could not be stored. */
const failedP1 = (file: PhotoFile, reason: string) =>
  expectedCache({
    deliveries: D1,
    photos: [
      {
        id: 'p1',
        delivery_id: 'd1',
        sha256: file.sha256,
        state: 'failed',
        failure_reason: reason,
        display_error: null,
        has_thumbnail: 0,
      },
    ],
  })

/** The whole cache after d1's photo p1 was stored verified but cannot be shown. */
const undisplayableP1 = (file: PhotoFile, displayError: string) =>
  expectedCache({
    deliveries: D1,
    photos: [
      {
        id: 'p1',
        delivery_id: 'd1',
        sha256: file.sha256,
        state: 'stored',
        failure_reason: null,
        display_error: displayError,
        has_thumbnail: 0,
      },
    ],
    files: [file.sha256],
  })

describe('photo downloads under faults', () => {
  let server: FaultServer
  let harness: SyncHarness | null = null

  beforeEach(async () => {
    server = await startFaultServer()
  })
  afterEach(async () => {
    await harness?.close()
    harness = null
    await server.close()
  })

  function publish(
    deliveryId: string,
    photoId: string,
    file: PhotoFile,
    contentType: 'image/jpeg' | 'image/png' = 'image/jpeg',
  ) {
    server.deliveries.append(
      makeDelivery(deliveryId, { photos: [photoRecord(photoId, file, contentType)] }),
    )
    server.putPhoto(photoId, file.bytes, contentType)
  }

  const rangeStart = (range: string | null) =>
    Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1] ?? NaN)

  it('resumes a photo cut off mid-body with Range: bytes=N- and stores the right file', async () => {
    const file = await makeJpeg(1, 320, 240)
    expect(file.bytes.length).toBeGreaterThan(30_000)
    publish('d1', 'p1', file)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'drop-mid-body', afterBytes: 10_000 })
    // The continuation breaks too: the second resume must start where the first one ended.
    server.inject({ path: '/v1/photos/p1' }, { kind: 'drop-mid-body', afterBytes: 8_000 })
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    const requests = server.photoRequests('p1')
    expect(requests.map((r) => [r.status, r.fault])).toEqual([
      [200, 'drop-mid-body'],
      [206, 'drop-mid-body'],
      [206, null],
    ])
    expect(requests[0]?.range).toBeNull()
    const first = rangeStart(requests[1]?.range ?? null)
    const second = rangeStart(requests[2]?.range ?? null)
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(10_000)
    expect(second).toBeGreaterThan(first)
    expect(second).toBeLessThanOrEqual(first + 8_000)
    expect(summary.photos).toMatchObject({ downloaded: 1, failed: 0, undisplayable: 0 })
    expect(harness.snapshot()).toEqual(storedP1(file))
  })

  it('starts over when the service ignores Range and sends the whole photo again', async () => {
    const file = await makeJpeg(2, 320, 240)
    publish('d1', 'p1', file)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'drop-mid-body', afterBytes: 12_000 })
    server.inject({ path: '/v1/photos/p1' }, { kind: 'ignore-range' })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    const requests = server.photoRequests('p1')
    expect(requests.map((r) => r.status)).toEqual([200, 200])
    expect(rangeStart(requests[1]?.range ?? null)).toBeGreaterThan(0)
    expect(harness.snapshot()).toEqual(storedP1(file))
  })

  it('retries a photo answered 500 once and stores it', async () => {
    const file = await makeJpeg(3)
    publish('d1', 'p1', file)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'status', status: 500 })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    expect(server.photoRequests('p1').map((r) => r.status)).toEqual([500, 200])
    expect(harness.snapshot()).toEqual(storedP1(file))
  })

  it('stores a photo whose bytes were wrong twice and right the third time', async () => {
    const file = await makeJpeg(4)
    publish('d1', 'p1', file)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'wrong-bytes' }, 2)
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    const requests = server.photoRequests('p1')
    expect(requests.map((r) => [r.status, r.range, r.fault])).toEqual([
      [200, null, 'wrong-bytes'],
      [200, null, 'wrong-bytes'],
      [200, null, null],
    ])
    expect(summary.photos).toMatchObject({ downloaded: 1, failed: 0 })
    expect(harness.snapshot()).toEqual(storedP1(file))
  })

  it('records a photo whose bytes never match its hash as failed, with the reason, and keeps no file', async () => {
    const file = await makeJpeg(5)
    const good = await makeJpeg(6)
    publish('d1', 'p1', file)
    publish('d2', 'p2', good)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'wrong-bytes' }, Infinity)
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    expect(server.photoRequests('p1')).toHaveLength(3)
    expect(summary.photos).toMatchObject({ downloaded: 1, failed: 1 })
    const expected = failedP1(file, MISMATCH)
    expect(harness.snapshot()).toEqual({
      ...expected,
      deliveries: [...D1, { id: 'd2', version: 1 }],
      photos: [...expected.photos, { id: 'p2', delivery_id: 'd2', sha256: good.sha256, ...STORED }],
      files: [good.sha256],
      thumbnails: [good.sha256],
      ftsRows: 2,
    })
    expect(harness.engine.status().lastError).toMatch(/1 photo could not be fetched or shown/)

    // A failed photo is not asked for again by the next run.
    await harness.engine.run()
    expect(server.photoRequests('p1')).toHaveLength(3)
  })

  it('keeps bytes that hash right but are no image, marks them undisplayable, and never serves them', async () => {
    const file = notAnImage()
    publish('d1', 'p1', file)
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    expect(summary.photos).toMatchObject({ downloaded: 0, failed: 0, undisplayable: 1 })
    expect(harness.snapshot()).toEqual(
      undisplayableP1(file, 'This photo could not be displayed: the file is not a readable image.'),
    )
  })

  it('refuses an image bomb from its header, quickly, naming the megapixel limit', async () => {
    const bomb = imageBombPng()
    expect(bomb.bytes.length).toBeLessThan(2_000)
    publish('d1', 'p1', bomb, 'image/png')
    harness = await startSyncHarness(server)

    const started = performance.now()
    const summary = await harness.engine.run()
    const elapsed = performance.now() - started

    expect(elapsed).toBeLessThan(5_000)
    expect(summary.photos).toMatchObject({ undisplayable: 1 })
    const limit = MAX_PHOTO_PIXELS / 1_000_000
    expect(harness.snapshot()).toEqual(
      undisplayableP1(
        bomb,
        `This photo could not be displayed: the image is larger than ${limit} megapixels.`,
      ),
    )
  })

  it('fetches bytes that several photos share without the downloads trampling each other', async () => {
    const file = await makeJpeg(9, 480, 360)
    // Four photos (two deliveries) with the same bytes: one file on disk. The service is slow,
    // so concurrent downloads of the same bytes would overlap.
    server.deliveries.append(
      makeDelivery('d1', { photos: [photoRecord('p1', file), photoRecord('p2', file)] }),
      makeDelivery('d2', { photos: [photoRecord('p3', file), photoRecord('p4', file)] }),
    )
    for (const id of ['p1', 'p2', 'p3', 'p4']) server.putPhoto(id, file.bytes)
    server.inject({ path: /^\/v1\/photos\// }, { kind: 'delay', ms: 50 }, Infinity)
    harness = await startSyncHarness(server, { photoConcurrency: 4 })

    const summary = await harness.engine.run()

    // Four photos stored, each counted once.
    expect(summary.photos).toMatchObject({ downloaded: 4, failed: 0, undisplayable: 0 })
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [...D1, { id: 'd2', version: 1 }],
        photos: ['p1', 'p2', 'p3', 'p4'].map((id) => ({
          id,
          delivery_id: id < 'p3' ? 'd1' : 'd2',
          sha256: file.sha256,
          ...STORED,
        })),
        files: [file.sha256],
        thumbnails: [file.sha256],
      }),
    )
  })

  it('clears what a killed run left on disk and keeps what rows still refer to', async () => {
    const kept = await makeJpeg(10)
    const erased = await makeJpeg(11)
    publish('d1', 'p1', kept)
    harness = await startSyncHarness(server)
    await harness.engine.run()
    // What a process killed at the wrong moment leaves: the file and thumbnail of a photo whose
    // tombstone was committed just before, a thumbnail half-written, a partial download of bytes
    // nothing waits for any more.
    const photos = join(harness.dataDir, 'photos')
    const plant = (path: string, bytes: Uint8Array) => {
      mkdirSync(join(photos, path, '..'), { recursive: true })
      writeFileSync(join(photos, path), bytes)
    }
    plant(`${erased.sha256.slice(0, 2)}/${erased.sha256}`, erased.bytes)
    plant(`thumbnails/${erased.sha256.slice(0, 2)}/${erased.sha256}.webp`, erased.bytes)
    plant(`thumbnails/${kept.sha256.slice(0, 2)}/${kept.sha256}.webp.tmp`, erased.bytes)
    plant(`partial/${erased.sha256}.part`, erased.bytes.subarray(0, 100))

    await harness.engine.run()

    expect(harness.snapshot()).toEqual(storedP1(kept))
  })

  it('finishes a photo whose file was renamed into place just before the process died', async () => {
    const file = await makeJpeg(12)
    publish('d1', 'p1', file)
    harness = await startSyncHarness(server)
    await harness.engine.run()
    // Back to the moment after the rename and before the row was updated.
    harness.local.sqlite
      .prepare("UPDATE delivery_photos SET state = 'pending', has_thumbnail = 0")
      .run()
    rmSync(join(harness.dataDir, 'photos', 'thumbnails'), { recursive: true })

    await harness.engine.run()

    expect(server.photoRequests('p1')).toHaveLength(1)
    expect(harness.snapshot()).toEqual(storedP1(file))
  })

  it('forgets the old thumbnail and display error when a photo gets new bytes that then fail', async () => {
    const before = notAnImage('first bytes, not an image\n')
    const after = await makeJpeg(13)
    publish('d1', 'p1', before)
    harness = await startSyncHarness(server)
    await harness.engine.run()
    expect(harness.snapshot().photos[0]?.display_error).toMatch(/not a readable image/)

    server.putPhoto('p1', after.bytes)
    server.deliveries.append(makeDelivery('d1', { version: 2, photos: [photoRecord('p1', after)] }))
    server.inject({ path: '/v1/photos/p1' }, { kind: 'wrong-bytes' }, Infinity)
    await harness.engine.run()

    expect(harness.snapshot()).toEqual({
      ...failedP1(after, MISMATCH),
      deliveries: [{ id: 'd1', version: 2 }],
    })
  })

  it('erases a photo the service answers 410 for and records why', async () => {
    const file = await makeJpeg(7)
    publish('d1', 'p1', file)
    server.erasePhoto('p1')
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    expect(server.photoRequests('p1').map((r) => r.status)).toEqual([410])
    expect(summary.photos).toMatchObject({ downloaded: 0, failed: 1 })
    expect(harness.snapshot()).toEqual(failedP1(file, ERASED))
  })

  it('erases what arrived of a photo before the service answered 410 on the resume', async () => {
    const file = await makeJpeg(8, 320, 240)
    publish('d1', 'p1', file)
    server.inject({ path: '/v1/photos/p1' }, { kind: 'drop-mid-body', afterBytes: 10_000 })
    server.inject({ path: '/v1/photos/p1' }, { kind: 'status', status: 410 })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    expect(server.photoRequests('p1').map((r) => r.status)).toEqual([200, 410])
    expect(harness.snapshot()).toEqual(failedP1(file, ERASED))
  })
})

describe('a photo two deliveries share (a driver reusing it) when the service erases one', () => {
  let server: FaultServer
  let harness: SyncHarness | null = null
  afterEach(async () => {
    await harness?.close()
    harness = null
    await server.close()
  })

  /** d1's p1 and d2's p2 are the same bytes; the service erased p1 only. */
  const twins = (file: PhotoFile) =>
    expectedCache({
      deliveries: [
        { id: 'd1', version: 1 },
        { id: 'd2', version: 1 },
      ],
      photos: [
        {
          id: 'p1',
          delivery_id: 'd1',
          sha256: file.sha256,
          state: 'failed',
          failure_reason: ERASED,
          display_error: null,
          has_thumbnail: 0,
        },
        { id: 'p2', delivery_id: 'd2', sha256: file.sha256, ...STORED },
      ],
      files: [file.sha256],
      thumbnails: [file.sha256],
    })

  /** d1 is the newer delivery: its photo is fetched first (newest first), and is refused. */
  async function publishTwins(file: PhotoFile) {
    server = await startFaultServer()
    for (const [deliveryId, photoId, deliveredAt] of [
      ['d2', 'p2', '2026-11-20T09:30:00-08:00'],
      ['d1', 'p1', '2026-11-21T09:30:00-08:00'],
    ] as const) {
      server.deliveries.append(
        makeDelivery(deliveryId, { deliveredAt, photos: [photoRecord(photoId, file)] }),
      )
      server.putPhoto(photoId, file.bytes)
    }
  }

  it('never shows the erased photo again when its twin brings the same bytes', async () => {
    const file = await makeJpeg(22)
    await publishTwins(file)
    server.erasePhoto('p1')
    harness = await startSyncHarness(server)

    await harness.engine.run()

    expect(server.photoRequests('p1').map((r) => r.status)).toEqual([410])
    expect(server.photoRequests('p2').map((r) => r.status)).toEqual([200])
    expect(harness.snapshot()).toEqual(twins(file))
  })
})

describe('an undisplayable photo through the app', () => {
  it('is refused by resolvePhoto with its display error', async () => {
    const server = await startFaultServer()
    const temp = tempDir()
    const file = notAnImage()
    server.deliveries.append(makeDelivery('d1', { photos: [photoRecord('p1', file)] }))
    server.putPhoto('p1', file.bytes)
    const app = await createPorchlight({
      dataDir: temp.dir,
      service: { kind: 'remote', url: server.url },
      tokenStore: createMemoryTokenStore(),
      syncIntervalMs: 0,
      retentionIntervalMs: 0,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    })
    try {
      await app.handlers.signIn({
        username: TEST_ACCOUNT.username,
        password: TEST_ACCOUNT.password,
      })
      await app.syncOnce()
      expect(await app.resolvePhoto('p1')).toEqual({
        ok: false,
        status: 404,
        reason: 'This photo could not be displayed: the file is not a readable image.',
      })
    } finally {
      await app.close()
      await server.close()
      temp.remove()
    }
  })
})
