// Pulling the delivery and case streams from a service that cuts pages off, pushes back, fails,
// re-sends stale versions, deletes records, expires cursors and sends invalid records. Each test
// compares the whole final cache (see expectedCache: what a test does not name must be empty).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clockTime } from '../../../electron/core/api/service-wait-schemas.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { readSyncReport } from '../../../electron/core/sync/sync-report.ts'
import { expectedCache } from '../../support/cache-snapshot.ts'
import { startFaultServer, type FaultServer } from '../../support/fault-server.ts'
import {
  makeCase,
  makeDelivery,
  makeJpeg,
  photoRecord,
  tombstone,
  uuidOf,
} from '../../support/records.ts'
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness.ts'

const STORED = { state: 'stored', failure_reason: null, display_error: null, has_thumbnail: 1 }
const DELIVERIES = '/v1/sync/deliveries'

describe('pulling the streams under faults', () => {
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

  const pageRequests = (path = DELIVERIES) => server.requests.filter((r) => r.path === path)
  const ids = (n: number, prefix = 'd') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)
  const versions = (list: string[], version = 1) => list.map((id) => ({ id, version }))

  it('asks again for a page cut off mid-body, from the same cursor', async () => {
    server.deliveries.append(...ids(6).map((id) => makeDelivery(id, { photos: [] })))
    server.inject({ path: DELIVERIES }, { kind: 'drop-mid-body' }, 1)
    // The second page too, after its first half.
    server.inject(
      (r) => r.path === DELIVERIES && r.query.cursor !== undefined,
      { kind: 'drop-mid-body' },
      1,
    )
    // And the cases stream loses its connection before any header.
    server.cases.append(makeCase(1, 'd1'))
    server.inject({ path: '/v1/sync/cases' }, { kind: 'drop-before-headers' })
    harness = await startSyncHarness(server, { pageSize: 3 })

    const summary = await harness.engine.run()

    const pages = pageRequests()
    expect(pages.map((r) => [r.status, r.fault])).toEqual([
      [200, 'drop-mid-body'],
      [200, null],
      [200, 'drop-mid-body'],
      [200, null],
    ])
    expect(pages[1]?.query.cursor).toBeUndefined()
    expect(pages[3]?.query.cursor).toBe(pages[2]?.query.cursor)
    expect(summary.deliveries).toMatchObject({ received: 6, stored: 6, rejected: 0 })
    expect(pageRequests('/v1/sync/cases').map((r) => [r.status, r.fault])).toEqual([
      [0, 'drop-before-headers'],
      [200, null],
    ])
    expect(harness.snapshot()).toEqual(
      expectedCache({ deliveries: versions(ids(6)), cases: [{ id: uuidOf(1), version: 1 }] }),
    )
  })

  it('waits at least Retry-After on 429 and on 503 before asking again', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    server.cases.append(makeCase(1, 'd1'))
    server.inject({ path: DELIVERIES }, { kind: 'status', status: 429, retryAfter: 1 })
    server.inject({ path: '/v1/sync/cases' }, { kind: 'status', status: 503, retryAfter: 1 })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    for (const path of [DELIVERIES, '/v1/sync/cases']) {
      const [pushedBack, retried] = pageRequests(path)
      expect([pushedBack?.status, retried?.status]).toEqual([path === DELIVERIES ? 429 : 503, 200])
      expect((retried?.at ?? 0) - (pushedBack?.at ?? 0)).toBeGreaterThanOrEqual(1_000)
    }
    expect(harness.snapshot()).toEqual(
      expectedCache({ deliveries: versions(['d1']), cases: [{ id: uuidOf(1), version: 1 }] }),
    )
  })

  it('adds jitter on top of Retry-After, so that clients told the same do not return together', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    server.inject({ path: DELIVERIES }, { kind: 'status', status: 429, retryAfter: 1 }, 3)
    // A clock that moves only when the client sleeps on it.
    const waits: number[] = []
    let now = Date.now()
    harness = await startSyncHarness(server, {
      client: {
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms)
          now += ms
        },
      },
    })

    await harness.engine.run()

    expect(waits).toHaveLength(3)
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(1_000)
    expect(new Set(waits).size).toBeGreaterThan(1)
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: versions(['d1']) }))
  })

  it('fails the run, without waiting, when Retry-After is longer than the client will wait', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    server.inject({ path: DELIVERIES }, { kind: 'status', status: 503, retryAfter: 3600 })
    harness = await startSyncHarness(server)

    const started = performance.now()
    const asked = Date.now() + 3_600_000
    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'busy', status: 503 })
    // Not the hour, nor the client's longest wait (30 s): at once, however busy the machine.
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: [] }))

    // The run ends in words, and the status says until when the service asked us to wait.
    const until = Date.parse(harness.engine.status().serviceAsksWaitUntil ?? '')
    expect(until).toBeGreaterThanOrEqual(asked - 1_000)
    expect(until).toBeLessThan(asked + 1_000)
    const words = `The delivery service asked us to wait until ${clockTime(until)}.`
    expect(harness.engine.status().lastError).toMatch(new RegExp(`^${words}`))

    // Later runs do not ask the service anything before the instant: they end at once.
    const asks = server.requests.length
    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'busy' })
    expect(await harness.engine.checkOnline()).toBe(true)
    expect(server.requests).toHaveLength(asks)

    // The sync report has it for both runs: asked during the first, held over the second.
    const { runs } = await readSyncReport(harness.local.sqlite)
    const wait = {
      askedAt: expect.any(String),
      until: new Date(until).toISOString(),
      request: 'deliveries',
      status: 503,
    }
    expect(runs.map((r) => [r.outcome, r.serviceWait])).toEqual([
      ['failed', { ...wait, times: 0 }],
      ['failed', { ...wait, times: 1 }],
    ])
  })

  it('retries a page answered 500 once', async () => {
    server.deliveries.append(...ids(2).map((id) => makeDelivery(id, { photos: [] })))
    server.inject({ path: DELIVERIES }, { kind: 'status', status: 500 })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    expect(pageRequests().map((r) => r.status)).toEqual([500, 200])
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: versions(ids(2)) }))
  })

  it('keeps the newest version when stale versions and duplicates arrive, in and across runs', async () => {
    const oldPhoto = await makeJpeg(11)
    const newPhoto = await makeJpeg(12)
    server.putPhoto('p-old', oldPhoto.bytes)
    server.putPhoto('p-new', newPhoto.bytes)
    server.deliveries.append(
      makeDelivery('d1', { version: 1, photos: [photoRecord('p-old', oldPhoto)] }),
      makeDelivery('d1', {
        version: 3,
        driver: { id: 'drv-3', name: 'Three' },
        photos: [photoRecord('p-new', newPhoto)],
      }),
      makeDelivery('d1', {
        version: 2,
        driver: { id: 'drv-2', name: 'Two' },
        photos: [photoRecord('p-old', oldPhoto)],
      }),
      makeDelivery('d1', {
        version: 3,
        driver: { id: 'drv-x', name: 'Same version again' },
        photos: [],
      }),
      makeDelivery('d2', { version: 2, photos: [] }),
      makeDelivery('d2', { version: 2, photos: [] }),
      makeDelivery('d2', { version: 1, customer: { id: 'c-old', name: 'Old Name' }, photos: [] }),
    )
    harness = await startSyncHarness(server, { pageSize: 2 })

    const first = await harness.engine.run()

    expect(first.deliveries).toMatchObject({ received: 7, stored: 3 })
    // The old photo was replaced before the photo step, so it was never fetched.
    expect(server.photoRequests('p-old')).toEqual([])
    // A service restart re-sends older versions in a later run.
    server.deliveries.append(
      makeDelivery('d1', { version: 2, photos: [photoRecord('p-old', oldPhoto)] }),
      makeDelivery('d2', { version: 1, photos: [] }),
    )
    const second = await harness.engine.run()

    expect(second.deliveries).toMatchObject({ received: 2, stored: 0 })
    expect(server.photoRequests('p-old')).toEqual([])
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [
          { id: 'd1', version: 3 },
          { id: 'd2', version: 2 },
        ],
        photos: [{ id: 'p-new', delivery_id: 'd1', sha256: newPhoto.sha256, ...STORED }],
        files: [newPhoto.sha256],
        thumbnails: [newPhoto.sha256],
      }),
    )
    const driver = harness.local.sqlite
      .prepare("SELECT driver_name FROM deliveries WHERE id = 'd1'")
      .pluck()
      .get()
    expect(driver).toBe('Three')
    const search = createDeliverySearch(harness.local.sqlite)
    expect(search('Old Name', 10)).toEqual([])
  })

  it('removes a tombstoned delivery: row, search entry, photo rows, photo and thumbnail files', async () => {
    const own = await makeJpeg(21)
    const shared = await makeJpeg(22)
    server.putPhoto('p1', own.bytes)
    server.putPhoto('p1-shared', shared.bytes)
    server.putPhoto('p2-shared', shared.bytes)
    server.deliveries.append(
      makeDelivery('d1', {
        customer: { id: 'c1', name: 'Ingrid Vasquez', email: 'ingrid@example.com', phone: null },
        photos: [photoRecord('p1', own), photoRecord('p1-shared', shared)],
      }),
      makeDelivery('d2', { photos: [photoRecord('p2-shared', shared)] }),
    )
    server.cases.append(makeCase(1, 'd1'), makeCase(2, 'd2'))
    harness = await startSyncHarness(server)
    await harness.engine.run()
    expect(harness.snapshot().files).toEqual([own.sha256, shared.sha256].sort())
    const search = createDeliverySearch(harness.local.sqlite)
    expect(search('Vasquez', 10).map((r) => r.deliveryId)).toEqual(['d1'])

    server.deliveries.append(tombstone('d1', 2), tombstone('never-seen', 4))
    server.cases.append(tombstone(uuidOf(1), 2))
    const summary = await harness.engine.run()

    expect(summary.deliveries).toMatchObject({ received: 2, deleted: 1, rejected: 0 })
    expect(summary.cases).toMatchObject({ deleted: 1 })
    // The shared file stays for d2, which still shows it; d1's own photo is gone from disk.
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: versions(['d2']),
        photos: [{ id: 'p2-shared', delivery_id: 'd2', sha256: shared.sha256, ...STORED }],
        files: [shared.sha256],
        thumbnails: [shared.sha256],
        cases: [{ id: uuidOf(2), version: 1 }],
      }),
    )
    expect(search('Vasquez', 10)).toEqual([])
    expect(search('ingrid', 10)).toEqual([])
  })

  // A tombstone leaves its id and version in the `tombstones` table, so an older version that a
  // restarted service re-sends afterwards cannot bring the deleted record (or its photo) back.
  it('does not bring back a deleted record when an older version is re-sent later', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }), makeDelivery('d2', { photos: [] }))
    server.cases.append(makeCase(1, 'd1'))
    harness = await startSyncHarness(server)
    await harness.engine.run()
    server.deliveries.append(tombstone('d1', 2))
    server.cases.append(tombstone(uuidOf(1), 2))
    await harness.engine.run()
    server.deliveries.append(makeDelivery('d1', { version: 1, photos: [] }))
    server.cases.append(makeCase(1, 'd1', { version: 1 }))

    await harness.engine.run()

    const cache = harness.snapshot()
    expect(cache.deliveries).toEqual([{ id: 'd2', version: 1 }])
    expect(cache.cases).toEqual([])
  })

  it('removes the files of a photo whose record now points at other bytes', async () => {
    const before = await makeJpeg(23)
    const after = await makeJpeg(24)
    server.putPhoto('p1', before.bytes)
    server.deliveries.append(makeDelivery('d1', { photos: [photoRecord('p1', before)] }))
    harness = await startSyncHarness(server)
    await harness.engine.run()

    server.putPhoto('p1', after.bytes)
    server.deliveries.append(makeDelivery('d1', { version: 2, photos: [photoRecord('p1', after)] }))
    await harness.engine.run()

    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [{ id: 'd1', version: 2 }],
        photos: [{ id: 'p1', delivery_id: 'd1', sha256: after.sha256, ...STORED }],
        files: [after.sha256],
        thumbnails: [after.sha256],
      }),
    )
  })

  it('resyncs in full after a 410 on the cursor: what was deleted meanwhile is swept, nothing doubles', async () => {
    const photoOfD3 = await makeJpeg(31)
    server.putPhoto('p3', photoOfD3.bytes)
    server.deliveries.append(
      makeDelivery('d1', { photos: [] }),
      makeDelivery('d2', { photos: [] }),
      makeDelivery('d3', {
        customer: { id: 'c3', name: 'Quentin Blackwood', email: null, phone: null },
        photos: [photoRecord('p3', photoOfD3)],
      }),
      makeDelivery('d4', { photos: [] }),
    )
    server.cases.append(makeCase(1, 'd1'), makeCase(2, 'd2'), makeCase(3, 'd3'))
    harness = await startSyncHarness(server, { pageSize: 2 })
    await harness.engine.run()
    expect(harness.snapshot().files).toEqual([photoOfD3.sha256])

    // Meanwhile upstream: d3 deleted, d2 changed, d5 new; case 3 deleted, case 2 changed, case 4
    // new. Then the service compacts its logs: the tombstones are gone, our cursors are too old.
    server.deliveries.append(
      tombstone('d3', 2),
      makeDelivery('d2', { version: 2, photos: [] }),
      makeDelivery('d5', { photos: [] }),
    )
    server.cases.append(
      tombstone(uuidOf(3), 2),
      makeCase(2, 'd2', { version: 2, status: 'investigating' }),
      makeCase(4, 'd5'),
    )
    server.deliveries.compact()
    server.cases.compact()
    const summary = await harness.engine.run()

    expect(summary.resynced).toBe(true)
    const pulls = pageRequests()
    const gone = pulls.filter((r) => r.status === 410)
    expect(gone).toHaveLength(1)
    expect(pulls[pulls.indexOf(gone[0] as never) + 1]?.query.cursor).toBeUndefined()
    expect(pageRequests('/v1/sync/cases').filter((r) => r.status === 410)).toHaveLength(1)
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [
          { id: 'd1', version: 1 },
          { id: 'd2', version: 2 },
          { id: 'd4', version: 1 },
          { id: 'd5', version: 1 },
        ],
        cases: [
          { id: uuidOf(1), version: 1 },
          { id: uuidOf(2), version: 2 },
          { id: uuidOf(4), version: 1 },
        ],
      }),
    )
    expect(createDeliverySearch(harness.local.sqlite)('Blackwood', 10)).toEqual([])
    const cursors = harness.local.sqlite
      .prepare('SELECT stream, resync_generation FROM sync_cursors ORDER BY stream')
      .all()
    expect(cursors).toEqual([
      { stream: 'cases', resync_generation: null },
      { stream: 'deliveries', resync_generation: null },
    ])

    // The next run continues from the new cursor, with no resync.
    const next = await harness.engine.run()
    expect(next.resynced).toBe(false)
    expect(next.deliveries.received).toBe(0)
  })

  it('fails the run, instead of resyncing without end, when the service refuses every cursor', async () => {
    server.deliveries.append(...ids(3).map((id) => makeDelivery(id, { photos: [] })))
    harness = await startSyncHarness(server, { pageSize: 1 })
    await harness.engine.run()
    server.deliveries.append(makeDelivery('d4', { photos: [] }))
    server.deliveries.refuseAllCursors = true

    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'gone', status: 410 })

    // One 410 on our cursor, one on the first cursor of the resync; then the run gave up.
    expect(pageRequests().filter((r) => r.status === 410)).toHaveLength(2)
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: versions(ids(3)) }))
    expect(harness.engine.status().lastRun).toMatchObject({ outcome: 'failed' })

    // Once the service knows its cursors again, the next run finishes the resync.
    server.deliveries.refuseAllCursors = false
    const summary = await harness.engine.run()
    expect(summary.resynced).toBe(false)
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: versions(ids(4)) }))
    const cursor = harness.local.sqlite.prepare(
      "SELECT resync_generation FROM sync_cursors WHERE stream = 'deliveries'",
    )
    expect(cursor.get()).toEqual({ resync_generation: null })
  })

  it('rejects invalid records with reasons naming the field, stores the rest of the page, and records the run', async () => {
    const photo = await makeJpeg(41)
    server.putPhoto('a/b', photo.bytes)
    const missingOrderId: Record<string, unknown> = { ...makeDelivery('d-missing', { photos: [] }) }
    delete missingOrderId.orderId
    const base = makeDelivery('d0', { photos: [] })
    server.deliveries.append(
      makeDelivery('d1', { photos: [] }),
      { ...base, id: '../etc' },
      missingOrderId,
      makeDelivery('d2', { photos: [] }),
      makeDelivery('d-lat', {
        photos: [],
        address: { ...base.address, location: { lat: 123, lng: 8 } },
      }),
      makeDelivery('d-photo', { photos: [photoRecord('a/b', photo)] }),
      42,
      'not a record',
      null,
      { id: 'x y', version: 2, updatedAt: '2026-11-22T08:00:00Z', deleted: true },
      makeDelivery('d3', { photos: [] }),
    )
    server.cases.append(
      makeCase(1, 'd1'),
      { ...makeCase(2, 'd2'), id: 'not-a-uuid' },
      makeCase(3, 'd3', { status: 'lost' as never }),
    )
    harness = await startSyncHarness(server, { pageSize: 4 })

    const summary = await harness.engine.run()

    const runId = harness.lastRunId()
    expect(summary.deliveries).toMatchObject({ received: 11, stored: 3, rejected: 8 })
    expect(summary.cases).toMatchObject({ received: 3, stored: 1, rejected: 2 })
    expect(server.requests.filter((r) => r.path.startsWith('/v1/photos/'))).toEqual([])
    const rejections = [
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: '../etc',
        reason: 'id: must be 1-64 of A-Z a-z 0-9 _ -',
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: 'd-missing',
        reason: expect.stringMatching(/^orderId: /),
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: 'd-lat',
        reason: expect.stringMatching(/^address\.location\.lat: .*90/),
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: 'd-photo',
        reason: 'photos.0.id: must be 1-64 of A-Z a-z 0-9 _ -',
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: null,
        reason: expect.stringMatching(/expected object, received number/),
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: null,
        reason: expect.stringMatching(/expected object, received string/),
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: null,
        reason: expect.stringMatching(/expected object, received null/),
      },
      {
        run_id: runId,
        stream: 'deliveries',
        item_id: 'x y',
        reason: 'id: must be 1-64 of A-Z a-z 0-9 _ -',
      },
      {
        run_id: runId,
        stream: 'cases',
        item_id: 'not-a-uuid',
        reason: expect.stringMatching(/^id: /),
      },
      {
        run_id: runId,
        stream: 'cases',
        item_id: uuidOf(3),
        reason: expect.stringMatching(/^status: /),
      },
    ]
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: versions(['d1', 'd2', 'd3']),
        cases: [{ id: uuidOf(1), version: 1 }],
        rejections,
      }),
    )
    expect(harness.engine.status().lastRun).toMatchObject({ outcome: 'complete', rejected: 10 })
  })

  it('validates a large page and keeps every good record and every reason, in order', async () => {
    // The first page of a pull holds 100 items, the next ones the page size. The writer thread
    // validates each page and, in a bulk load, stores it 100 items per transaction: rejects at the
    // edges of those parts must land exactly where they would in one pass.
    const bad = new Set([0, 99, 100, 101, 199, 200, 250, 349])
    const sent = Array.from({ length: 350 }, (_, i) =>
      bad.has(i)
        ? { ...makeDelivery(`bad${i}`, { photos: [] }), version: -i }
        : makeDelivery(`d${i}`, { photos: [] }),
    )
    server.deliveries.append(...sent)
    harness = await startSyncHarness(server, { pageSize: 500 })

    const summary = await harness.engine.run()

    expect(pageRequests().map((r) => r.query.limit)).toEqual(['100', '500'])
    expect(summary.deliveries).toMatchObject({ received: 350, stored: 342, rejected: 8 })
    const runId = harness.lastRunId()
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: versions(sent.flatMap((_, i) => (bad.has(i) ? [] : [`d${i}`])).sort()),
        rejections: [...bad].map((i) => ({
          run_id: runId,
          stream: 'deliveries',
          item_id: `bad${i}`,
          reason: expect.stringMatching(/^version: /),
        })),
      }),
    )
  })

  it('never asks for, keeps or lists a photo of a withheld delivery, even when the record carries one', async () => {
    const photo = await makeJpeg(51)
    const laterWithheld = await makeJpeg(52)
    server.putPhoto('p-withheld', photo.bytes)
    server.putPhoto('p-later', laterWithheld.bytes)
    server.deliveries.append(
      makeDelivery('d1', {
        photoWithheld: 'customer_opted_out',
        photos: [photoRecord('p-withheld', photo)],
      }),
      makeDelivery('d2', { photos: [photoRecord('p-later', laterWithheld)] }),
    )
    harness = await startSyncHarness(server)
    await harness.engine.run()
    expect(harness.snapshot().files).toEqual([laterWithheld.sha256])

    // d2 becomes withheld: its photo row and file must go, and nothing is fetched again.
    server.deliveries.append(
      makeDelivery('d2', {
        version: 2,
        photoWithheld: 'confidential_address',
        photos: [photoRecord('p-later', laterWithheld)],
      }),
    )
    await harness.engine.run()

    expect(server.photoRequests('p-withheld')).toEqual([])
    expect(server.photoRequests('p-later')).toHaveLength(1)
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [
          { id: 'd1', version: 1 },
          { id: 'd2', version: 2 },
        ],
      }),
    )
  })
})
