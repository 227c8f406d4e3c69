// The tables of the cache, typed once: every row type derives from these (Selectable<...>), and
// Kysely checks every table and column name a query uses against them. They are checked against
// what the migrations make by the type checker (tests/core/db/schema-matches-database.ts): a
// column SQLite fills in (a DEFAULT, an INTEGER PRIMARY KEY) is Generated<>, one that may be
// NULL says so, a CHECK's values are the same union. See migrations/ for the DDL.
import type { Generated } from 'kysely'

export interface DeliveriesTable {
  id: string
  version: number
  updated_at: string
  order_id: string
  tracking_number: string
  status: string
  delivered_at: string | null
  customer_id: string
  customer_name: string
  customer_email: string | null
  customer_phone: string | null
  address_line1: string
  address_line2: string | null
  city: string
  region: string | null
  postal_code: string
  country: string
  address_lat: number | null
  address_lng: number | null
  drop_spot: string
  drop_note: string | null
  drop_lat: number | null
  drop_lng: number | null
  drop_accuracy_m: number | null
  driver_id: string
  driver_name: string
  photo_withheld: string | null
  items_json: string
  seen_generation: number | null
  away_m: number | null
  drop_distance_m: number | null
  /** The phone number's digits without a US country code (deliveries/search-columns.ts). */
  phone_digits: string | null
}

/**
 * A delivery's rowid: its place in "newest first" (deliveries/recency-key.ts). Not a declared
 * column, so `SELECT *` leaves it out; the delivery tables' module names it where it needs it.
 */
export interface DeliveryRowid {
  rowid: number
}

/**
 * The search box's word index (FTS5, contentless: it keeps only the words), keyed by the
 * deliveries' rowid. Its text is never read back: a contentless table returns NULL.
 */
export interface DeliveriesFtsTable {
  rowid: number
  customer_name: string | null
  email_handle: string | null
  street: string | null
  city: string | null
}

/** Counts the status bar reads, kept as rows are written (migration 006). */
export interface RowCountsTable {
  name: string
  n: number
}

export type PhotoState = 'pending' | 'stored' | 'failed'

export interface DeliveryPhotosTable {
  id: string
  delivery_id: string
  position: number
  sha256: string
  bytes: number
  content_type: string
  width: number | null
  height: number | null
  taken_at: string
  lat: number | null
  lng: number | null
  accuracy_m: number | null
  state: PhotoState
  failure_reason: string | null
  attempts: Generated<number>
  display_error: string | null
  has_thumbnail: Generated<number>
  distance_m: number | null
  /** When retention removed the photo's file from this computer (migration 004). */
  purged_at: string | null
}

export interface SyncCursorsTable {
  stream: string
  cursor: string | null
  updated_at: string
  resync_generation: number | null
}

export interface SyncRunsTable {
  id: Generated<number>
  started_at: string
  finished_at: string | null
  outcome: 'complete' | 'failed' | 'stopped' | null
  error: string | null
  summary_json: string | null
  /** What the service asked of the run (api/service-wait-schemas.ts RunServiceWait), or null. */
  service_wait_json: string | null
}

export interface SyncRejectionsTable {
  id: Generated<number>
  run_id: number | null
  stream: string
  item_id: string | null
  reason: string
  received_at: string
}

export interface CasesTable {
  id: string
  version: number
  updated_at: string
  delivery_id: string
  order_id: string
  status: string
  reason: string
  opened_at: string
  opened_by: string
  assignee_id: string | null
  resolution_json: string | null
  notes_json: string
  seen_generation: number | null
  /** The help-desk ticket's number (migration 014); compared without regard to case. */
  ticket: string | null
}

export type CaseEventState = 'pending' | 'sent' | 'conflict' | 'failed' | 'discarded'

export interface CaseEventsTable {
  seq: Generated<number>
  id: string
  case_id: string
  type: string
  body_json: string
  base_version: number | null
  chained: Generated<number>
  actor_id: string
  actor_name: string
  created_at: string
  state: CaseEventState
  attempts: Generated<number>
  last_error: string | null
  sent_at: string | null
  produced_version: number | null
  conflict_json: string | null
}

export interface CaseSnapshotsTable {
  case_id: string
  taken_at: string
  evidence_json: string
}

export interface PhotoViewsTable {
  seq: Generated<number>
  id: string
  photo_id: string
  delivery_id: string
  case_id: string | null
  user_id: string
  viewed_at: string
  sent_at: string | null
}

export interface CannedNotesTable {
  id: string
  title: string
  body: string
  /** Who it is written for: the team, or the customer (a reply). */
  audience: Generated<'internal' | 'customer'>
  updated_at: string
  updated_by: string | null
}

export interface KnownUsersTable {
  id: string
  name: string
  role: string
}

export interface PeopleTable {
  id: string
  name: string
  kind: string
  listed_at: string
}

export interface TombstonesTable {
  stream: string
  id: string
  version: number
}

/** Append-only, hash-chained (see audit/audit-log.ts). */
export interface AuditLogTable {
  seq: Generated<number>
  kind: string
  at: string
  actor_id: string | null
  payload_json: string
  prev_hash: string
  hash: string
}

export interface CacheOwnerTable {
  /** Always 1: the table holds one row at most. */
  only: Generated<number>
  base_url: string
  service_id: string | null
  service_name: string | null
  service_scope: string | null
  bound_at: string
}

export interface AppStateTable {
  key: string
  value: string
}

export interface ExportLogTable {
  seq: Generated<number>
  id: string
  at: string
  user_id: string
  user_name: string
  format: 'csv' | 'xlsx' | 'pdf'
  filters_json: string
  row_count: number
  outcome: 'done' | 'failed' | 'cancelled'
  file_name: string | null
  via: string
}

/** A stored photo file's perceptual hash (migration 010, photo-match/fingerprints.ts). */
export interface PhotoFingerprintsTable {
  id: Generated<number>
  sha256: string
  hash_hi: number
  hash_lo: number
  /** 32 bytes: the 256-bit detail hash. */
  detail: Uint8Array
  compared: Generated<number>
}

/** A delivery whose photo also appears at another address or on an earlier delivery. */
export interface PhotoReuseTable {
  delivery_id: string
  other_address: number
  earlier: number
}

export interface Database {
  deliveries: DeliveriesTable
  deliveries_fts: DeliveriesFtsTable
  delivery_photos: DeliveryPhotosTable
  sync_cursors: SyncCursorsTable
  sync_runs: SyncRunsTable
  sync_rejections: SyncRejectionsTable
  cases: CasesTable
  case_events: CaseEventsTable
  case_snapshots: CaseSnapshotsTable
  photo_views: PhotoViewsTable
  canned_notes: CannedNotesTable
  known_users: KnownUsersTable
  people: PeopleTable
  tombstones: TombstonesTable
  app_state: AppStateTable
  cache_owner: CacheOwnerTable
  export_log: ExportLogTable
  audit_log: AuditLogTable
  row_counts: RowCountsTable
  photo_fingerprints: PhotoFingerprintsTable
  photo_reuse: PhotoReuseTable
}
