// A case as this console sees it: the service's last known state with this console's unsent
// events applied on top, in order.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import { CaseEventSchema, type CaseEvent, type Role } from '../contract/schemas.ts'
import type { CaseEventsTable, CasesTable } from '../db/schema.ts'
import { applyCaseEvent, CaseRuleError, type CaseState } from './case-rules.ts'

/** A row of `cases`: the service's state of record. */
export type ServerCaseRow = Omit<Selectable<CasesTable>, 'seen_generation'>

/** A row of `case_events`: one change made here, and whether it reached the service. */
export type LocalEventRow = Selectable<CaseEventsTable>

export function serverState(row: ServerCaseRow): CaseState {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    orderId: row.order_id,
    status: row.status as CaseState['status'],
    reason: row.reason as CaseState['reason'],
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    assigneeId: row.assignee_id,
    resolution: row.resolution_json
      ? (JSON.parse(row.resolution_json) as CaseState['resolution'])
      : null,
    notes: JSON.parse(row.notes_json) as CaseState['notes'],
  }
}

export function eventOf(row: LocalEventRow): CaseEvent {
  return CaseEventSchema.parse(JSON.parse(row.body_json))
}

/** Who made an event; their role was checked when it was made. */
const actorOf = (row: LocalEventRow) => ({ id: row.actor_id, role: 'supervisor' as Role })

export interface ProjectedCase {
  state: CaseState | null
  server: ServerCaseRow | null
  events: LocalEventRow[]
}

export function createCaseReader(sqlite: BetterSqlite3.Database) {
  const serverRow = sqlite.prepare<[string], ServerCaseRow>('SELECT * FROM cases WHERE id = ?')
  const localEvents = sqlite.prepare<[string], LocalEventRow>(
    'SELECT * FROM case_events WHERE case_id = ? ORDER BY seq',
  )
  const deliveryOrder = sqlite.prepare<[string], { order_id: string }>(
    'SELECT order_id FROM deliveries WHERE id = ?',
  )

  return {
    project(caseId: string): ProjectedCase {
      const server = serverRow.get(caseId) ?? null
      const events = localEvents.all(caseId)
      let state = server ? serverState(server) : null
      for (const row of events) {
        // Sent events are in the server's state already; conflicts, failures and discarded
        // ones did not happen. A refused `opened` is the exception: without it the case, and
        // the agent's work on it, would vanish from every list; it stays, showing the refusal.
        const refusedOpening = row.type === 'opened' && row.state === 'failed' && !server
        if (row.state !== 'pending' && !refusedOpening) continue
        try {
          state = applyCaseEvent(state, eventOf(row), actorOf(row))
        } catch (error) {
          if (!(error instanceof CaseRuleError)) throw error
          // The server moved on (another agent's change arrived); the push will tell.
        }
        if (state && state.id === '') {
          state = {
            ...state,
            id: caseId,
            orderId: deliveryOrder.get(state.deliveryId)?.order_id ?? '',
          }
        }
      }
      return { state, server, events }
    },
  }
}
