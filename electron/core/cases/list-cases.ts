import type BetterSqlite3 from 'better-sqlite3'
import type { CaseRecord } from '../contract/schemas.ts'
import { casesOfDeliveryNewestFirst } from './case-tables.ts'

export interface CaseSummary {
  id: string
  version: number
  status: CaseRecord['status']
  reason: CaseRecord['reason']
  openedAt: string
  openedBy: string
  assigneeId: string | null
  resolution: CaseRecord['resolution'] | null
  notes: CaseRecord['notes']
  /** The help-desk ticket's number; null when none. */
  ticket: string | null
}

/** The cases on a delivery, newest first, as the service last sent them. */
export function listCasesOfDelivery(
  sqlite: BetterSqlite3.Database,
  deliveryId: string,
): CaseSummary[] {
  return casesOfDeliveryNewestFirst
    .on(sqlite)
    .all({ deliveryId })
    .map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status as CaseSummary['status'],
      reason: r.reason as CaseSummary['reason'],
      openedAt: r.opened_at,
      openedBy: r.opened_by,
      assigneeId: r.assignee_id,
      resolution: r.resolution_json
        ? (JSON.parse(r.resolution_json) as CaseSummary['resolution'])
        : null,
      notes: JSON.parse(r.notes_json) as CaseSummary['notes'],
      ticket: r.ticket,
    }))
}
