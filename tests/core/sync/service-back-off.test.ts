// One back-off for the whole client. Every kind of request is in flight at once through one
// service client (pages pulled with the next one fetched while the last is stored, six photo
// downloads, case events pushed, photo-view audit uploads) when the fault server answers one of
// them 429/503 with Retry-After. The server notes every arrival and every instant it asked for,
// and counts the requests that arrive before it: none may, but for those the client had already
// sent when the answer reached it (watched on Node's HTTP client, see client-requests.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCaseDesk } from '../../../electron/core/app/case-handlers.ts'
import { createPhotoViewLog } from '../../../electron/core/audit/photo-views.ts'
import { pushCaseEvents } from '../../../electron/core/cases/push-case-events.ts'
import { downloadPendingPhotos } from '../../../electron/core/photos/download-photos.ts'
import { createSettingsStore } from '../../../electron/core/settings/settings.ts'
import { startPageWriter } from '../../../electron/core/sync/page-writer.ts'
import { pullStream } from '../../../electron/core/sync/pull-stream.ts'
import { watchClientRequests, type ClientRequestLog } from '../../support/client-requests.ts'
import {
  startFaultServer,
  TEST_ACCOUNT,
  type BackOff,
  type FaultServer,
  type RequestRecord,
} from '../../support/fault-server.ts'
import { makeDelivery, makeJpeg, photoRecord, type PhotoFile } from '../../support/records.ts'
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness.ts'

const PHOTO_DELIVERIES = 36
const PLAIN_DELIVERIES = 150
const CASES = 12

type Kind = 'page' | 'photo' | 'case event' | 'audit upload'
const KINDS: Kind[] = ['page', 'photo', 'case event', 'audit upload']

function kindOf(r: RequestRecord): Kind | null {
  if (r.path === '/v1/sync/deliveries') return 'page'
  if (r.path.startsWith('/v1/photos/')) return 'photo'
  if (/^\/v1\/cases\/[^/]+\/events$/.test(r.path)) return 'case event'
  if (r.path === '/v1/audit/photo-views') return 'audit upload'
  return null
}

describe('one back-off for every request to the service', () => {
  let server: FaultServer
  let harness: SyncHarness
  let client: ClientRequestLog

  let files: PhotoFile[]

  beforeAll(async () => {
    files = []
    for (let n = 1; n <= PHOTO_DELIVERIES; n++) files.push(await makeJpeg(100 + n))
  })
  beforeEach(async () => {
    server = await startFaultServer()
    for (let n = 1; n <= PHOTO_DELIVERIES; n++) {
      const file = files[n - 1] as PhotoFile
      server.putPhoto(`ph-${n}`, file.bytes)
      server.deliveries.append(makeDelivery(`p${n}`, { photos: [photoRecord(`ph-${n}`, file)] }))
    }
    harness = await startSyncHarness(server)
    // The deliveries with photos are in the cache, their photos still to fetch.
    await pullDeliveries(100)
    // Work queued here: cases opened with a note each, and photos viewed.
    const { sqlite } = harness.local
    const desk = createCaseDesk({
      sqlite,
      currentUser: () => TEST_ACCOUNT.user,
      settings: () => createSettingsStore(sqlite).get(),
      pushSoon: () => {},
    }).handlers
    for (let n = 1; n <= CASES; n++) {
      const opened = await desk.openCase({ deliveryId: `p${n}`, reason: 'not_received' })
      await desk.addCaseNote({ caseId: opened.id, body: `Called the customer (${n}).` })
    }
    // More deliveries to pull, five to a page.
    for (let n = 1; n <= PLAIN_DELIVERIES; n++)
      server.deliveries.append(makeDelivery(`b${n}`, { photos: [] }))
    server.requests.length = 0
    client = watchClientRequests(server.url)
  })
  afterEach(async () => {
    client.stop()
    await harness.close()
    await server.close()
  })

  function pullDeliveries(pageSize: number) {
    const writer = startPageWriter({ databaseFile: harness.local.sqlite.name })
    return pullStream({
      stream: 'deliveries',
      writer,
      sqlite: harness.local.sqlite,
      client: harness.client,
      dataDir: harness.dataDir,
      runId: null,
      pageSize,
    }).finally(() => writer.close())
  }

  /** Requests of `kind` once every kind has reached the server twice: all four are under way. */
  function onceAllBusy(kind: Kind): (r: RequestRecord) => boolean {
    const busy = () =>
      KINDS.every((k) => server.requests.filter((r) => kindOf(r) === k).length >= 2)
    return (r) => kindOf(r) === kind && busy()
  }

  /**
   * Pulls, downloads, pushes and uploads at once through the harness's one client, each slowed
   * by the server so that all four are still under way when the back-off comes.
   */
  async function everyKindAtOnce() {
    server.inject({ path: '/v1/sync/deliveries' }, { kind: 'delay', ms: 40 }, Infinity)
    server.inject({ path: /^\/v1\/photos\// }, { kind: 'delay', ms: 150 }, Infinity)
    server.inject({ path: /^\/v1\/cases\// }, { kind: 'delay', ms: 40 }, Infinity)
    server.inject({ path: '/v1/audit/photo-views' }, { kind: 'delay', ms: 40 }, Infinity)
    const { sqlite } = harness.local
    const views = createPhotoViewLog(sqlite)
    const userId = TEST_ACCOUNT.user.id
    let others = true
    let viewed = 0
    const uploads = (async () => {
      while (others) {
        viewed++
        views.record({ photoId: 'ph-1', deliveryId: 'p1', caseId: null, userId })
        await views.push(harness.client, userId)
      }
    })()
    const uploadsEnd = uploads.then(
      () => null,
      (error: unknown) => error,
    )
    const [pulled, photos, pushed] = await Promise.all([
      pullDeliveries(5),
      downloadPendingPhotos({
        sqlite,
        client: harness.client,
        dataDir: harness.dataDir,
        concurrency: 6,
      }),
      pushCaseEvents({ sqlite, client: harness.client, userId }),
    ]).finally(async () => {
      others = false
      await uploadsEnd
    })
    const uploadError = await uploadsEnd
    if (uploadError) throw uploadError
    return { pulled, photos, pushed, viewed, unsentViews: views.unsentCount() }
  }

  /**
   * What reached the server before an instant it asked for, but for the requests the client
   * had sent before that answer reached it.
   */
  function arrivedEarly(waitWithout?: (backOff: BackOff) => number) {
    const answerTo = (b: BackOff) => server.requests.find((r) => r.seq === b.seq) as RequestRecord
    // At most one request of each kind is on its way at a time, six photos: no more can be.
    for (const b of server.backOffs) {
      const until = b.until ?? b.answeredAt + (waitWithout?.(b) ?? 0)
      const arrived = server.requests.filter(
        (r) => r.seq !== b.seq && r.wallAt >= b.answeredAt && r.wallAt < until,
      )
      expect(arrived.length).toBeLessThanOrEqual(9)
    }
    return server.arrivedEarly({
      alreadySent: (r, b) => client.sentBefore(r, answerTo(b), server.requests),
      waitWithout,
    })
  }

  /** All of it arrived, once the service let it: nothing was dropped for the wait. */
  function expectEverythingThrough(outcome: Awaited<ReturnType<typeof everyKindAtOnce>>) {
    expect(outcome.pulled.stored).toBe(PLAIN_DELIVERIES)
    expect(outcome.photos).toMatchObject({ downloaded: PHOTO_DELIVERIES, failed: 0 })
    // Each case: opened, assigned to its opener, a note.
    expect(outcome.pushed).toMatchObject({ pushed: 3 * CASES, conflicts: 0, failed: 0 })
    expect(outcome.unsentViews).toBe(0)
    expect(server.photoViewBatches.flat()).toHaveLength(outcome.viewed)
  }

  /**
   * Each kind was under way across the wait: it had reached the server before the answer, and
   * reaches it again after the instant.
   */
  function expectEveryKindHeldAcross(answeredAt: number, until: number) {
    const across = KINDS.map((kind) => {
      const mine = server.requests.filter((r) => kindOf(r) === kind)
      return {
        kind,
        before: mine.some((r) => r.wallAt < answeredAt),
        after: mine.some((r) => r.wallAt >= until),
      }
    })
    expect(across).toEqual(KINDS.map((kind) => ({ kind, before: true, after: true })))
  }

  it.each<Kind>(['page', 'audit upload'])(
    'sends nothing of any kind before the instant Retry-After: 2 on a %s names',
    async (kind) => {
      server.inject(onceAllBusy(kind), {
        kind: 'status',
        status: kind === 'photo' ? 503 : 429,
        retryAfter: 2,
      })
      const outcome = await everyKindAtOnce()

      expect(server.backOffs).toHaveLength(1)
      const [backOff] = server.backOffs
      expect(arrivedEarly()).toEqual([])
      expectEveryKindHeldAcross(backOff!.answeredAt, backOff!.until!)
      expectEverythingThrough(outcome)
    },
  )

  it('reads Retry-After as an HTTP date too', async () => {
    const asked = new Date(Date.now() + 3_000)
    server.inject(onceAllBusy('case event'), {
      kind: 'status',
      status: 503,
      retryAfter: asked.toUTCString(),
    })
    const outcome = await everyKindAtOnce()

    const [backOff] = server.backOffs
    // An HTTP date has whole seconds: the instant is 2 to 3 s away.
    expect(backOff!.until! - backOff!.answeredAt).toBeGreaterThan(1_500)
    expect(arrivedEarly()).toEqual([])
    expectEveryKindHeldAcross(backOff!.answeredAt, backOff!.until!)
    expectEverythingThrough(outcome)
  })

  it('keeps the later instant when a shorter Retry-After arrives after a longer one', async () => {
    // A photo already on its way is answered "1 s" after a case event was answered "3 s".
    const photo = server.inject(onceAllBusy('photo'), {
      kind: 'status',
      status: 503,
      retryAfter: 1,
      afterMs: 600,
    })
    server.inject((r) => kindOf(r) === 'case event' && photo.remaining === 0, {
      kind: 'status',
      status: 429,
      retryAfter: 3,
    })
    const outcome = await everyKindAtOnce()

    expect(server.backOffs.map((b) => b.status)).toEqual([429, 503])
    const [longer, shorter] = server.backOffs
    expect(shorter!.until!).toBeLessThan(longer!.until! - 1_000)
    expect(arrivedEarly()).toEqual([])
    expectEveryKindHeldAcross(longer!.answeredAt, longer!.until!)
    expectEverythingThrough(outcome)
  })

  it('holds every request for the back-off after a 503 without Retry-After', async () => {
    // One photo three times over, its own retries included: the client's back-off after each is
    // at least 250 ms, 500 ms and 1 s.
    const first = onceAllBusy('photo')
    let photo: string | null = null
    server.inject(
      (r) => {
        photo ??= first(r) ? r.path : null
        return r.path === photo
      },
      { kind: 'status', status: 503 },
      3,
    )
    const outcome = await everyKindAtOnce()

    expect(server.backOffs.map((b) => [b.status, b.until])).toEqual([
      [503, null],
      [503, null],
      [503, null],
    ])
    const least = (b: BackOff) => 250 * 2 ** server.backOffs.indexOf(b)
    expect(arrivedEarly(least)).toEqual([])
    expectEverythingThrough(outcome)
  })
})
