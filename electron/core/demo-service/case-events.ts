// How one case event changes a case, as a pure function: the HTTP handler and the world's seeding
// both go through it, so seeded cases are exactly what posting their events would have produced.
//
// Rules beyond the contract (documented for client authors):
// - Fields that belong to another event type are refused with 400 (`status` on a note, …).
//   `note` may be null on any event; a text note is accepted on `opened` (the first note),
//   `note_added` (required), `resolved` (the resolution note) and `reopened`.
// - `baseVersion` must be absent or null on `opened` and an integer on every other event.
// - A case that is resolved only takes `reopened`, `note_added` and `assigned`; `status_changed`
//   or `resolved` on it is 409 with the current case, the same answer as a stale baseVersion,
//   since either way the client is acting on a state that is no longer there. `reopened` on a case
//   that is not resolved is 409 too.
// - `opened` for a case id that exists (under another event id) is 409 with that case.
// - `ticket_set` commutes, on any case, resolved or not: the last one applied wins.
import type { CaseEvent, CaseRecord, Role } from '../contract/schemas.ts'

export interface Actor {
  id: string
  role: Role
}

/** A stored case: a live record, or the last record of a deleted case marked deleted. */
export type StoredCase = Omit<CaseRecord, 'deleted'> & { deleted?: boolean }

export interface CaseContext {
  /** Server time of the change, RFC 3339. */
  now: string
  /** A delivery that may have cases (exists and is not deleted). */
  deliveryOrderId(deliveryId: string): string | null
  userExists(userId: string): boolean
  /** Version of a newly opened case (1, except for seeded cases of a dated world). */
  firstVersion?: number
}

export type CaseOutcome =
  | { kind: 'applied'; record: StoredCase }
  | { kind: 'rejected'; status: 400 | 403 | 404 | 409; detail: string; record?: StoredCase }

const COMMUTING: ReadonlySet<CaseEvent['type']> = new Set(['note_added', 'assigned', 'ticket_set'])

type EventField =
  | 'deliveryId'
  | 'reason'
  | 'status'
  | 'assigneeId'
  | 'resolutionCode'
  | 'note'
  | 'audience'
  | 'ticket'
const FIELDS: Readonly<Record<CaseEvent['type'], ReadonlyArray<EventField>>> = {
  opened: ['deliveryId', 'reason', 'assigneeId', 'note'],
  note_added: ['note', 'audience'],
  status_changed: ['status'],
  assigned: ['assigneeId'],
  resolved: ['resolutionCode', 'note'],
  reopened: ['note'],
  ticket_set: ['ticket'],
}
const ALL_FIELDS: ReadonlyArray<EventField> = [
  'deliveryId',
  'reason',
  'status',
  'assigneeId',
  'resolutionCode',
  'note',
  'audience',
  'ticket',
]

export function commutes(type: CaseEvent['type']): boolean {
  return COMMUTING.has(type)
}

/** The note an event carries, as the case keeps it (none for an event without text). */
function notesOf(event: CaseEvent, actor: Actor): StoredCase['notes'] {
  if (!event.note?.trim()) return []
  return [
    {
      id: event.id,
      authorId: actor.id,
      body: event.note,
      createdAt: event.occurredAt,
      // Internal is the default, and is not written.
      ...(event.audience === 'customer' ? { audience: 'customer' as const } : {}),
    },
  ]
}

/** 400-level problems with the event on its own, before any case is looked at; null if none. */
export function eventShapeProblem(event: CaseEvent): string | null {
  const allowed = FIELDS[event.type]
  for (const field of ALL_FIELDS) {
    const value = event[field]
    if (value === undefined || allowed.includes(field)) continue
    if (field === 'note' && value === null) continue
    return `"${field}" does not belong on a ${event.type} event.`
  }
  if (event.type === 'opened') {
    if (event.baseVersion !== undefined && event.baseVersion !== null) {
      return 'An opened event has no baseVersion (send null).'
    }
    if (event.deliveryId === undefined) return 'An opened event needs deliveryId.'
    if (event.reason === undefined) return 'An opened event needs reason.'
  } else if (typeof event.baseVersion !== 'number' || event.baseVersion < 1) {
    return `A ${event.type} event needs baseVersion: the case version the client saw.`
  }
  if (event.type === 'note_added' && !event.note?.trim()) return 'A note_added event needs a note.'
  if (event.type === 'status_changed' && event.status === undefined) {
    return 'A status_changed event needs status.'
  }
  if (event.type === 'assigned' && event.assigneeId === undefined) {
    return 'An assigned event needs assigneeId (null to unassign).'
  }
  if (event.type === 'resolved' && event.resolutionCode === undefined) {
    return 'A resolved event needs resolutionCode.'
  }
  if (event.type === 'ticket_set' && event.ticket === undefined) {
    return 'A ticket_set event needs ticket (null to clear it).'
  }
  return null
}

export function applyCaseEvent(
  current: StoredCase | null,
  caseId: string,
  event: CaseEvent,
  actor: Actor,
  context: CaseContext,
): CaseOutcome {
  const shapeProblem = eventShapeProblem(event)
  if (shapeProblem) return { kind: 'rejected', status: 400, detail: shapeProblem }
  if (event.assigneeId && !context.userExists(event.assigneeId)) {
    return { kind: 'rejected', status: 400, detail: `No user has the id ${event.assigneeId}.` }
  }
  const noteOf = () => notesOf(event, actor)

  if (event.type === 'opened') {
    if (current) {
      return {
        kind: 'rejected',
        status: 409,
        detail: 'A case with this id already exists.',
        record: current,
      }
    }
    const deliveryId = event.deliveryId as string
    const orderId = context.deliveryOrderId(deliveryId)
    if (orderId === null) {
      return { kind: 'rejected', status: 404, detail: `There is no delivery ${deliveryId}.` }
    }
    return {
      kind: 'applied',
      record: {
        id: caseId,
        version: context.firstVersion ?? 1,
        updatedAt: context.now,
        deliveryId,
        orderId,
        status: 'open',
        reason: event.reason as CaseRecord['reason'],
        openedAt: event.occurredAt,
        openedBy: actor.id,
        assigneeId: event.assigneeId ?? null,
        resolution: null,
        notes: noteOf(),
      },
    }
  }

  if (!current || current.deleted) {
    return { kind: 'rejected', status: 404, detail: `There is no case ${caseId}.` }
  }
  if (event.type === 'reopened' && actor.role !== 'supervisor') {
    return {
      kind: 'rejected',
      status: 403,
      detail: 'Only a supervisor can reopen a resolved case.',
    }
  }
  if (!commutes(event.type) && event.baseVersion !== current.version) {
    return {
      kind: 'rejected',
      status: 409,
      detail: `The case is at version ${current.version}, not ${event.baseVersion}.`,
      record: current,
    }
  }
  const resolved = current.status === 'resolved'
  if ((event.type === 'status_changed' || event.type === 'resolved') && resolved) {
    return {
      kind: 'rejected',
      status: 409,
      detail: 'The case is resolved; a supervisor must reopen it first.',
      record: current,
    }
  }
  if (event.type === 'reopened' && !resolved) {
    return { kind: 'rejected', status: 409, detail: 'The case is not resolved.', record: current }
  }

  const next: StoredCase = {
    ...current,
    version: current.version + 1,
    updatedAt: context.now,
    notes: [...current.notes],
  }
  switch (event.type) {
    case 'note_added':
    case 'reopened':
      next.notes.push(...noteOf())
      if (event.type === 'reopened') {
        next.status = 'open'
        next.resolution = null
      }
      break
    case 'status_changed':
      next.status = event.status as StoredCase['status']
      break
    case 'assigned':
      next.assigneeId = event.assigneeId ?? null
      break
    case 'ticket_set':
      next.ticket = event.ticket ?? null
      break
    case 'resolved':
      next.status = 'resolved'
      next.resolution = {
        code: event.resolutionCode as NonNullable<StoredCase['resolution']>['code'],
        note: event.note?.trim() ? event.note : null,
        resolvedAt: event.occurredAt,
        resolvedBy: actor.id,
      }
      break
  }
  return { kind: 'applied', record: next }
}
