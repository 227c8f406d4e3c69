// The case state machine and its role rules, as pure functions: every transition allowed or
// refused, and a property over arbitrary event sequences — the state stays valid, refusals change
// nothing, and the console allows exactly what the service's own rules apply (so the console never
// shows a result the service will refuse). fast-check prints the seed and path of a failure;
// replay with fc.assert(..., { seed, path }).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CASE_REASONS,
  CASE_STATUSES,
  RESOLUTION_CODES,
  type CaseEvent,
} from '../../../electron/core/contract/schemas.ts'
import {
  applyCaseEvent,
  CaseRuleError,
  commutes,
  type Actor,
  type CaseState,
} from '../../../electron/core/cases/case-rules.ts'
import {
  applyCaseEvent as applyOnService,
  type StoredCase,
} from '../../../electron/core/demo-service/case-events.ts'

const AGENT: Actor = { id: 'u_alex_rivera', role: 'agent' }
const SUPERVISOR: Actor = { id: 'u_sam_okafor', role: 'supervisor' }
const OPEN_STATUSES = ['open', 'investigating', 'awaiting_customer'] as const

let clock = Date.parse('2026-11-20T10:00:00Z')
let ids = 0
function event(fields: Omit<CaseEvent, 'id' | 'occurredAt'>): CaseEvent {
  clock += 60_000
  ids++
  return {
    id: `00000000-0000-4000-8000-${ids.toString(16).padStart(12, '0')}`,
    occurredAt: new Date(clock).toISOString(),
    ...fields,
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/** Applies, insisting the input is not mutated (the console projects the same state repeatedly). */
const apply = (state: CaseState | null, e: CaseEvent, actor: Actor) =>
  applyCaseEvent(deepFreeze(state), e, actor)

function refusal(state: CaseState | null, e: CaseEvent, actor: Actor): CaseRuleError {
  try {
    apply(state, e, actor)
  } catch (error) {
    if (error instanceof CaseRuleError) return error
    throw error
  }
  throw new Error(`${e.type} was allowed`)
}

function opened(actor: Actor = AGENT, note?: string): CaseState {
  return apply(
    null,
    event({ type: 'opened', baseVersion: null, deliveryId: 'dlv_1', reason: 'not_received', note }),
    actor,
  )
}

function inStatus(status: CaseState['status']): CaseState {
  const state = opened()
  if (status === 'resolved')
    return apply(state, event({ type: 'resolved', resolutionCode: 'refund_issued' }), AGENT)
  return apply(state, event({ type: 'status_changed', status }), AGENT)
}

describe('opening', () => {
  it('makes an open, unassigned, unresolved case with the opening note', () => {
    const e = event({
      type: 'opened',
      baseVersion: null,
      deliveryId: 'dlv_1',
      reason: 'photo_dispute',
      note: 'Photo shows another door.',
    })
    expect(apply(null, e, AGENT)).toEqual({
      id: '',
      deliveryId: 'dlv_1',
      orderId: '',
      status: 'open',
      reason: 'photo_dispute',
      openedAt: e.occurredAt,
      openedBy: AGENT.id,
      assigneeId: null,
      resolution: null,
      notes: [
        {
          id: e.id,
          authorId: AGENT.id,
          body: 'Photo shows another door.',
          createdAt: e.occurredAt,
        },
      ],
      ticket: null,
    })
    expect(opened().notes).toEqual([])
  })

  it('refuses opening twice, and opening without a delivery or a reason', () => {
    const again = event({ type: 'opened', deliveryId: 'dlv_1', reason: 'other' })
    expect(refusal(opened(), again, AGENT).code).toBe('not-allowed')
    expect(refusal(null, event({ type: 'opened', reason: 'other' }), AGENT).code).toBe(
      'not-allowed',
    )
    expect(refusal(null, event({ type: 'opened', deliveryId: 'dlv_1' }), AGENT).code).toBe(
      'not-allowed',
    )
  })

  it('refuses every other event before the case exists', () => {
    for (const e of [
      event({ type: 'note_added', note: 'hi' }),
      event({ type: 'status_changed', status: 'investigating' }),
      event({ type: 'assigned', assigneeId: AGENT.id }),
      event({ type: 'resolved', resolutionCode: 'no_action' }),
      event({ type: 'reopened' }),
    ]) {
      expect(refusal(null, e, SUPERVISOR).code).toBe('not-allowed')
    }
  })
})

describe('status changes', () => {
  it('allows any unresolved status to become any other', () => {
    for (const from of OPEN_STATUSES) {
      for (const to of OPEN_STATUSES) {
        const next = apply(inStatus(from), event({ type: 'status_changed', status: to }), AGENT)
        expect(next.status).toBe(to)
        expect(next.resolution).toBeNull()
      }
    }
  })

  it('refuses a status change on a resolved case, for agents and supervisors alike', () => {
    for (const to of OPEN_STATUSES) {
      for (const actor of [AGENT, SUPERVISOR]) {
        const error = refusal(
          inStatus('resolved'),
          event({ type: 'status_changed', status: to }),
          actor,
        )
        expect(error.code).toBe('not-allowed')
        expect(error.message).toMatch(/supervisor can reopen/)
      }
    }
  })

  it('refuses a status change without a status', () => {
    expect(refusal(opened(), event({ type: 'status_changed' }), AGENT).code).toBe('not-allowed')
  })
})

describe('resolving', () => {
  it('resolves from every unresolved status, recording who, when, how and the note', () => {
    for (const from of OPEN_STATUSES) {
      const e = event({
        type: 'resolved',
        resolutionCode: 'delivered_to_neighbor',
        note: 'At no. 12.',
      })
      expect(apply(inStatus(from), e, AGENT)).toMatchObject({
        status: 'resolved',
        resolution: {
          code: 'delivered_to_neighbor',
          note: 'At no. 12.',
          resolvedAt: e.occurredAt,
          resolvedBy: AGENT.id,
        },
      })
    }
    const plain = apply(opened(), event({ type: 'resolved', resolutionCode: 'no_action' }), AGENT)
    expect(plain.resolution?.note).toBeNull()
    // The resolution note is the resolution's, not a case note.
    expect(plain.notes).toEqual([])
  })

  it('refuses resolving twice, and resolving without a code', () => {
    const twice = event({ type: 'resolved', resolutionCode: 'refund_issued' })
    expect(refusal(inStatus('resolved'), twice, SUPERVISOR).code).toBe('not-allowed')
    expect(refusal(opened(), event({ type: 'resolved' }), AGENT).code).toBe('not-allowed')
  })
})

describe('reopening', () => {
  it('refuses an agent (forbidden), whatever the state of the case', () => {
    for (const status of CASE_STATUSES) {
      const error = refusal(inStatus(status), event({ type: 'reopened', note: 'please' }), AGENT)
      expect(error.code).toBe('forbidden')
    }
  })

  it('lets a supervisor reopen a resolved case, with the note on the case', () => {
    const e = event({ type: 'reopened', note: 'Second box missing.' })
    const reopened = apply(inStatus('resolved'), e, SUPERVISOR)
    expect(reopened).toMatchObject({ status: 'open', resolution: null })
    expect(reopened.notes.at(-1)).toEqual({
      id: e.id,
      authorId: SUPERVISOR.id,
      body: 'Second box missing.',
      createdAt: e.occurredAt,
    })
    expect(apply(inStatus('resolved'), event({ type: 'reopened' }), SUPERVISOR).notes).toEqual([])
  })

  it('refuses reopening a case that is not resolved, even for a supervisor', () => {
    for (const status of OPEN_STATUSES) {
      expect(refusal(inStatus(status), event({ type: 'reopened' }), SUPERVISOR).code).toBe(
        'not-allowed',
      )
    }
  })
})

describe('notes and assignments', () => {
  it('are allowed in every status, for agents and supervisors', () => {
    for (const status of CASE_STATUSES) {
      for (const actor of [AGENT, SUPERVISOR]) {
        const before = inStatus(status)
        const noted = apply(before, event({ type: 'note_added', note: 'Checked the map.' }), actor)
        expect(noted.notes.at(-1)).toMatchObject({ authorId: actor.id, body: 'Checked the map.' })
        expect({ ...noted, notes: before.notes }).toEqual(before)
        const assigned = apply(before, event({ type: 'assigned', assigneeId: actor.id }), actor)
        expect({ ...assigned, assigneeId: null }).toEqual(before)
        expect(assigned.assigneeId).toBe(actor.id)
        expect(
          apply(assigned, event({ type: 'assigned', assigneeId: null }), actor).assigneeId,
        ).toBeNull()
      }
    }
  })

  it('refuses an empty note', () => {
    expect(refusal(opened(), event({ type: 'note_added', note: '' }), AGENT).code).toBe(
      'not-allowed',
    )
    expect(refusal(opened(), event({ type: 'note_added' }), AGENT).code).toBe('not-allowed')
  })

  it('are the events that commute with others; nothing else does', () => {
    expect(
      Object.fromEntries(
        (
          [
            'opened',
            'note_added',
            'status_changed',
            'assigned',
            'resolved',
            'reopened',
            'ticket_set',
          ] as const
        ).map((t) => [t, commutes(t)]),
      ),
    ).toEqual({
      opened: false,
      note_added: true,
      status_changed: false,
      assigned: true,
      resolved: false,
      reopened: false,
      ticket_set: true,
    })
  })
})

// ── Property ────────────────────────────────────────────────────────────────────────────────

type Draft = Omit<CaseEvent, 'id' | 'occurredAt' | 'baseVersion'>
const NOTE = fc.constantFrom('Called the customer.', 'Photo checked.', 'Left with a neighbour', 'x')
const draftEvent: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({ type: fc.constant('note_added' as const), note: NOTE }),
  fc.record({
    type: fc.constant('status_changed' as const),
    status: fc.constantFrom(...OPEN_STATUSES),
  }),
  fc.record({
    type: fc.constant('assigned' as const),
    assigneeId: fc.constantFrom(AGENT.id, SUPERVISOR.id, null),
  }),
  fc.record(
    {
      type: fc.constant('resolved' as const),
      resolutionCode: fc.constantFrom(...RESOLUTION_CODES),
      note: NOTE,
    },
    { requiredKeys: ['type', 'resolutionCode'] },
  ),
  fc.record({ type: fc.constant('reopened' as const), note: NOTE }, { requiredKeys: ['type'] }),
  fc.record({
    type: fc.constant('ticket_set' as const),
    ticket: fc.constantFrom('4521', '#4521', 'SF-00012345', null),
  }),
  fc.record({
    type: fc.constant('opened' as const),
    deliveryId: fc.constant('dlv_1'),
    reason: fc.constantFrom(...CASE_REASONS),
  }),
)
const scenario = fc.record({
  opener: fc.constantFrom(AGENT, SUPERVISOR),
  reason: fc.constantFrom(...CASE_REASONS),
  openingNote: fc.option(NOTE, { nil: undefined }),
  steps: fc.array(fc.record({ actor: fc.constantFrom(AGENT, SUPERVISOR), draft: draftEvent }), {
    maxLength: 40,
  }),
})

const serviceContext = {
  now: '2026-11-20T10:00:00Z',
  deliveryOrderId: () => '114-0000000-0000001',
  userExists: (id: string) => id === AGENT.id || id === SUPERVISOR.id,
}

/** What the console and the service must agree on after every step. */
const comparable = (c: CaseState | StoredCase) => ({
  deliveryId: c.deliveryId,
  status: c.status,
  reason: c.reason,
  openedAt: c.openedAt,
  openedBy: c.openedBy,
  assigneeId: c.assigneeId ?? null,
  resolution: c.resolution ?? null,
  notes: c.notes,
  ticket: c.ticket ?? null,
})

function checkValid(state: CaseState, first: CaseState) {
  expect(CASE_STATUSES).toContain(state.status)
  // Resolved exactly when there is a resolution.
  expect(state.status === 'resolved').toBe(state.resolution !== null)
  // What opening fixed never changes.
  expect([state.deliveryId, state.reason, state.openedAt, state.openedBy]).toEqual([
    first.deliveryId,
    first.reason,
    first.openedAt,
    first.openedBy,
  ])
  expect(new Set(state.notes.map((n) => n.id)).size).toBe(state.notes.length)
}

describe('any sequence of events', () => {
  it('keeps the case valid, and allows exactly what the service applies', () => {
    fc.assert(
      fc.property(scenario, ({ opener, reason, openingNote, steps }) => {
        const caseId = '00000000-0000-4000-8000-00000000c0de'
        const openEvent = event({
          type: 'opened',
          baseVersion: null,
          deliveryId: 'dlv_1',
          reason,
          ...(openingNote ? { note: openingNote } : {}),
        })
        let state = apply(null, openEvent, opener)
        const first = state
        const served = applyOnService(null, caseId, openEvent, opener, serviceContext)
        if (served.kind !== 'applied')
          throw new Error(`the service refused opening: ${served.detail}`)
        let onService = served.record
        let assignee: string | null = null

        for (const { actor, draft } of steps) {
          const e = event({
            ...draft,
            baseVersion: draft.type === 'opened' ? null : onService.version,
          })
          let next: CaseState | null = null
          let refused: CaseRuleError | null = null
          try {
            next = apply(state, e, actor)
          } catch (error) {
            if (!(error instanceof CaseRuleError)) throw error
            refused = error
          }
          const outcome = applyOnService(onService, caseId, e, actor, serviceContext)
          // The service answers only with refusals an agent can meet (403, or 409 for a case
          // that is not in a state for it), never 400/404: the generated events are well formed.
          if (outcome.kind === 'rejected') expect([403, 409]).toContain(outcome.status)
          expect(refused === null, `${e.type} by ${actor.role}: console vs service`).toBe(
            outcome.kind === 'applied',
          )
          if (refused) {
            expect(refused.code === 'forbidden').toBe(
              outcome.kind === 'rejected' && outcome.status === 403,
            )
            continue
          }
          if (outcome.kind !== 'applied') continue
          const before = state
          state = next as CaseState
          onService = outcome.record
          if (e.type === 'assigned') assignee = e.assigneeId ?? null
          checkValid(state, first)
          // Notes are only ever added to.
          expect(state.notes.slice(0, before.notes.length)).toEqual(before.notes)
          expect(state.assigneeId).toBe(assignee)
          if (e.type === 'resolved') expect(state.resolution?.resolvedBy).toBe(actor.id)
          expect(comparable(state)).toEqual(comparable(onService))
        }
      }),
      { numRuns: 400 },
    )
  })
})
