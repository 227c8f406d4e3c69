// Sending case events: exactly once by event id when answers are lost, conflicts (409) parked
// for the agent with the service's case while later events of the case wait, the two ways of
// settling them, commuting events on a stale base, and reopening (supervisors only).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { CASE_EVENTS_PATH } from '../../support/case-event-server.ts'
import {
  AGENT,
  SUPERVISOR,
  actOnService,
  appliedOn,
  localEvents,
  serviceCase,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let desk: TestConsole
const dirs = tempDirs()
let nextDelivery = 0

beforeAll(async () => {
  svc = await startDeskService({ seed: 33 })
  desk = await signedInConsole(svc.front.url, dirs.make())
})
afterEach(() => svc.front.clearFaults())
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

/** Opens a case on a delivery not used yet and waits until the service holds it. */
async function openSentCase(on: TestConsole = desk): Promise<string> {
  const deliveries = svc.deliveries()
  const deliveryId = deliveries[nextDelivery++ % deliveries.length]!.id
  const caseId = (await on.h.openCase({ deliveryId, reason: 'not_received' })).id
  await on.core.syncOnce()
  expect(svc.service.world.case(caseId)).not.toBeNull()
  return caseId
}

const postsOf = (caseId: string, eventId?: string) =>
  svc.front.posts.filter((p) => p.caseId === caseId && (!eventId || p.eventId === eventId))

/** The id of this console's newest event on the case. */
const newestEvent = (caseId: string) => localEvents(desk.dataDir, caseId).at(-1)!

describe('exactly once', () => {
  it('sends an event again with the same id when the answer was lost, and the service applies it once', async () => {
    // The answer to the `opened` event is lost: the service made the case, the console did not
    // hear it. The console's retry must not make a second case or fail.
    svc.front.inject({ method: 'POST', path: CASE_EVENTS_PATH }, { kind: 'drop-answer' })
    const caseId = await openSentCase()
    svc.front.inject({ method: 'POST', path: CASE_EVENTS_PATH }, { kind: 'drop-answer' })
    // Not commutative: were the retry applied again, it would meet a stale base (409).
    await desk.h.changeCaseStatus({ caseId, status: 'investigating' })
    await desk.core.syncOnce()

    const mine = localEvents(desk.dataDir, caseId)
    expect(mine.map((e) => [e.type, e.state])).toEqual([
      ['opened', 'sent'],
      ['assigned', 'sent'],
      ['status_changed', 'sent'],
    ])
    // The assignment that came with opening was answered the first time.
    expect(postsOf(caseId, mine[1]!.id).map((p) => [p.status, p.lost])).toEqual([[200, false]])
    for (const event of [mine[0]!, mine[2]!]) {
      const posts = postsOf(caseId, event.id)
      expect(posts.map((p) => [p.status, p.lost])).toEqual([
        [200, true],
        [200, false],
      ])
      expect(posts[1]!.baseVersion).toBe(posts[0]!.baseVersion)
    }
    const applied = appliedOn(svc.service, caseId)
    expect(applied.map((a) => a.event.id)).toEqual(mine.map((e) => e.id))
    expect(mine.map((e) => e.produced_version)).toEqual(applied.map((a) => a.version))
    const detail = (await desk.h.getCase({ caseId }))!
    expect(detail).toMatchObject({ status: 'investigating', serverVersion: 3, conflict: null })
  })

  it('keeps an event whose every answer was lost queued, and the next sync settles it once', async () => {
    const caseId = await openSentCase()
    // The client tries four times within one push; every answer is lost.
    svc.front.inject({ method: 'POST', path: CASE_EVENTS_PATH }, { kind: 'drop-answer' }, 4)
    await desk.h.resolveCase({ caseId, code: 'found_by_customer' })
    const event = newestEvent(caseId)
    // The push the action started gives up after its fourth lost answer.
    await vi.waitFor(() => expect(postsOf(caseId, event.id)).toHaveLength(4), { timeout: 10_000 })
    expect(newestEvent(caseId)).toMatchObject({ id: event.id, state: 'pending' })
    expect((await desk.h.getCase({ caseId }))!.pendingChanges).toBe(1)

    await desk.core.syncOnce()
    expect(newestEvent(caseId)).toMatchObject({ id: event.id, state: 'sent', produced_version: 3 })
    const posts = postsOf(caseId, event.id)
    expect(posts).toHaveLength(5)
    expect(posts.map((p) => p.lost)).toEqual([true, true, true, true, false])
    expect(posts.every((p) => p.status === 200 && p.baseVersion === 2)).toBe(true)
    expect(appliedOn(svc.service, caseId).filter((a) => a.event.id === event.id)).toHaveLength(1)
    expect(svc.service.world.case(caseId)).toMatchObject({ status: 'resolved', version: 3 })
  })
})

describe('conflicts', () => {
  it('parks a change on a stale base with the service case; later events wait; apply-again sends it on the new version', async () => {
    const caseId = await openSentCase()
    actOnService(svc.service, caseId, { type: 'status_changed', status: 'awaiting_customer' })

    await desk.h.changeCaseStatus({ caseId, status: 'investigating' })
    const statusEvent = newestEvent(caseId)
    await desk.h.addCaseNote({ caseId, body: 'Asked the warehouse for the scan.' })
    const noteEvent = newestEvent(caseId)
    await desk.core.syncOnce()

    const parked = (await desk.h.getCase({ caseId }))!
    expect(parked.conflict).toEqual({
      eventId: statusEvent.id,
      mine: 'Status: Investigating',
      change: { kind: 'status', status: 'investigating' },
      server: {
        version: 3,
        status: 'awaiting_customer',
        assigneeId: AGENT.id,
        resolutionCode: null,
        updatedAt: serviceCase(svc.service, caseId).updatedAt,
      },
    })
    // The case shows what the service holds, plus what still waits to be sent.
    expect(parked).toMatchObject({
      status: 'awaiting_customer',
      serverVersion: 3,
      pendingChanges: 1,
    })
    const entry = (id: string) => parked.timeline.find((t) => t.id === id)
    expect(entry(statusEvent.id)).toMatchObject({ send: 'conflict' })
    expect(entry(statusEvent.id)!.error).toMatch(/changed on the service/)
    expect(entry(noteEvent.id)).toMatchObject({
      send: 'pending',
      text: 'Asked the warehouse for the scan.',
    })
    expect(postsOf(caseId, statusEvent.id).map((p) => [p.baseVersion, p.status])).toEqual([
      [2, 409],
    ])
    expect(postsOf(caseId, noteEvent.id)).toEqual([])
    expect((await desk.h.getCaseCounts(undefined)).conflicts).toBe(1)
    const listed = await desk.h.listCases({ sort: 'newest', limit: 200 })
    expect(listed.find((c) => c.id === caseId)).toMatchObject({ hasConflict: true })

    // Another sync does not send the waiting note either.
    await desk.core.syncOnce()
    expect(postsOf(caseId, noteEvent.id)).toEqual([])

    const again = await desk.h.resolveConflict({
      caseId,
      eventId: statusEvent.id,
      choice: 'apply-again',
    })
    expect(again).toMatchObject({ conflict: null, status: 'investigating', pendingChanges: 2 })
    await desk.core.syncOnce()

    expect(
      postsOf(caseId, statusEvent.id).map((p) => [p.baseVersion, p.status, p.version]),
    ).toEqual([
      [2, 409, 3],
      [3, 200, 4],
    ])
    expect(postsOf(caseId, noteEvent.id).map((p) => [p.baseVersion, p.status, p.version])).toEqual([
      [4, 200, 5],
    ])
    expect(localEvents(desk.dataDir, caseId).every((e) => e.state === 'sent')).toBe(true)
    expect(svc.service.world.case(caseId)).toMatchObject({ status: 'investigating', version: 5 })
    const settled = (await desk.h.getCase({ caseId }))!
    expect(settled).toMatchObject({ conflict: null, status: 'investigating', serverVersion: 5 })
    expect((await desk.h.getCaseCounts(undefined)).conflicts).toBe(0)
  })

  it('drops a discarded change, and the events queued behind it proceed', async () => {
    const caseId = await openSentCase()
    actOnService(svc.service, caseId, { type: 'status_changed', status: 'awaiting_customer' })
    await desk.h.changeCaseStatus({ caseId, status: 'investigating' })
    const statusEvent = newestEvent(caseId)
    await desk.core.syncOnce()
    expect((await desk.h.getCase({ caseId }))!.conflict?.eventId).toBe(statusEvent.id)

    // Seeing the service's case in the conflict, the agent resolves it and adds a note; both
    // wait behind the conflict. Then they drop their status change.
    await desk.h.resolveCase({ caseId, code: 'carrier_claim', note: 'Claim filed.' })
    const resolveEvent = newestEvent(caseId)
    await desk.h.addCaseNote({ caseId, body: 'Customer informed.' })
    const noteEvent = newestEvent(caseId)
    await desk.core.syncOnce()
    expect(postsOf(caseId, resolveEvent.id)).toEqual([])

    const discarded = await desk.h.resolveConflict({
      caseId,
      eventId: statusEvent.id,
      choice: 'discard',
    })
    expect(discarded.conflict).toBeNull()
    expect(discarded.timeline.find((t) => t.id === statusEvent.id)?.send).toBe('discarded')
    expect(discarded).toMatchObject({ status: 'resolved', pendingChanges: 2 })
    await desk.core.syncOnce()

    expect(localEvents(desk.dataDir, caseId).map((e) => [e.type, e.state])).toEqual([
      ['opened', 'sent'],
      ['assigned', 'sent'],
      ['status_changed', 'discarded'],
      ['resolved', 'sent'],
      ['note_added', 'sent'],
    ])
    expect(postsOf(caseId, resolveEvent.id).map((p) => [p.baseVersion, p.status])).toEqual([
      [3, 200],
    ])
    expect(postsOf(caseId, noteEvent.id).map((p) => p.status)).toEqual([200])
    expect(appliedOn(svc.service, caseId).map((a) => a.event.id)).not.toContain(statusEvent.id)
    expect(svc.service.world.case(caseId)).toMatchObject({
      status: 'resolved',
      resolution: { code: 'carrier_claim' },
      version: 5,
    })
    expect((await desk.h.getCase({ caseId }))!).toMatchObject({ conflict: null, serverVersion: 5 })
  })

  it('refuses apply-again when the case as the service holds it no longer allows the change', async () => {
    const caseId = await openSentCase()
    actOnService(svc.service, caseId, { type: 'resolved', resolutionCode: 'found_by_customer' })
    await desk.h.changeCaseStatus({ caseId, status: 'awaiting_customer' })
    const statusEvent = newestEvent(caseId)
    await desk.core.syncOnce()
    expect((await desk.h.getCase({ caseId }))!.conflict).toMatchObject({
      eventId: statusEvent.id,
      server: { status: 'resolved', resolutionCode: 'found_by_customer' },
    })

    await expect(
      desk.h.resolveConflict({ caseId, eventId: statusEvent.id, choice: 'apply-again' }),
    ).rejects.toMatchObject({ code: 'not-allowed', message: /cannot be applied/ })
    expect(newestEvent(caseId).state).toBe('conflict')

    const dropped = await desk.h.resolveConflict({
      caseId,
      eventId: statusEvent.id,
      choice: 'discard',
    })
    expect(dropped).toMatchObject({ conflict: null, status: 'resolved', pendingChanges: 0 })
    await desk.core.syncOnce()
    expect(postsOf(caseId, statusEvent.id)).toHaveLength(1)
    // Settled already: a second decision finds nothing to decide.
    await expect(
      desk.h.resolveConflict({ caseId, eventId: statusEvent.id, choice: 'discard' }),
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  it('sends a note and an assignment on a stale base without a conflict: they commute', async () => {
    const caseId = await openSentCase()
    actOnService(svc.service, caseId, { type: 'status_changed', status: 'investigating' })
    actOnService(svc.service, caseId, { type: 'note_added', note: 'Supervisor looked at it.' })
    // This console still holds version 2 (opened, and assigned to its opener).
    await desk.h.addCaseNote({ caseId, body: 'Customer called again.' })
    const noteEvent = newestEvent(caseId)
    expect(noteEvent.base_version).toBe(2)
    await desk.h.assignCase({ caseId, to: 'nobody' })
    const assignEvent = newestEvent(caseId)
    await desk.core.syncOnce()
    await desk.h.assignCase({ caseId, to: 'me' })
    await desk.core.syncOnce()

    expect(postsOf(caseId, noteEvent.id).map((p) => [p.baseVersion, p.status, p.version])).toEqual([
      [2, 200, 5],
    ])
    expect(postsOf(caseId, assignEvent.id).map((p) => [p.status, p.version])).toEqual([[200, 6]])
    expect(localEvents(desk.dataDir, caseId).every((e) => e.state === 'sent')).toBe(true)
    const detail = (await desk.h.getCase({ caseId }))!
    expect(detail).toMatchObject({
      conflict: null,
      status: 'investigating',
      assigneeId: AGENT.id,
      serverVersion: 7,
    })
    expect(detail.timeline.filter((t) => t.kind === 'note').map((t) => t.text)).toEqual([
      'Supervisor looked at it.',
      'Customer called again.',
    ])
  })
})

describe('reopening a resolved case', () => {
  it('refuses an agent in the main process, whatever the renderer sends, and queues nothing', async () => {
    const caseId = await openSentCase()
    await desk.h.resolveCase({ caseId, code: 'no_action' })
    await desk.core.syncOnce()
    const before = localEvents(desk.dataDir, caseId)
    const postsBefore = postsOf(caseId).length

    await expect(
      desk.h.reopenCase({ caseId, note: 'The customer insists.' }),
    ).rejects.toMatchObject({ name: 'UserFacingError', code: 'forbidden' })
    // Through the dispatcher, as the renderer's call arrives, with extra fields for good measure.
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    for (const arg of [
      { caseId, note: 'x' },
      { caseId, note: 'x', role: 'supervisor', actor: SUPERVISOR.id },
    ]) {
      expect(await dispatchCall(desk.core, 'reopenCase', arg, log)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Only a supervisor can reopen a resolved case.' },
      })
    }
    // Nor through a status change on the resolved case.
    await expect(desk.h.changeCaseStatus({ caseId, status: 'open' })).rejects.toMatchObject({
      code: 'not-allowed',
    })

    expect(localEvents(desk.dataDir, caseId)).toEqual(before)
    await desk.core.syncOnce()
    expect(postsOf(caseId)).toHaveLength(postsBefore)
    expect((await desk.h.getCase({ caseId }))!.status).toBe('resolved')
    expect(serviceCase(svc.service, caseId).status).toBe('resolved')
  })

  it("accepts a supervisor's reopen and sends it", async () => {
    const caseId = await openSentCase()
    await desk.h.assignCase({ caseId, to: 'me' })
    await desk.h.resolveCase({ caseId, code: 'refund_issued' })
    await desk.core.syncOnce()

    const supervisor = await signedInConsole(svc.front.url, dirs.make(), SUPERVISOR)
    try {
      expect((await supervisor.h.getCase({ caseId }))!.status).toBe('resolved')
      // Reopening says why: without a reason the call is refused before anything is written.
      const log = { info: () => {}, warn: () => {}, error: () => {} }
      for (const arg of [{ caseId }, { caseId, note: '   ' }]) {
        expect(await dispatchCall(supervisor.core, 'reopenCase', arg, log)).toMatchObject({
          ok: false,
          error: { code: 'invalid-argument' },
        })
      }
      expect(localEvents(supervisor.dataDir, caseId)).toEqual([])
      const reopened = await supervisor.h.reopenCase({ caseId, note: 'Second box missing too.' })
      // It goes back to its last owner, and the timeline says why.
      expect(reopened).toMatchObject({
        status: 'open',
        resolution: null,
        pendingChanges: 1,
        assigneeId: AGENT.id,
      })
      await supervisor.core.syncOnce()

      const applied = appliedOn(svc.service, caseId).at(-1)!
      expect(applied).toMatchObject({ userId: SUPERVISOR.id, event: { type: 'reopened' } })
      expect(localEvents(supervisor.dataDir, caseId).at(-1)).toMatchObject({
        id: applied.event.id,
        state: 'sent',
      })
      expect(svc.service.world.case(caseId)).toMatchObject({ status: 'open', resolution: null })
      await desk.core.syncOnce()
      expect((await desk.h.getCase({ caseId }))!).toMatchObject({
        status: 'open',
        resolution: null,
      })
    } finally {
      await supervisor.close()
    }
  })
})
