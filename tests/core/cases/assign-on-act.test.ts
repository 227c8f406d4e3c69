// Acting on an unassigned case makes it yours, as in a help desk: opening it, a note, a status
// change, resolving. A case someone already holds stays theirs; a refused action takes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AGENT,
  AGENT_B,
  actOnService,
  appliedOn,
  localEvents,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let alex: TestConsole
let jordan: TestConsole
const dirs = tempDirs()
let nextDelivery = 0

beforeAll(async () => {
  svc = await startDeskService({ seed: 41 })
  alex = await signedInConsole(svc.front.url, dirs.make(), AGENT)
  jordan = await signedInConsole(svc.front.url, dirs.make(), AGENT_B)
})
afterAll(async () => {
  await alex?.close()
  await jordan?.close()
  await svc?.stop()
  dirs.removeAll()
})

/** A case Alex opened and then gave back (unassigned), as the service and both consoles hold it. */
async function unassignedCase(): Promise<string> {
  const deliveryId = svc.deliveries()[nextDelivery++]!.id
  const caseId = (await alex.h.openCase({ deliveryId, reason: 'not_received' })).id
  await alex.h.assignCase({ caseId, to: 'nobody' })
  await alex.core.syncOnce()
  await jordan.core.syncOnce()
  expect((await jordan.h.getCase({ caseId }))!.assigneeId).toBeNull()
  return caseId
}

const typesOn = (caseId: string) => appliedOn(svc.service, caseId).map((a) => a.event.type)

describe('acting on an unassigned case', () => {
  it('opening a case makes it the opener’s, in the same step', async () => {
    const deliveryId = svc.deliveries()[nextDelivery++]!.id
    const opened = await alex.h.openCase({ deliveryId, reason: 'damaged', note: 'Box crushed.' })
    expect(opened.assigneeId).toBe(AGENT.id)
    expect(opened.timeline.map((t) => t.kind)).toEqual(['opened', 'assigned'])
    await alex.core.syncOnce()
    expect(typesOn(opened.id)).toEqual(['opened', 'assigned'])
  })

  it.each([
    ['a note', (c: string) => jordan.h.addCaseNote({ caseId: c, body: 'Called the customer.' })],
    ['a status', (c: string) => jordan.h.changeCaseStatus({ caseId: c, status: 'investigating' })],
    ['resolving', (c: string) => jordan.h.resolveCase({ caseId: c, code: 'no_action' })],
  ])('%s takes it for the person acting, assignment first', async (_what, act) => {
    const caseId = await unassignedCase()
    const after = await act(caseId)
    expect(after.assigneeId).toBe(AGENT_B.id)
    const mine = localEvents(jordan.dataDir, caseId)
    expect(mine.map((e) => e.type)).toEqual(['assigned', expect.any(String)])
    await jordan.core.syncOnce()
    expect(
      appliedOn(svc.service, caseId)
        .slice(-2)
        .map((a) => [a.event.type, a.userId]),
    ).toEqual([
      ['assigned', AGENT_B.id],
      [mine[1]!.type, AGENT_B.id],
    ])
    expect(svc.service.world.case(caseId)).toMatchObject({ assigneeId: AGENT_B.id })
  })

  it('leaves a case someone holds with them', async () => {
    const deliveryId = svc.deliveries()[nextDelivery++]!.id
    const caseId = (await alex.h.openCase({ deliveryId, reason: 'not_received' })).id
    await alex.core.syncOnce()
    await jordan.core.syncOnce()
    const noted = await jordan.h.addCaseNote({ caseId, body: 'Jordan: customer called back.' })
    expect(noted.assigneeId).toBe(AGENT.id)
    expect(localEvents(jordan.dataDir, caseId).map((e) => e.type)).toEqual(['note_added'])
  })

  it('takes nothing when the action itself is refused', async () => {
    const caseId = await unassignedCase()
    actOnService(svc.service, caseId, { type: 'resolved', resolutionCode: 'found_by_customer' })
    await jordan.core.syncOnce()
    await expect(
      jordan.h.changeCaseStatus({ caseId, status: 'investigating' }),
    ).rejects.toMatchObject({ code: 'not-allowed' })
    expect(localEvents(jordan.dataDir, caseId)).toEqual([])
    expect((await jordan.h.getCase({ caseId }))!.assigneeId).toBeNull()
  })
})
