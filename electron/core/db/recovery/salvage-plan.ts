// What is worth saving from a damaged cache, most precious first. Only what this computer alone
// holds: the case changes made here (the outbox: those not yet sent exist nowhere else), the
// audit of who saw and exported what, evidence frozen when a case was opened, and the person's
// settings and sign-in, and which delivery service all of it belongs to. Deliveries, photos, cases and the sync's position come from the service
// again (a full resync: the old cursor is not trusted).

export interface SalvageTable {
  table: string
  /** Rows of this table that must not be carried into the new cache. */
  skip?: (row: Record<string, unknown>) => boolean
}

/** app_state keys about the old cache's sync and upkeep: the new cache starts them afresh. */
const NOT_CARRIED_STATE = /^(sync|retention)\./

export const SALVAGE_PLAN: readonly SalvageTable[] = [
  { table: 'case_events' },
  // Whose the unsent changes are: a recovered cache is never taken for another service's.
  { table: 'cache_owner' },
  { table: 'audit_log' },
  { table: 'photo_views' },
  { table: 'export_log' },
  { table: 'case_snapshots' },
  {
    table: 'app_state',
    skip: (row) => typeof row.key === 'string' && NOT_CARRIED_STATE.test(row.key),
  },
  { table: 'known_users' },
  { table: 'canned_notes' },
]

/** The tables checked at every start whatever the cache's size (check-cache-file.ts). */
export const PRECIOUS_TABLES: readonly string[] = SALVAGE_PLAN.map((t) => t.table)
