// Expired tokens (sign in again once, else hand back to the user) and a service that cannot be
// reached at all. Each test asserts that the cache is exactly what it was or should be.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectedCache } from '../../support/cache-snapshot.ts'
import { startFaultServer, type FaultServer } from '../../support/fault-server.ts'
import { makeDelivery, makeJpeg, photoRecord } from '../../support/records.ts'
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness.ts'

const DELIVERIES = '/v1/sync/deliveries'
const SIGN_IN_AGAIN = 'The delivery service no longer accepts your sign-in. Please sign in again.'

describe('sign-in and reachability during a sync', () => {
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

  const lastRun = () =>
    harness?.local.sqlite
      .prepare('SELECT outcome, error FROM sync_runs ORDER BY id DESC LIMIT 1')
      .get() as { outcome: string; error: string | null }

  it('stopped during its pull (the app closing), a run ends there: no retention pass, no photos', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    server.inject({ path: DELIVERIES }, { kind: 'delay', ms: 1000 }, 1)
    let stepsAfterPull = 0
    harness = await startSyncHarness(server, {
      beforePhotos: async () => {
        stepsAfterPull++
      },
    })
    const run = harness.engine.run()
    while (!server.requests.some((r) => r.path === DELIVERIES)) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await harness.engine.stop()
    await run
    expect(stepsAfterPull).toBe(0)
    expect(lastRun().outcome).toBe('stopped')

    // The next run does every step.
    await harness.engine.run()
    expect(stepsAfterPull).toBe(1)
    expect(lastRun().outcome).toBe('complete')
  })

  it('signs in again once when the token has expired, and finishes the run', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    harness = await startSyncHarness(server)
    await harness.engine.run()
    const oldToken = server.requests.at(-1)?.authorization
    server.expireTokens()
    server.deliveries.append(makeDelivery('d2', { photos: [] }))

    const summary = await harness.engine.run()

    expect(summary.deliveries.stored).toBe(1)
    expect(harness.reauthentications).toBe(1)
    expect(harness.unauthorizedCalls).toBe(0)
    expect(server.logins).toBe(2)
    const pulls = server.requests.filter((r) => r.path === DELIVERIES).slice(1)
    expect(pulls.map((r) => r.status)).toEqual([401, 200])
    expect(pulls[0]?.authorization).toBe(oldToken)
    expect(pulls[1]?.authorization).not.toBe(oldToken)
    expect(pulls[1]?.query.cursor).toBe(pulls[0]?.query.cursor)
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [
          { id: 'd1', version: 1 },
          { id: 'd2', version: 1 },
        ],
      }),
    )
    expect(lastRun()).toEqual({ outcome: 'complete', error: null })
  })

  it('signs in again when the token is refused in the middle of the photo downloads', async () => {
    const file = await makeJpeg(61)
    server.putPhoto('p1', file.bytes)
    server.deliveries.append(makeDelivery('d1', { photos: [photoRecord('p1', file)] }))
    server.inject({ path: '/v1/photos/p1' }, { kind: 'status', status: 401 })
    harness = await startSyncHarness(server)

    await harness.engine.run()

    expect(harness.reauthentications).toBe(1)
    expect(server.photoRequests('p1').map((r) => r.status)).toEqual([401, 200])
    expect(harness.snapshot()).toEqual(
      expectedCache({
        deliveries: [{ id: 'd1', version: 1 }],
        photos: [
          {
            id: 'p1',
            delivery_id: 'd1',
            sha256: file.sha256,
            state: 'stored',
            failure_reason: null,
            display_error: null,
            has_thumbnail: 1,
          },
        ],
        files: [file.sha256],
        thumbnails: [file.sha256],
      }),
    )
  })

  it('hands back to the user when the fresh token is refused too, and fails the run cleanly', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    harness = await startSyncHarness(server)
    await harness.engine.run()
    const before = harness.snapshot()
    server.deliveries.append(makeDelivery('d2', { photos: [] }))
    server.inject({ path: DELIVERIES }, { kind: 'status', status: 401 }, Infinity)

    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 })

    expect(harness.reauthentications).toBe(1)
    expect(harness.unauthorizedCalls).toBe(1)
    expect(server.logins).toBe(2)
    expect(harness.engine.running).toBe(false)
    expect(harness.engine.status()).toMatchObject({ lastError: SIGN_IN_AGAIN, running: false })
    expect(lastRun()).toEqual({ outcome: 'failed', error: SIGN_IN_AGAIN })
    expect(harness.snapshot()).toEqual(before)
  })

  it('keeps the user signed in when signing in again meets a long wait the service asked for', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    harness = await startSyncHarness(server)
    server.expireTokens()
    server.inject({ path: '/v1/auth/login' }, { kind: 'status', status: 503, retryAfter: 3600 })

    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'busy', status: 503 })

    expect(harness.reauthentications).toBe(1)
    expect(harness.unauthorizedCalls).toBe(0)
    expect(lastRun()).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^The delivery service asked us to wait until \d\d:\d\d\./),
    })
  })

  it('hands back to the user at once when signing in again is not possible', async () => {
    server.deliveries.append(makeDelivery('d1', { photos: [] }))
    harness = await startSyncHarness(server, { canSignInAgain: false })
    server.expireTokens()

    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'unauthorized' })

    expect(harness.reauthentications).toBe(1)
    expect(harness.unauthorizedCalls).toBe(1)
    expect(server.logins).toBe(1)
    expect(harness.snapshot()).toEqual(expectedCache({ deliveries: [] }))
  })

  it('fails with kind unreachable when the connection is refused, shows offline, and loses nothing', async () => {
    const file = await makeJpeg(62)
    server.putPhoto('p1', file.bytes)
    server.deliveries.append(makeDelivery('d1', { photos: [photoRecord('p1', file)] }))
    const waits: number[] = []
    const onlineWhileWaiting: boolean[] = []
    harness = await startSyncHarness(server, {
      client: {
        sleep: async (ms) => {
          waits.push(ms)
          onlineWhileWaiting.push(harness!.engine.status().online)
        },
      },
    })
    await harness.engine.run()
    expect(harness.engine.status().online).toBe(true)
    const before = harness.snapshot()
    await server.close()

    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'unreachable', status: null })

    // Backed off between attempts before giving up.
    expect(waits.length).toBeGreaterThanOrEqual(1)
    const status = harness.engine.status()
    expect(status.online).toBe(false)
    expect(status.lastError).toMatch(/could not be reached \(ECONNREFUSED\)/)
    expect(status.lastRun).toMatchObject({ outcome: 'failed' })
    expect(status.cached).toEqual({ deliveries: 1, photos: 1 })
    expect(await harness.engine.checkOnline()).toBe(false)
    expect(harness.snapshot()).toEqual(before)

    // The next attempt, still unreachable, never says "online" on the way (the bar would flip
    // and a screen reader announce "back online" on every attempt).
    onlineWhileWaiting.length = 0
    await expect(harness.engine.run()).rejects.toMatchObject({ kind: 'unreachable' })
    expect(onlineWhileWaiting.length).toBeGreaterThanOrEqual(1)
    expect(onlineWhileWaiting).not.toContain(true)
    expect(harness.engine.status().online).toBe(false)
    // A fresh server (on another port) for afterEach to close.
    server = await startFaultServer()
  })
})
