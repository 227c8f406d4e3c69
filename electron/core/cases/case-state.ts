// A case as this console sees it: the service's last known state with this console's unsent
// events applied on top, in order.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import { CaseEventSchema, type CaseEvent, type Role } from '../contract/schemas.ts'
import type { CaseEventsTable, CasesTable } from '../db/schema.ts'
import { applyCaseEvent, CaseRuleError, type CaseState } from './case-rules.ts'
import { orderIdOfDelivery } from '../deliveries/delivery-tables.ts'
import { caseById, eventsOfCase } from './case-tables.ts'

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
    ticket: row.ticket,
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
  /** This console's events on the case that the viewer may see (all, without a viewer). */
  events: LocalEventRow[]
  /** Someone else's changes on the case that wait for them to sign in, per author. */
  othersWaiting: OthersWaiting[]
}

export interface OthersWaiting {
  userId: string
  name: string
  changes: number
}

/**
 * Unsent work belongs to its author: for a viewer, another user's events that have not reached
 * the service (pending, in conflict, refused, discarded) are not part of the case. The case they
 * see is the service's with their own unsent work on top; they learn only that someone else's
 * changes wait (pending or in conflict: both need the author). Sent events are on the service,
 * so everyone sees them.
 */
export function visibleTo(row: LocalEventRow, viewerId: string | undefined): boolean {
  return viewerId === undefined || row.actor_id === viewerId || row.state === 'sent'
}

export function createCaseReader(sqlite: BetterSqlite3.Database) {
  const serverRow = caseById.on(sqlite)
  const localEvents = eventsOfCase.on(sqlite)
  const deliveryOrder = orderIdOfDelivery.on(sqlite)

  return {
    /** The case as `viewerId` sees it; without a viewer, with everyone's unsent work (reports). */
    project(caseId: string, viewerId?: string): ProjectedCase {
      const server: ServerCaseRow | null = serverRow.get({ id: caseId }) ?? null
      const all = localEvents.all({ caseId })
      const events = all.filter((row) => visibleTo(row, viewerId))
      const othersWaiting: OthersWaiting[] = []
      for (const row of all) {
        if (visibleTo(row, viewerId) || (row.state !== 'pending' && row.state !== 'conflict'))
          continue
        const author = othersWaiting.find((o) => o.userId === row.actor_id)
        if (author) author.changes++
        else othersWaiting.push({ userId: row.actor_id, name: row.actor_name, changes: 1 })
      }
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
            orderId: deliveryOrder.get({ id: state.deliveryId })?.order_id ?? '',
          }
        }
      }
      return { state, server, events, othersWaiting }
    },
  }
}
