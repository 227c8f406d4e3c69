// What the core says about cases follows the language it speaks (Settings' choice): a timeline
// entry's words, a rule an action breaks, the evidence that changed, and a change the delivery
// service refused. The data in them (a ticket, a driver's name, the service's detail) stays as it is.
import { afterEach, describe, expect, it } from 'vitest'
import type { EvidenceSnapshot } from '../../../electron/core/api/case-schemas.ts'
import { applyCaseEvent, type CaseState } from '../../../electron/core/cases/case-rules.ts'
import { describeChange } from '../../../electron/core/cases/case-timeline.ts'
import { evidenceChanges } from '../../../electron/core/cases/evidence-snapshot.ts'
import { problemText } from '../../../electron/core/cases/push-case-events.ts'
import { speak } from '../../../electron/core/messages/messages.ts'

afterEach(() => speak({ language: 'en', locale: 'en' }))

const names = (id: string | null) => (id === 'u_alex_rivera' ? 'Alex Rivera' : id)

const resolved: CaseState = {
  id: 'c1',
  deliveryId: 'd1',
  orderId: '114-0000000-0000001',
  status: 'resolved',
  reason: 'not_received',
  openedAt: '2026-11-20T10:00:00Z',
  openedBy: 'u_alex_rivera',
  assigneeId: 'u_alex_rivera',
  resolution: {
    code: 'refund_issued',
    note: null,
    resolvedAt: '2026-11-20T11:00:00Z',
    resolvedBy: 'u_alex_rivera',
  },
  notes: [],
  ticket: null,
}

const snapshot: EvidenceSnapshot = {
  takenAt: '2026-11-20T10:00:00Z',
  deliveryVersion: 3,
  deliveredAt: '2026-11-19T16:00:00Z',
  driver: { id: 'drv_1', name: 'Ana Costa' },
  dropOff: { spot: 'porch', location: null },
  photos: [],
  photoWithheld: null,
  awayFromAddress: { flagged: false, distanceM: 12 },
}

/** The message of what `act` throws. */
function refusal(act: () => unknown): string {
  try {
    act()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('nothing was refused')
}

const changeStatus = () =>
  applyCaseEvent(
    resolved,
    {
      id: '00000000-0000-4000-8000-000000000001',
      occurredAt: '2026-11-20T12:00:00Z',
      type: 'status_changed',
      status: 'investigating',
    },
    { id: 'u_alex_rivera', role: 'agent' },
  )

describe('the core’s words about cases', () => {
  it('in English', () => {
    expect(describeChange({ kind: 'status', status: 'awaiting_customer' }, names)).toBe(
      'Status: Awaiting customer',
    )
    expect(describeChange({ kind: 'assigned', assigneeId: 'u_alex_rivera' }, names)).toBe(
      'Assigned to Alex Rivera',
    )
    expect(describeChange({ kind: 'ticket', ticket: 'ZD-4521' }, names)).toBe(
      'Ticket set to ZD-4521',
    )
    expect(refusal(changeStatus)).toBe('This case is resolved. A supervisor can reopen it.')
    expect(
      evidenceChanges(snapshot, { ...snapshot, driver: { id: 'drv_2', name: 'Bo Li' } }),
    ).toEqual(['The driver changed from Ana Costa to Bo Li.'])
    expect(problemText(403, { detail: 'Case is locked' })).toBe(
      'The delivery service does not allow you to make this change: Case is locked.',
    )
    expect(problemText(502, null)).toBe('The delivery service answered HTTP 502.')
  })

  it('in Spanish, once the core speaks it', () => {
    speak({ language: 'es', locale: 'es-MX' })
    expect(describeChange({ kind: 'status', status: 'awaiting_customer' }, names)).toBe(
      'Estado: Esperando al cliente',
    )
    expect(describeChange({ kind: 'opened', reason: 'damaged', note: 'Caja rota' }, names)).toBe(
      'Abierto: Dañado — Caja rota',
    )
    expect(describeChange({ kind: 'ticket', ticket: null }, names)).toBe('Ticket quitado')
    expect(refusal(changeStatus)).toBe('Este caso está resuelto. Un supervisor puede reabrirlo.')
    expect(evidenceChanges(snapshot, null)).toEqual([
      'El servicio de entregas eliminó el registro de la entrega.',
    ])
    expect(problemText(404, null)).toBe(
      'El servicio de entregas no conoce este caso o esta entrega.',
    )
  })
})
