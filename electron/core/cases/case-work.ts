// The agent's case actions. Each one is checked against the case rules on the case as this
// agent sees it (the service's case with their own unsent work on top, never someone else's),
// then written — the local change and its outbox entry (a contract CaseEvent with a fresh UUID
// and the base version seen) — in one SQLite transaction. The pusher sends it.
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import type { EvidenceSnapshot } from '../api/case-schemas.ts'
import {
  TicketSchema,
  type CaseEvent,
  type CaseReason,
  type NoteAudience,
  type ResolutionCode,
  type User,
} from '../contract/schemas.ts'
import { applyCaseEvent, CaseRuleError } from './case-rules.ts'
import { createCaseReader, eventOf, serverState } from './case-state.ts'
import {
  discardCaseEvent,
  ownConflictEvent,
  ownUnsentOnCase,
  rebaseCaseEvent,
  recordCaseEvent,
  takeCaseSnapshot,
} from './case-tables.ts'
import { orderIdOfDelivery } from '../deliveries/delivery-tables.ts'

export type CaseWork = ReturnType<typeof createCaseWork>

export function createCaseWork(options: {
  sqlite: BetterSqlite3.Database
  currentUser: () => User | null
  now?: () => Date
}) {
  const { sqlite } = options
  const now = () => (options.now ?? (() => new Date()))().toISOString()
  const reader = createCaseReader(sqlite)
  const record = createCaseRecorder(sqlite, reader)
  // A conflict is settled by the person whose change it is, nobody else.
  const conflictRow = ownConflictEvent.on(sqlite)
  const [markDiscarded, rebase] = [discardCaseEvent.on(sqlite), rebaseCaseEvent.on(sqlite)]
  const deliveryExists = orderIdOfDelivery.on(sqlite)

  const actor = (): User => {
    const user = options.currentUser()
    if (user) return user
    throw new UserFacingError('signed-out', t('cases:errors.signIn'))
  }

  function act(caseId: string, fields: Omit<CaseEvent, 'id' | 'occurredAt'>): void {
    const user = actor()
    record.immediate(caseId, { id: randomUUID(), occurredAt: now(), ...fields }, user)
  }

  return {
    open(
      deliveryId: string,
      reason: CaseReason,
      note: string | undefined,
      snapshot: (at: string) => EvidenceSnapshot,
      ticket?: string,
    ): string {
      const user = actor()
      if (!deliveryExists.get({ id: deliveryId }))
        throw new UserFacingError('not-found', t('cases:errors.deliveryNotInCache'))
      const caseId = randomUUID()
      const occurredAt = now()
      const event: CaseEvent = {
        id: randomUUID(),
        type: 'opened',
        occurredAt,
        baseVersion: null,
        deliveryId,
        reason,
      }
      if (note) event.note = note
      // The ticket it was opened from is its own event, sent and shown like a later one.
      const ticketSet: CaseEvent | undefined = ticket
        ? { id: randomUUID(), type: 'ticket_set', occurredAt, ticket: checkedTicket(ticket) }
        : undefined
      record.immediate(caseId, event, user, snapshot(occurredAt), ticketSet)
      return caseId
    },
    /** A note for the team, or text written for the customer (sent to them by the agent). */
    addNote: (caseId: string, body: string, audience: NoteAudience = 'internal') =>
      act(
        caseId,
        audience === 'customer'
          ? { type: 'note_added', note: body, audience }
          : { type: 'note_added', note: body },
      ),
    /** The help-desk ticket the case is worked from; null clears it. */
    setTicket: (caseId: string, ticket: string | null) =>
      act(caseId, { type: 'ticket_set', ticket: ticket === null ? null : checkedTicket(ticket) }),
    changeStatus: (caseId: string, status: 'open' | 'investigating' | 'awaiting_customer') =>
      act(caseId, { type: 'status_changed', status }),
    assign: (caseId: string, to: 'me' | 'nobody') =>
      act(caseId, { type: 'assigned', assigneeId: to === 'me' ? actor().id : null }),
    resolve: (caseId: string, code: ResolutionCode, note?: string) =>
      act(
        caseId,
        note
          ? { type: 'resolved', resolutionCode: code, note }
          : { type: 'resolved', resolutionCode: code },
      ),
    /**
     * Settles a 409: 'apply-again' sends the same event (same id: the service never applied it)
     * on the service's current version, if the rules still allow it there; 'discard' drops it.
     */
    resolveConflict(caseId: string, eventId: string, choice: 'apply-again' | 'discard'): void {
      const user = actor()
      const row = conflictRow.get({ id: eventId, caseId, actorId: user.id })
      if (!row) throw new UserFacingError('not-found', t('cases:errors.noDecision'))
      if (choice === 'discard') {
        markDiscarded.run({ id: eventId })
        return
      }
      const projected = reader.project(caseId, user.id)
      checkRules(
        () =>
          applyCaseEvent(projected.server ? serverState(projected.server) : null, eventOf(row), {
            id: user.id,
            role: user.role,
          }),
        (reason) => t('cases:errors.cannotApply', { reason }),
      )
      rebase.run({ id: eventId, baseVersion: projected.server?.version ?? null })
    },
    reopen(caseId: string, note: string) {
      // Enforced here, in the main process, whatever the renderer shows or sends.
      if (actor().role !== 'supervisor') {
        throw new UserFacingError('forbidden', t('cases:errors.reopenSupervisor'))
      }
      act(caseId, { type: 'reopened', note })
    },
  }
}

/**
 * Checks and writes one event for a case, and takes an unassigned case for the person acting on
 * it (opening, a note, a status, resolving): the case is theirs from then on, as in a help desk.
 * The assignment is its own event in the same transaction, so it is sent and shown like any
 * other. Returns nothing, the caller reads the case again.
 * Run it IMMEDIATE: it reads before it writes, and a deferred transaction whose snapshot the
 * sync's writer thread commits past meanwhile fails at once with "database is locked" instead of
 * waiting its turn (measured: a note written during a first sync).
 */
function createCaseRecorder(
  sqlite: BetterSqlite3.Database,
  reader: ReturnType<typeof createCaseReader>,
) {
  const insertEvent = recordCaseEvent.on(sqlite)
  const insertSnapshot = takeCaseSnapshot.on(sqlite)
  // Only the author's own unsent events chain: another user's wait for that user, and this
  // event is sent without them, on the version the service holds (see push-case-events.ts).
  const hasUnsent = ownUnsentOnCase.on(sqlite)

  type Projection = ReturnType<typeof reader.project>
  const writeOne = (
    caseId: string,
    event: CaseEvent,
    user: User,
    snapshot?: EvidenceSnapshot,
    /** The case as it stands, when the caller has just read it. */
    projected: Projection = reader.project(caseId, user.id),
  ) => {
    checkRules(() => applyCaseEvent(projected.state, event, { id: user.id, role: user.role }))
    // Queued behind our own unsent event: its base is the version that event will produce.
    const chained = event.type !== 'opened' && hasUnsent.get({ caseId, actorId: user.id })!.n > 0
    insertEvent.run(eventRow(caseId, event, user, chained, projected.server?.version ?? null))
    if (snapshot)
      insertSnapshot.run({
        caseId,
        takenAt: snapshot.takenAt,
        evidenceJson: JSON.stringify(snapshot),
      })
  }

  return sqlite.transaction(
    (
      caseId: string,
      event: CaseEvent,
      user: User,
      snapshot?: EvidenceSnapshot,
      /** An opening's ticket: written after it and its assignment. */
      ticketSet?: CaseEvent,
    ) => {
      const takeIt = (): CaseEvent => ({
        id: randomUUID(),
        type: 'assigned',
        occurredAt: event.occurredAt,
        assigneeId: user.id,
      })
      if (event.type === 'opened') {
        writeOne(caseId, event, user, snapshot)
        writeOne(caseId, takeIt(), user)
        if (ticketSet) writeOne(caseId, ticketSet, user)
        return
      }
      // Read once: the event is checked against this reading unless taking the case changes it.
      const before = reader.project(caseId, user.id)
      if (TAKES_THE_CASE.has(event.type) && before.state?.assigneeId === null) {
        writeOne(caseId, takeIt(), user, undefined, before)
        writeOne(caseId, event, user, snapshot)
      } else {
        writeOne(caseId, event, user, snapshot, before)
      }
    },
  )
}

/** Acting on an unassigned case with one of these makes it the actor's (opening always does). */
const TAKES_THE_CASE = new Set<CaseEvent['type']>([
  'note_added',
  'status_changed',
  'resolved',
  'ticket_set',
])

/**
 * A ticket number as the outbox may keep it (the API checked it already; this keeps a bad one
 * from ever reaching the queue, whoever calls).
 */
function checkedTicket(ticket: string): string {
  const parsed = TicketSchema.safeParse(ticket.trim())
  if (parsed.success) return parsed.data
  throw new UserFacingError('invalid-argument', parsed.error.issues[0]!.message)
}

/** Runs a case rule check; a rule it breaks becomes words for the person (`say` words it). */
function checkRules(check: () => void, say = (rule: string) => rule): void {
  try {
    check()
  } catch (error) {
    if (error instanceof CaseRuleError) throw new UserFacingError(error.code, say(error.message))
    throw error
  }
}

/** The row of a change made here: chained to the author's own unsent one, or on the service's version. */
function eventRow(
  caseId: string,
  event: CaseEvent,
  user: User,
  chained: boolean,
  serverVersion: number | null,
) {
  return {
    id: event.id,
    case_id: caseId,
    type: event.type,
    body_json: JSON.stringify(event),
    base_version: event.type === 'opened' || chained ? null : serverVersion,
    chained: chained || (event.type !== 'opened' && serverVersion === null) ? 1 : 0,
    actor_id: user.id,
    actor_name: user.name,
    created_at: event.occurredAt,
  }
}
