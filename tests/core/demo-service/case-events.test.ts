// Case events and photo-view audit: idempotency, conflicts, roles, and what the world records.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseRecordSchema, ProblemSchema } from '../../../electron/core/contract/schemas.ts'
import type { CaseEvent, CaseRecord } from '../../../electron/core/contract/schemas.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { postJson, pullAll, signIn, startHarness } from './helpers.ts'
import type { Harness } from './helpers.ts'

let harness: Harness
let agent: string
let supervisor: string
let deliveryId: string

beforeAll(async () => {
  harness = await startHarness({ deliveries: 40, seed: 11 })
  agent = await signIn(harness.url, 'agent')
  supervisor = await signIn(harness.url, 'supervisor')
  const live = harness.service.world.deliveryDrafts().find((d): d is DeliveryDraft => !d.deleted)
  deliveryId = live?.id as string
})
afterAll(async () => {
  await harness.stop()
})

const now = (): string => new Date().toISOString()

function post(
  caseId: string,
  event: Partial<CaseEvent> & { type: CaseEvent['type'] },
  token = agent,
) {
  return postJson(
    `${harness.url}/v1/cases/${caseId}/events`,
    { id: randomUUID(), occurredAt: now(), ...event },
    token,
  )
}

async function openCase(): Promise<{ caseId: string; record: CaseRecord }> {
  const caseId = randomUUID()
  const response = await post(caseId, {
    type: 'opened',
    baseVersion: null,
    deliveryId,
    reason: 'not_received',
    note: 'Customer says nothing arrived.',
  })
  expect(response.status).toBe(200)
  return { caseId, record: CaseRecordSchema.parse(await response.json()) }
}

describe('POST /v1/cases/{caseId}/events', () => {
  it('opens a case as the signed-in user and shows it in the cases sync', async () => {
    const before = (await pullAll(harness.url, agent, 'cases', 1000)).at(-1)?.nextCursor
    const { caseId, record } = await openCase()
    expect(record).toMatchObject({
      id: caseId,
      version: 1,
      deliveryId,
      status: 'open',
      reason: 'not_received',
      openedBy: 'u_alex_rivera',
      assigneeId: null,
      resolution: null,
    })
    const delivery = harness.service.world.deliveryDraft(deliveryId) as DeliveryDraft
    expect(record.orderId).toBe(delivery.orderId)
    expect(record.notes).toHaveLength(1)
    const items = (await pullAll(harness.url, agent, 'cases', 100, before)).flatMap((p) => p.items)
    expect(items.map((item) => item.id)).toEqual([caseId])
  })

  it('applies an event id once: a repeat answers 200 with the current case and changes nothing', async () => {
    const { caseId, record } = await openCase()
    const event = {
      id: randomUUID(),
      type: 'status_changed' as const,
      baseVersion: record.version,
      status: 'investigating' as const,
      occurredAt: now(),
    }
    const url = `${harness.url}/v1/cases/${caseId}/events`
    const first = CaseRecordSchema.parse(await (await postJson(url, event, agent)).json())
    expect(first.version).toBe(2)
    const again = await postJson(url, event, agent)
    expect(again.status).toBe(200)
    expect(CaseRecordSchema.parse(await again.json())).toEqual(first)
    const applied = harness.service.world.appliedCaseEvents().filter((e) => e.event.id === event.id)
    expect(applied).toHaveLength(1)
    expect(applied[0]).toMatchObject({ caseId, userId: 'u_alex_rivera', version: 2 })
    // The same event id on another case is a client bug.
    const other = await openCase()
    expect(
      (await postJson(`${harness.url}/v1/cases/${other.caseId}/events`, event, agent)).status,
    ).toBe(400)
  })

  it('answers a stale baseVersion with 409 and the current case, unless the event commutes', async () => {
    const { caseId, record } = await openCase()
    // Another agent (the supervisor, through the world) moves the case on.
    const moved = harness.service.world.applyCaseEvent(
      caseId,
      {
        id: randomUUID(),
        type: 'status_changed',
        baseVersion: 1,
        status: 'awaiting_customer',
        occurredAt: now(),
      },
      'u_sam_okafor',
    )
    expect(moved.status).toBe(200)

    const stale = await post(caseId, {
      type: 'status_changed',
      baseVersion: record.version,
      status: 'investigating',
    })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('content-type')).toMatch(/^application\/json/)
    const current = CaseRecordSchema.parse(await stale.json())
    expect(current).toMatchObject({ version: 2, status: 'awaiting_customer' })

    const note = await post(caseId, {
      type: 'note_added',
      baseVersion: record.version,
      note: 'Called the customer.',
    })
    expect(note.status).toBe(200)
    const noted = CaseRecordSchema.parse(await note.json())
    expect(noted.version).toBe(3)
    expect(noted.notes.at(-1)).toMatchObject({
      authorId: 'u_alex_rivera',
      body: 'Called the customer.',
    })

    const assigned = await post(caseId, {
      type: 'assigned',
      baseVersion: 1,
      assigneeId: 'u_alex_rivera',
    })
    expect(assigned.status).toBe(200)
    expect(CaseRecordSchema.parse(await assigned.json())).toMatchObject({
      version: 4,
      assigneeId: 'u_alex_rivera',
    })
  })

  it('lets only supervisors reopen, and needs a reopen before a resolved case changes status', async () => {
    const { caseId } = await openCase()
    const missingCode = await post(caseId, { type: 'resolved', baseVersion: 1 })
    expect(missingCode.status).toBe(400)
    const resolved = await post(caseId, {
      type: 'resolved',
      baseVersion: 1,
      resolutionCode: 'refund_issued',
      note: 'Refunded.',
    })
    const resolvedCase = CaseRecordSchema.parse(await resolved.json())
    expect(resolvedCase).toMatchObject({ status: 'resolved', version: 2 })
    expect(resolvedCase.resolution).toMatchObject({
      code: 'refund_issued',
      note: 'Refunded.',
      resolvedBy: 'u_alex_rivera',
    })

    const change = await post(caseId, {
      type: 'status_changed',
      baseVersion: 2,
      status: 'investigating',
    })
    expect(change.status).toBe(409)
    expect(CaseRecordSchema.parse(await change.json()).status).toBe('resolved')

    const byAgent = await post(caseId, { type: 'reopened', baseVersion: 2 })
    expect(byAgent.status).toBe(403)
    ProblemSchema.parse(await byAgent.json())

    const bySupervisor = await post(
      caseId,
      { type: 'reopened', baseVersion: 2, note: 'Customer wrote back.' },
      supervisor,
    )
    expect(bySupervisor.status).toBe(200)
    const reopened = CaseRecordSchema.parse(await bySupervisor.json())
    expect(reopened).toMatchObject({ status: 'open', resolution: null, version: 3 })
    expect(reopened.notes.at(-1)).toMatchObject({ authorId: 'u_sam_okafor' })

    const notResolved = await post(caseId, { type: 'reopened', baseVersion: 3 }, supervisor)
    expect(notResolved.status).toBe(409)
  })

  it('answers 404 for unknown cases and deliveries, 409 for opening an existing case', async () => {
    expect(
      (await post(randomUUID(), { type: 'note_added', baseVersion: 1, note: 'x' })).status,
    ).toBe(404)
    const unknownDelivery = await post(randomUUID(), {
      type: 'opened',
      baseVersion: null,
      deliveryId: 'dlv_nope',
      reason: 'other',
    })
    expect(unknownDelivery.status).toBe(404)
    const { caseId } = await openCase()
    const twice = await post(caseId, {
      type: 'opened',
      baseVersion: null,
      deliveryId,
      reason: 'damaged',
    })
    expect(twice.status).toBe(409)
    expect(CaseRecordSchema.parse(await twice.json()).reason).toBe('not_received')
  })

  it('answers 400 to events that break the contract or the event rules', async () => {
    const { caseId } = await openCase()
    const url = `${harness.url}/v1/cases/${caseId}/events`
    const base = { id: randomUUID(), occurredAt: now(), baseVersion: 1 }
    for (const body of [
      { ...base, type: 'note_added', note: 'x', extra: true }, // strict schema
      { ...base, type: 'note_added' }, // note required
      { ...base, type: 'note_added', note: '   ' },
      { ...base, type: 'status_changed', status: 'resolved' }, // not an allowed status
      { ...base, type: 'status_changed', status: 'open', reason: 'other' }, // field of another type
      { ...base, type: 'assigned' }, // assigneeId required
      { ...base, type: 'assigned', assigneeId: 'u_nobody' },
      { ...base, type: 'status_changed', status: 'open', baseVersion: null },
      { ...base, type: 'opened', deliveryId, reason: 'other' }, // baseVersion on opened
      { ...base, id: 'not-a-uuid', type: 'note_added', note: 'x' },
      { ...base, type: 'note_added', note: 'x', occurredAt: 'yesterday' },
    ]) {
      const response = await postJson(url, body, agent)
      expect(response.status, JSON.stringify(body)).toBe(400)
      ProblemSchema.parse(await response.json())
    }
    expect(
      (
        await postJson(
          `${harness.url}/v1/cases/not-a-uuid/events`,
          { ...base, type: 'note_added', note: 'x' },
          agent,
        )
      ).status,
    ).toBe(400)
    expect((await postJson(url, '{', agent)).status).toBe(400)
  })
})

describe('POST /v1/audit/photo-views', () => {
  const view = () => ({
    id: randomUUID(),
    photoId: 'pho_abc',
    deliveryId,
    caseId: null,
    viewedAt: now(),
  })

  it('records each event once and answers 204', async () => {
    const events = [view(), view()]
    const url = `${harness.url}/v1/audit/photo-views`
    const first = await postJson(url, { events }, agent)
    expect(first.status).toBe(204)
    expect(await first.text()).toBe('')
    expect((await postJson(url, { events: [...events, view()] }, agent)).status).toBe(204)
    const recorded = harness.service.world.photoViews()
    expect(recorded).toHaveLength(3)
    expect(recorded[0]).toMatchObject({ event: events[0], userId: 'u_alex_rivera' })
  })

  it('answers 400 to invalid batches and to more than 500 events', async () => {
    const url = `${harness.url}/v1/audit/photo-views`
    for (const body of [
      {},
      { events: [{ ...view(), id: 'x' }] },
      { events: [{ ...view(), viewedAt: 'now' }] },
      { events: Array.from({ length: 501 }, view) },
    ]) {
      expect((await postJson(url, body, agent)).status).toBe(400)
    }
    expect((await postJson(url, { events: Array.from({ length: 500 }, view) }, agent)).status).toBe(
      204,
    )
  })
})
