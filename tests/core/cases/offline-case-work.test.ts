// Case work with the delivery service unreachable: every action shows at once (the local change
// and its outbox row are one transaction), survives a restart of the core, and reaches the
// service once, in order, with base versions chained so that no false 409 comes back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import type { CaseDetail } from '../../../electron/core/api/case-schemas.ts'
import {
  AGENT,
  actOnService,
  appliedOn,
  localEvents,
  serviceCase,
  signedInConsole,
  startConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from './desk-harness.ts'

let svc: DeskService
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 21 })
})
afterEach(async () => {
  await svc.front.up()
  svc.front.clearFaults()
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

const kinds = (detail: CaseDetail) => detail.timeline.map((t) => `${t.kind}:${t.send}`)

describe('case work while the service is unreachable', () => {
  it('shows each action at once, keeps it across a restart, and sends it once and in order later', async () => {
    const { front, service } = svc
    const tokens = createMemoryTokenStore()
    const dataDir = dirs.make()
    let desk = await signedInConsole(front.url, dataDir, AGENT, tokens)
    const delivery = svc.deliveries()[0]!
    const deliveryId = delivery.id
    await front.down()

    const opened = await desk.h.openCase({
      deliveryId,
      reason: 'not_received',
      note: 'Customer says the porch was empty.',
    })
    const caseId = opened.id
    expect(opened).toMatchObject({
      deliveryId,
      status: 'open',
      serverVersion: null,
      // Opening a case makes it the opener's: the assignment is its own queued change.
      pendingChanges: 2,
      assigneeId: AGENT.id,
    })
    expect(kinds(opened)).toEqual(['opened:pending', 'assigned:pending'])
    expect(opened.snapshot?.deliveryVersion).toBe(delivery.version)

    const noted = await desk.h.addCaseNote({ caseId, body: 'Called the customer, no answer.' })
    expect(noted.pendingChanges).toBe(3)
    expect(noted.timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Called the customer, no answer.',
      send: 'pending',
      actorId: AGENT.id,
    })
    const investigating = await desk.h.changeCaseStatus({ caseId, status: 'investigating' })
    expect(investigating).toMatchObject({ status: 'investigating', pendingChanges: 4 })
    const resolved = await desk.h.resolveCase({
      caseId,
      code: 'refund_issued',
      note: 'Refunded in full.',
    })
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: { code: 'refund_issued', note: 'Refunded in full.', resolvedBy: AGENT.id },
      pendingChanges: 5,
    })

    // The same through the reading calls: the case, the queue, the counts, the status bar.
    const seen = (await desk.h.getCase({ caseId }))!
    expect(seen).toEqual(resolved)
    expect(kinds(seen)).toEqual([
      'opened:pending',
      'assigned:pending',
      'note:pending',
      'status:pending',
      'resolved:pending',
    ])
    const queue = await desk.h.listCases({ statuses: ['resolved'], sort: 'newest', limit: 200 })
    expect(queue.find((c) => c.id === caseId)).toMatchObject({
      status: 'resolved',
      assigneeId: AGENT.id,
      pendingChanges: 5,
      hasConflict: false,
    })
    const openQueue = await desk.h.listCases({ statuses: ['open'], sort: 'newest', limit: 200 })
    expect(openQueue.some((c) => c.id === caseId)).toBe(false)
    expect((await desk.h.getCaseCounts(undefined)).pendingChanges).toBe(5)
    expect((await desk.h.getSyncStatus(undefined)).pendingChanges).toBe(5)

    // "Sync now" while offline fails as unreachable and loses nothing. (Awaiting it also lets
    // the push the actions started end before the core is closed.)
    await expect(desk.core.syncOnce()).rejects.toMatchObject({ kind: 'unreachable' })
    expect((await desk.h.getSyncStatus(undefined)).online).toBe(false)
    expect(service.world.case(caseId)).toBeNull()
    await desk.close()

    // A restart, still offline, with the token kept by the token store.
    desk = await startConsole(front.url, { dataDir, tokenStore: tokens })
    expect((await desk.h.getSession(undefined)).user?.id).toBe(AGENT.id)
    expect(await desk.h.getCase({ caseId })).toEqual(seen)
    expect((await desk.h.getSyncStatus(undefined)).pendingChanges).toBe(5)

    await front.up()
    const summary = await desk.core.syncOnce()
    expect(summary.outbox).toEqual({ pushed: 5, conflicts: 0 })

    const mine = localEvents(dataDir, caseId)
    const applied = appliedOn(service, caseId)
    expect(applied.map((a) => a.event.id)).toEqual(mine.map((e) => e.id))
    expect(applied.map((a) => a.event.type)).toEqual([
      'opened',
      'assigned',
      'note_added',
      'status_changed',
      'resolved',
    ])
    expect(applied.every((a) => a.userId === AGENT.id)).toBe(true)
    // Sent once each: nothing needed a second post.
    const posts = front.posts.filter((p) => p.caseId === caseId)
    expect(posts.map((p) => [p.eventId, p.status])).toEqual(mine.map((e) => [e.id, 200]))
    expect(mine.every((e) => e.state === 'sent')).toBe(true)

    const after = (await desk.h.getCase({ caseId }))!
    expect(kinds(after).every((k) => k.endsWith(':sent'))).toBe(true)
    expect(after.pendingChanges).toBe(0)
    expect((await desk.h.getSyncStatus(undefined)).pendingChanges).toBe(0)
    const onService = serviceCase(service, caseId)
    expect(after).toMatchObject({
      serverVersion: onService.version,
      status: onService.status,
      assigneeId: onService.assigneeId,
      orderId: onService.orderId,
      openedBy: AGENT.id,
      resolution: onService.resolution,
    })
    expect(onService).toMatchObject({ version: 5, status: 'resolved', assigneeId: AGENT.id })
    await desk.close()
  })

  it('chains the base versions of queued work, so the service sees no stale base', async () => {
    const { front, service } = svc
    const desk = await signedInConsole(front.url, dirs.make())
    const [first, second] = svc.deliveries()
    // A case the service already holds, changed by someone else since it was opened, and
    // pulled: this console's next change is based on version 3 (opened, assigned to the opener,
    // the supervisor's note).
    const known = (await desk.h.openCase({ deliveryId: first!.id, reason: 'damaged' })).id
    await desk.core.syncOnce()
    actOnService(service, known, { type: 'note_added', note: 'Supervisor: photo looks fine.' })
    await desk.core.syncOnce()
    expect((await desk.h.getCase({ caseId: known }))!.serverVersion).toBe(3)

    await front.down()
    const fresh = (await desk.h.openCase({ deliveryId: second!.id, reason: 'wrong_location' })).id
    await desk.h.addCaseNote({ caseId: fresh, body: 'Photo shows a different door.' })
    await desk.h.changeCaseStatus({ caseId: known, status: 'investigating' })
    await desk.h.changeCaseStatus({ caseId: fresh, status: 'awaiting_customer' })
    await desk.h.assignCase({ caseId: fresh, to: 'me' })
    await desk.h.resolveCase({ caseId: known, code: 'replacement_sent' })
    await desk.h.changeCaseStatus({ caseId: fresh, status: 'investigating' })
    await desk.h.resolveCase({ caseId: fresh, code: 'delivered_to_neighbor' })
    expect((await desk.h.getSyncStatus(undefined)).pendingChanges).toBe(9)

    // Back online while the push the actions started may still be retrying: the sync must
    // still send everything that is queued.
    await front.up()
    const summary = await desk.core.syncOnce()
    expect(summary.outbox.conflicts).toBe(0)
    expect((await desk.h.getSyncStatus(undefined)).pendingChanges).toBe(0)

    const postsOf = (caseId: string) =>
      front.posts
        .filter((p) => p.caseId === caseId)
        .map((p) => ({ type: p.type, base: p.baseVersion ?? null, status: p.status, v: p.version }))
    expect(postsOf(fresh)).toEqual([
      { type: 'opened', base: null, status: 200, v: 1 },
      { type: 'assigned', base: 1, status: 200, v: 2 },
      { type: 'note_added', base: 2, status: 200, v: 3 },
      { type: 'status_changed', base: 3, status: 200, v: 4 },
      { type: 'assigned', base: 4, status: 200, v: 5 },
      { type: 'status_changed', base: 5, status: 200, v: 6 },
      { type: 'resolved', base: 6, status: 200, v: 7 },
    ])
    expect(postsOf(known).slice(2)).toEqual([
      { type: 'status_changed', base: 3, status: 200, v: 4 },
      { type: 'resolved', base: 4, status: 200, v: 5 },
    ])
    for (const caseId of [fresh, known]) {
      const mine = localEvents(desk.dataDir, caseId)
      expect(mine.every((e) => e.state === 'sent')).toBe(true)
      expect(
        appliedOn(service, caseId)
          .filter((a) => a.userId === AGENT.id)
          .map((a) => a.event.id),
      ).toEqual(mine.map((e) => e.id))
      // What each event produced is what the service says it produced.
      expect(mine.map((e) => e.produced_version)).toEqual(
        appliedOn(service, caseId)
          .filter((a) => a.userId === AGENT.id)
          .map((a) => a.version),
      )
    }
    expect(service.world.case(fresh)).toMatchObject({ status: 'resolved', version: 7 })
    expect(service.world.case(known)).toMatchObject({ status: 'resolved', version: 5 })
    await desk.close()
  })
})
