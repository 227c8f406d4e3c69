// Writes cases as the service sends them (the server's state of record) into the cache.
// It runs inside the sync's page transactions; its statements are in case-tables.ts.
import type BetterSqlite3 from 'better-sqlite3'
import type { CaseItem, CaseRecord } from '../contract/schemas.ts'
import { createTombstones } from '../db/tombstones.ts'
import {
  caseVersion,
  deleteCase,
  markCaseSeen,
  sweepUnseenCases,
  upsertCase,
} from './case-tables.ts'

export interface CaseStoreOutcome {
  stored: number
  stale: number
  deleted: number
}

export type CaseStore = ReturnType<typeof createCaseStore>

export function createCaseStore(sqlite: BetterSqlite3.Database) {
  const selectVersion = caseVersion.on(sqlite)
  const upsert = upsertCase.on(sqlite)
  const markSeen = markCaseSeen.on(sqlite)
  const tombstones = createTombstones(sqlite, 'cases')
  const remove = deleteCase.on(sqlite)
  const sweep = sweepUnseenCases.on(sqlite)

  function writeOne(item: CaseItem, generation: number | null, outcome: CaseStoreOutcome) {
    const current = selectVersion.get({ id: item.id })
    const buried = tombstones.versionOf(item.id)
    if (
      (current && current.version >= item.version) ||
      (buried !== undefined && buried >= item.version)
    ) {
      if (generation !== null && item.deleted !== true) markSeen.run({ id: item.id, generation })
      outcome.stale++
      return
    }
    if (item.deleted === true) {
      tombstones.bury(item.id, item.version)
      if (current) {
        remove.run({ id: item.id })
        outcome.deleted++
      }
      return
    }
    if (buried !== undefined) tombstones.unbury(item.id)
    upsert.run({ ...toRow(item), seen_generation: generation })
    outcome.stored++
  }

  return {
    applyItems(items: readonly CaseItem[], generation: number | null = null): CaseStoreOutcome {
      const outcome: CaseStoreOutcome = { stored: 0, stale: 0, deleted: 0 }
      for (const item of items) writeOne(item, generation, outcome)
      return outcome
    },
    sweepUnseen(generation: number): CaseStoreOutcome {
      return { stored: 0, stale: 0, deleted: sweep.run({ generation }).changes }
    },
  }
}

function toRow(c: CaseRecord) {
  return {
    id: c.id,
    version: c.version,
    updated_at: c.updatedAt,
    delivery_id: c.deliveryId,
    order_id: c.orderId,
    status: c.status,
    reason: c.reason,
    opened_at: c.openedAt,
    opened_by: c.openedBy,
    assignee_id: c.assigneeId ?? null,
    resolution_json: c.resolution ? JSON.stringify(c.resolution) : null,
    notes_json: JSON.stringify(c.notes),
    ticket: c.ticket ?? null,
  }
}
