import { sql, type Kysely } from 'kysely'

/**
 * The agent's desk: location facts on deliveries, this console's case events (the outbox),
 * evidence snapshots, the photo-view audit, canned notes and the names of users we know.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Stored at sync time so that "delivered away from the address" is searchable and reportable.
  await sql`ALTER TABLE deliveries ADD COLUMN away_m REAL`.execute(db)
  await sql`ALTER TABLE deliveries ADD COLUMN drop_distance_m REAL`.execute(db)
  await sql`CREATE INDEX deliveries_away ON deliveries (away_m) WHERE away_m IS NOT NULL`.execute(
    db,
  )
  await sql`ALTER TABLE delivery_photos ADD COLUMN distance_m REAL`.execute(db)

  // Every case change made here, as the contract's CaseEvent. Pending rows are the outbox:
  // written in the same transaction as the change, sent in seq order per case, kept after.
  await sql`
    CREATE TABLE case_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      case_id TEXT NOT NULL,
      type TEXT NOT NULL,
      body_json TEXT NOT NULL,
      -- The server version the agent saw; with chained = 1, the version our previous event on
      -- this case produces (it had not been sent yet when this one was made).
      base_version INTEGER,
      chained INTEGER NOT NULL DEFAULT 0,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'conflict', 'failed', 'discarded')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      sent_at TEXT,
      produced_version INTEGER,
      conflict_json TEXT
    )`.execute(db)
  await sql`CREATE INDEX case_events_case ON case_events (case_id, seq)`.execute(db)
  await sql`CREATE INDEX case_events_state ON case_events (state)`.execute(db)

  await sql`
    CREATE TABLE case_snapshots (
      case_id TEXT PRIMARY KEY,
      taken_at TEXT NOT NULL,
      evidence_json TEXT NOT NULL
    )`.execute(db)

  await sql`
    CREATE TABLE photo_views (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      photo_id TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      case_id TEXT,
      user_id TEXT NOT NULL,
      viewed_at TEXT NOT NULL,
      sent_at TEXT
    )`.execute(db)
  await sql`CREATE INDEX photo_views_unsent ON photo_views (seq) WHERE sent_at IS NULL`.execute(db)

  await sql`
    CREATE TABLE canned_notes (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    )`.execute(db)

  await sql`
    CREATE TABLE known_users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL
    )`.execute(db)

  // The newest version of each record the service deleted: an older copy re-sent later (after
  // a service restart) must not bring it back. A newer version does, and clears the entry.
  await sql`
    CREATE TABLE tombstones (
      stream TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (stream, id)
    ) WITHOUT ROWID`.execute(db)

  await sql`CREATE INDEX cases_assignee ON cases (assignee_id, status)`.execute(db)
  await sql`CREATE INDEX deliveries_driver ON deliveries (driver_id)`.execute(db)
  await sql`CREATE INDEX deliveries_address ON deliveries (postal_code, address_line1)`.execute(db)
}
