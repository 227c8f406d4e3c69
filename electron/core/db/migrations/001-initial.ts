import { sql, type Kysely } from 'kysely'

/** The first schema: deliveries, photos, search index, cases, sync state. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE deliveries (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      order_id TEXT NOT NULL,
      tracking_number TEXT NOT NULL,
      status TEXT NOT NULL,
      delivered_at TEXT,
      customer_id TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      customer_email TEXT,
      customer_phone TEXT,
      address_line1 TEXT NOT NULL,
      address_line2 TEXT,
      city TEXT NOT NULL,
      region TEXT,
      postal_code TEXT NOT NULL,
      country TEXT NOT NULL,
      address_lat REAL,
      address_lng REAL,
      drop_spot TEXT NOT NULL,
      drop_note TEXT,
      drop_lat REAL,
      drop_lng REAL,
      drop_accuracy_m REAL,
      driver_id TEXT NOT NULL,
      driver_name TEXT NOT NULL,
      photo_withheld TEXT,
      items_json TEXT NOT NULL,
      -- Set during a full resync to the resync's number for every id the service still sends;
      -- rows left with an older number are gone upstream and are swept at its end.
      seen_generation INTEGER
    )`.execute(db)
  // Search by id prefix uses these (range scans, see search/search-deliveries.ts); the result
  // list is ordered newest first.
  await sql`CREATE INDEX deliveries_order_id ON deliveries (order_id)`.execute(db)
  await sql`CREATE INDEX deliveries_tracking_number ON deliveries (tracking_number)`.execute(db)
  await sql`CREATE INDEX deliveries_delivered_at ON deliveries (delivered_at)`.execute(db)
  await sql`CREATE INDEX deliveries_customer_id ON deliveries (customer_id)`.execute(db)

  await sql`
    CREATE TABLE delivery_photos (
      id TEXT PRIMARY KEY,
      delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      content_type TEXT NOT NULL,
      width INTEGER,
      height INTEGER,
      taken_at TEXT NOT NULL,
      lat REAL,
      lng REAL,
      accuracy_m REAL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'stored', 'failed')),
      failure_reason TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      -- Stored and verified, but the bytes are not an image we can show (undecodable, too many
      -- pixels): why, in words. Such a photo never gets a thumbnail and is never served.
      display_error TEXT,
      has_thumbnail INTEGER NOT NULL DEFAULT 0
    )`.execute(db)
  await sql`CREATE INDEX delivery_photos_delivery ON delivery_photos (delivery_id)`.execute(db)
  await sql`CREATE INDEX delivery_photos_state ON delivery_photos (state)`.execute(db)
  await sql`CREATE INDEX delivery_photos_sha256 ON delivery_photos (sha256)`.execute(db)

  // Contentless full-text index keyed by the deliveries rowid: the text lives in `deliveries`
  // already, so the index stores only tokens. contentless_delete lets a tombstone remove its row.
  await sql`
    CREATE VIRTUAL TABLE deliveries_fts USING fts5 (
      order_id, tracking_number, customer_name, customer_email, phone_digits, street, city,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )`.execute(db)

  await sql`
    CREATE TABLE sync_cursors (
      stream TEXT PRIMARY KEY,
      cursor TEXT,
      updated_at TEXT NOT NULL,
      -- Non-null while a full resync (after a 410 on the cursor) is under way.
      resync_generation INTEGER
    )`.execute(db)

  await sql`
    CREATE TABLE sync_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT CHECK (outcome IN ('complete', 'failed', 'stopped')),
      error TEXT,
      summary_json TEXT
    )`.execute(db)

  await sql`
    CREATE TABLE sync_rejections (
      id INTEGER PRIMARY KEY,
      run_id INTEGER REFERENCES sync_runs (id) ON DELETE CASCADE,
      stream TEXT NOT NULL,
      item_id TEXT,
      reason TEXT NOT NULL,
      received_at TEXT NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX sync_rejections_run ON sync_rejections (run_id)`.execute(db)

  // Cases as the service last sent them (the server's state of record).
  await sql`
    CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      status TEXT NOT NULL,
      reason TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      assignee_id TEXT,
      resolution_json TEXT,
      notes_json TEXT NOT NULL,
      seen_generation INTEGER
    )`.execute(db)
  await sql`CREATE INDEX cases_delivery ON cases (delivery_id)`.execute(db)
  await sql`CREATE INDEX cases_status ON cases (status, opened_at)`.execute(db)

  // Small facts that must survive a restart and are not secrets (the token is not here).
  await sql`
    CREATE TABLE app_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    )`.execute(db)
}
