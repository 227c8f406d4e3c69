// Writes cases as the service sends them (the server's state of record) into the cache.
// Prepared statements on the raw connection: this runs inside the sync's page transactions.
import type BetterSqlite3 from 'better-sqlite3'
import type { CaseItem, CaseRecord } from '../contract/schemas.ts'
import { createTombstones } from '../db/tombstones.ts'

export interface CaseStoreOutcome {
  stored: number
  stale: number
  deleted: number
}

export type CaseStore = ReturnType<typeof createCaseStore>

export function createCaseStore(sqlite: BetterSqlite3.Database) {
  const selectVersion = sqlite.prepare<[string], { version: number }>(
    'SELECT version FROM cases WHERE id = ?',
  )
  const upsert = sqlite.prepare(`
    INSERT INTO cases (id, version, updated_at, delivery_id, order_id, status, reason, opened_at,
      opened_by, assignee_id, resolution_json, notes_json, seen_generation)
    VALUES (@id, @version, @updated_at, @delivery_id, @order_id, @status, @reason, @opened_at,
      @opened_by, @assignee_id, @resolution_json, @notes_json, @seen_generation)
    ON CONFLICT (id) DO UPDATE SET
      version = excluded.version, updated_at = excluded.updated_at,
      delivery_id = excluded.delivery_id, order_id = excluded.order_id, status = excluded.status,
      reason = excluded.reason, opened_at = excluded.opened_at, opened_by = excluded.opened_by,
      assignee_id = excluded.assignee_id, resolution_json = excluded.resolution_json,
      notes_json = excluded.notes_json,
      seen_generation = coalesce(excluded.seen_generation, cases.seen_generation)`)
  const markSeen = sqlite.prepare('UPDATE cases SET seen_generation = ? WHERE id = ?')
  const tombstones = createTombstones(sqlite, 'cases')
  const remove = sqlite.prepare('DELETE FROM cases WHERE id = ?')
  const sweep = sqlite.prepare('DELETE FROM cases WHERE seen_generation IS NOT ?')

  function writeOne(item: CaseItem, generation: number | null, outcome: CaseStoreOutcome) {
    const current = selectVersion.get(item.id)
    const buried = tombstones.versionOf(item.id)
    if (
      (current && current.version >= item.version) ||
      (buried !== undefined && buried >= item.version)
    ) {
      if (generation !== null && item.deleted !== true) markSeen.run(generation, item.id)
      outcome.stale++
      return
    }
    if (item.deleted === true) {
      tombstones.bury(item.id, item.version)
      if (current) {
        remove.run(item.id)
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
      return { stored: 0, stale: 0, deleted: sweep.run(generation).changes }
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
  }
}
