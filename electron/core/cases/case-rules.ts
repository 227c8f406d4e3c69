// What may happen to a case, and what each event does to it. One pure function applies an
// event to a case's state; the console uses it to show an action's result at once (before the
// service has it) and to refuse actions that the service would refuse anyway.
import type {
  CaseEvent,
  CaseReason,
  CaseStatus,
  NoteAudience,
  ResolutionCode,
  Role,
} from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'

export interface CaseState {
  id: string
  deliveryId: string
  orderId: string
  status: CaseStatus
  reason: CaseReason
  openedAt: string
  openedBy: string
  assigneeId: string | null
  resolution: {
    code: ResolutionCode
    note: string | null
    resolvedAt: string
    resolvedBy: string
  } | null
  notes: Array<{
    id: string
    authorId: string
    body: string
    createdAt: string
    audience?: NoteAudience
  }>
  /** The help-desk ticket the case is worked from; null when none. */
  ticket: string | null
}

/** An action the rules do not allow, in words for the agent. */
export class CaseRuleError extends Error {
  readonly code: 'not-allowed' | 'forbidden'
  constructor(code: 'not-allowed' | 'forbidden', message: string) {
    super(message)
    this.name = 'CaseRuleError'
    this.code = code
  }
}

export interface Actor {
  id: string
  role: Role
}

/** Applies `event` by `actor` to `state` (null before `opened`), or throws CaseRuleError. */
export function applyCaseEvent(state: CaseState | null, event: CaseEvent, actor: Actor): CaseState {
  if (event.type === 'opened') {
    if (state) throw new CaseRuleError('not-allowed', t('cases:errors.openAlready'))
    if (!event.deliveryId || !event.reason) {
      throw new CaseRuleError('not-allowed', t('cases:errors.needsDeliveryAndReason'))
    }
    return {
      id: '',
      deliveryId: event.deliveryId,
      orderId: '',
      status: 'open',
      reason: event.reason,
      openedAt: event.occurredAt,
      openedBy: actor.id,
      assigneeId: null,
      resolution: null,
      notes: event.note
        ? [{ id: event.id, authorId: actor.id, body: event.note, createdAt: event.occurredAt }]
        : [],
      ticket: null,
    }
  }
  if (!state) throw new CaseRuleError('not-allowed', t('cases:errors.noSuchCase'))
  switch (event.type) {
    case 'note_added':
      if (!event.note) throw new CaseRuleError('not-allowed', t('cases:errors.noteNeedsText'))
      return { ...state, notes: [...state.notes, note(event, actor, event.note)] }
    case 'assigned':
      return { ...state, assigneeId: event.assigneeId ?? null }
    case 'status_changed':
      if (state.status === 'resolved') {
        throw new CaseRuleError('not-allowed', t('cases:errors.resolvedReopen'))
      }
      if (!event.status) throw new CaseRuleError('not-allowed', t('cases:errors.chooseStatus'))
      return { ...state, status: event.status }
    case 'resolved':
      if (state.status === 'resolved')
        throw new CaseRuleError('not-allowed', t('cases:errors.resolvedAlready'))
      if (!event.resolutionCode)
        throw new CaseRuleError('not-allowed', t('cases:errors.chooseResolution'))
      return {
        ...state,
        status: 'resolved',
        resolution: {
          code: event.resolutionCode,
          note: event.note ?? null,
          resolvedAt: event.occurredAt,
          resolvedBy: actor.id,
        },
      }
    case 'reopened':
      if (actor.role !== 'supervisor') {
        throw new CaseRuleError('forbidden', t('cases:errors.reopenSupervisor'))
      }
      if (state.status !== 'resolved')
        throw new CaseRuleError('not-allowed', t('cases:errors.onlyResolvedReopen'))
      return {
        ...state,
        status: 'open',
        resolution: null,
        notes: event.note ? [...state.notes, note(event, actor, event.note)] : state.notes,
      }
    case 'ticket_set': {
      // A resolved case takes a ticket too: it is where the case was asked about, not its state.
      if (event.ticket === undefined)
        throw new CaseRuleError('not-allowed', t('cases:errors.ticketOrClear'))
      return { ...state, ticket: event.ticket ?? null }
    }
  }
}

function note(event: CaseEvent, actor: Actor, body: string) {
  const audience: NoteAudience | null =
    event.type === 'note_added' && event.audience === 'customer' ? 'customer' : null
  return {
    id: event.id,
    authorId: actor.id,
    body,
    createdAt: event.occurredAt,
    ...(audience ? { audience } : {}),
  }
}

/** Events the service applies even on a stale base version (they commute with others). */
export function commutes(type: CaseEvent['type']): boolean {
  return type === 'note_added' || type === 'assigned' || type === 'ticket_set'
}
