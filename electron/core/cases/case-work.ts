// The agent's case actions. Each one is checked against the case rules on the case as this
// agent sees it (the service's case with their own unsent work on top, never someone else's),
// then written — the local change and its outbox entry (a contract CaseEvent with a fresh UUID
// and the base version seen) — in one SQLite transaction. The pusher sends it.
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { UserFacingError } from '../common/errors.ts'
import type { EvidenceSnapshot } from '../api/case-schemas.ts'
import type { CaseEvent, CaseReason, ResolutionCode, User } from '../contract/schemas.ts'
import { applyCaseEvent, CaseRuleError } from './case-rules.ts'
import { createCaseReader, eventOf, serverState, type LocalEventRow } from './case-state.ts'

export type CaseWork = ReturnType<typeof createCaseWork>

export function createCaseWork(options: {
  sqlite: BetterSqlite3.Database
  currentUser: () => User | null
  now?: () => Date
}) {
  const { sqlite } = options
  const now = () => (options.now ?? (() => new Date()))().toISOString()
  const reader = createCaseReader(sqlite)
  const insertEvent = sqlite.prepare(`
    INSERT INTO case_events (id, case_id, type, body_json, base_version, chained, actor_id,
      actor_name, created_at, state)
    VALUES (@id, @case_id, @type, @body_json, @base_version, @chained, @actor_id, @actor_name,
      @created_at, 'pending')`)
  const insertSnapshot = sqlite.prepare(
    'INSERT INTO case_snapshots (case_id, taken_at, evidence_json) VALUES (?, ?, ?)',
  )
  // Only the author's own unsent events chain: another user's wait for that user, and this
  // event is sent without them, on the version the service holds (see push-case-events.ts).
  const hasUnsent = sqlite.prepare<[string, string], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE case_id = ? AND actor_id = ? AND state IN ('pending', 'conflict')",
  )
  // A conflict is settled by the person whose change it is, nobody else.
  const conflictRow = sqlite.prepare<[string, string, string], LocalEventRow>(
    "SELECT * FROM case_events WHERE id = ? AND case_id = ? AND actor_id = ? AND state = 'conflict'",
  )
  const markDiscarded = sqlite.prepare("UPDATE case_events SET state = 'discarded' WHERE id = ?")
  const rebase = sqlite.prepare(
    "UPDATE case_events SET state = 'pending', base_version = ?, chained = 0, conflict_json = NULL WHERE id = ?",
  )
  const deliveryExists = sqlite.prepare<[string], { id: string }>(
    'SELECT id FROM deliveries WHERE id = ?',
  )

  function actor(): User {
    const user = options.currentUser()
    if (!user) throw new UserFacingError('signed-out', 'Please sign in first.')
    return user
  }

  /** Checks and writes one event for `caseId`; returns nothing, the caller reads the case again. */
  const record = sqlite.transaction(
    (caseId: string, event: CaseEvent, user: User, snapshot?: EvidenceSnapshot) => {
      const projected = reader.project(caseId, user.id)
      try {
        applyCaseEvent(projected.state, event, { id: user.id, role: user.role })
      } catch (error) {
        if (error instanceof CaseRuleError) throw new UserFacingError(error.code, error.message)
        throw error
      }
      // Queued behind our own unsent event: its base is the version that event will produce.
      const chained = event.type !== 'opened' && hasUnsent.get(caseId, user.id)!.n > 0
      insertEvent.run({
        id: event.id,
        case_id: caseId,
        type: event.type,
        body_json: JSON.stringify(event),
        base_version:
          event.type === 'opened' || chained ? null : (projected.server?.version ?? null),
        chained: chained || (event.type !== 'opened' && !projected.server) ? 1 : 0,
        actor_id: user.id,
        actor_name: user.name,
        created_at: event.occurredAt,
      })
      if (snapshot) insertSnapshot.run(caseId, snapshot.takenAt, JSON.stringify(snapshot))
    },
  )

  function act(caseId: string, fields: Omit<CaseEvent, 'id' | 'occurredAt'>): void {
    const user = actor()
    record(caseId, { id: randomUUID(), occurredAt: now(), ...fields }, user)
  }

  return {
    open(
      deliveryId: string,
      reason: CaseReason,
      note: string | undefined,
      snapshot: (at: string) => EvidenceSnapshot,
    ): string {
      const user = actor()
      if (!deliveryExists.get(deliveryId))
        throw new UserFacingError('not-found', 'That delivery is not in the local cache.')
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
      record(caseId, event, user, snapshot(occurredAt))
      return caseId
    },
    addNote: (caseId: string, body: string) => act(caseId, { type: 'note_added', note: body }),
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
      const row = conflictRow.get(eventId, caseId, user.id)
      if (!row)
        throw new UserFacingError('not-found', 'That change is not waiting on a decision any more.')
      if (choice === 'discard') {
        markDiscarded.run(eventId)
        return
      }
      const projected = reader.project(caseId, user.id)
      try {
        applyCaseEvent(projected.server ? serverState(projected.server) : null, eventOf(row), {
          id: user.id,
          role: user.role,
        })
      } catch (error) {
        if (error instanceof CaseRuleError) {
          throw new UserFacingError(
            error.code,
            `Your change cannot be applied to the case as it is now: ${error.message}`,
          )
        }
        throw error
      }
      rebase.run(projected.server?.version ?? null, eventId)
    },
    reopen(caseId: string, note: string) {
      // Enforced here, in the main process, whatever the renderer shows or sends.
      if (actor().role !== 'supervisor') {
        throw new UserFacingError('forbidden', 'Only a supervisor can reopen a resolved case.')
      }
      act(caseId, { type: 'reopened', note })
    },
  }
}
