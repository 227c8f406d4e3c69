// Work queued on a shared console belongs to the agent who did it: it is sent only under that
// agent's own sign-in, never under whoever signs in next. And a case the service refused to
// open stays visible with the refusal, instead of vanishing with the agent's work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AGENT,
  SUPERVISOR,
  appliedOn,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from './desk-harness.ts'

let svc: DeskService
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 33 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

describe('whose queued work is sent', () => {
  it('holds an agent’s unsent note until that agent signs in again', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir, AGENT)
    try {
      await svc.front.down()
      const opened = await desk.h.openCase({
        deliveryId: svc.deliveries()[1]!.id,
        reason: 'damaged',
      })
      // Let the push the action started give up while the service is down (it would otherwise
      // still be retrying, with the agent's own token, when the service comes back).
      await desk.core.syncOnce().catch(() => undefined)
      await desk.h.signOut(undefined)
      await svc.front.up()

      await desk.h.signIn({ username: SUPERVISOR.username, password: SUPERVISOR.password })
      await desk.core.syncOnce()
      expect(appliedOn(svc.service, opened.id)).toHaveLength(0)
      // Not the supervisor's to send: it waits, visibly, for the agent.
      const status = await desk.h.getSyncStatus(undefined)
      expect(status.pendingChanges).toBe(0)
      expect(status.waitingForOthers).toEqual([
        // Opened, and assigned to the agent who opened it.
        { userId: AGENT.id, name: 'Alex Rivera', changes: 2 },
      ])

      await desk.h.signOut(undefined)
      await desk.h.signIn({ username: AGENT.username, password: AGENT.password })
      await desk.core.syncOnce()
      const applied = appliedOn(svc.service, opened.id)
      expect(applied.map((a) => [a.event.type, a.userId])).toEqual([
        ['opened', AGENT.id],
        ['assigned', AGENT.id],
      ])
      expect(svc.service.world.case(opened.id)).toMatchObject({
        openedBy: AGENT.id,
        assigneeId: AGENT.id,
      })
    } finally {
      await desk.close()
    }
  })
})

describe('a case the service refuses to open', () => {
  it('stays in the queue with the refusal on its timeline', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir, AGENT)
    try {
      const delivery = svc.deliveries()[2]!
      await svc.front.down()
      const opened = await desk.h.openCase({ deliveryId: delivery.id, reason: 'not_received' })
      // Upstream, the delivery goes away before the case reaches the service: 404 on `opened`.
      svc.service.world.deleteDelivery(delivery.id)
      await svc.front.up()
      await desk.core.syncOnce().catch(() => undefined)
      const detail = await desk.h.getCase({ caseId: opened.id })
      expect(detail).not.toBeNull()
      expect(detail!.timeline[0]).toMatchObject({ kind: 'opened', send: 'failed' })
      expect(detail!.timeline[0]!.error).toMatch(/delivery service/)
      const queue = await desk.h.listCases({ sort: 'oldest', limit: 200 })
      expect(queue.map((c) => c.id)).toContain(opened.id)
    } finally {
      await desk.close()
    }
  })
})
