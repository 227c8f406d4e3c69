// The schema the migrations make, applied in order to an empty file: written by
// tests/core/db/schema.test.ts, never by hand. After adding a migration, write it again with
//   npx vitest run --config tests/vitest.config.ts tests/core/db/schema.test.ts -u
// and `npm run typecheck` then lists what db/schema.ts's Database interface must change
// (schema-matches-database.ts).
export const expectedSchema = {
  tables: {
    app_state: {
      kind: 'table',
      columns: {
        key: { type: 'TEXT', nullable: false, primaryKey: true },
        value: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE app_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    )`,
    },
    audit_log: {
      kind: 'table',
      columns: {
        seq: { type: 'INTEGER', nullable: false, primaryKey: true },
        kind: { type: 'TEXT', nullable: false },
        at: { type: 'TEXT', nullable: false },
        actor_id: { type: 'TEXT', nullable: true },
        payload_json: { type: 'TEXT', nullable: false },
        prev_hash: { type: 'TEXT', nullable: false },
        hash: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT,
      payload_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL UNIQUE,
      hash TEXT NOT NULL UNIQUE
    )`,
    },
    cache_owner: {
      kind: 'table',
      columns: {
        only: { type: 'INTEGER', nullable: false, primaryKey: true },
        base_url: { type: 'TEXT', nullable: false },
        service_id: { type: 'TEXT', nullable: true },
        service_name: { type: 'TEXT', nullable: true },
        service_scope: { type: 'TEXT', nullable: true },
        bound_at: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE cache_owner (
      only INTEGER PRIMARY KEY CHECK (only = 1),
      base_url TEXT NOT NULL,
      service_id TEXT,
      service_name TEXT,
      service_scope TEXT,
      bound_at TEXT NOT NULL
    )`,
    },
    canned_notes: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        title: { type: 'TEXT', nullable: false },
        body: { type: 'TEXT', nullable: false },
        updated_at: { type: 'TEXT', nullable: false },
        updated_by: { type: 'TEXT', nullable: true },
        audience: {
          type: 'TEXT',
          nullable: false,
          default: "'internal'",
          values: ['internal', 'customer'],
        },
      },
      sql: `CREATE TABLE canned_notes (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    , audience TEXT NOT NULL DEFAULT 'internal'
      CHECK (audience IN ('internal', 'customer')))`,
    },
    case_events: {
      kind: 'table',
      columns: {
        seq: { type: 'INTEGER', nullable: false, primaryKey: true },
        id: { type: 'TEXT', nullable: false },
        case_id: { type: 'TEXT', nullable: false },
        type: { type: 'TEXT', nullable: false },
        body_json: { type: 'TEXT', nullable: false },
        base_version: { type: 'INTEGER', nullable: true },
        chained: { type: 'INTEGER', nullable: false, default: '0' },
        actor_id: { type: 'TEXT', nullable: false },
        actor_name: { type: 'TEXT', nullable: false },
        created_at: { type: 'TEXT', nullable: false },
        state: {
          type: 'TEXT',
          nullable: false,
          values: ['pending', 'sent', 'conflict', 'failed', 'discarded'],
        },
        attempts: { type: 'INTEGER', nullable: false, default: '0' },
        last_error: { type: 'TEXT', nullable: true },
        sent_at: { type: 'TEXT', nullable: true },
        produced_version: { type: 'INTEGER', nullable: true },
        conflict_json: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE case_events (
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
    )`,
    },
    case_snapshots: {
      kind: 'table',
      columns: {
        case_id: { type: 'TEXT', nullable: false, primaryKey: true },
        taken_at: { type: 'TEXT', nullable: false },
        evidence_json: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE case_snapshots (
      case_id TEXT PRIMARY KEY,
      taken_at TEXT NOT NULL,
      evidence_json TEXT NOT NULL
    )`,
    },
    cases: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        version: { type: 'INTEGER', nullable: false },
        updated_at: { type: 'TEXT', nullable: false },
        delivery_id: { type: 'TEXT', nullable: false },
        order_id: { type: 'TEXT', nullable: false },
        status: { type: 'TEXT', nullable: false },
        reason: { type: 'TEXT', nullable: false },
        opened_at: { type: 'TEXT', nullable: false },
        opened_by: { type: 'TEXT', nullable: false },
        assignee_id: { type: 'TEXT', nullable: true },
        resolution_json: { type: 'TEXT', nullable: true },
        notes_json: { type: 'TEXT', nullable: false },
        seen_generation: { type: 'INTEGER', nullable: true },
        ticket: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE cases (
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
    , ticket TEXT COLLATE NOCASE)`,
    },
    deliveries: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        version: { type: 'INTEGER', nullable: false },
        updated_at: { type: 'TEXT', nullable: false },
        order_id: { type: 'TEXT', nullable: false },
        tracking_number: { type: 'TEXT', nullable: false },
        status: { type: 'TEXT', nullable: false },
        delivered_at: { type: 'TEXT', nullable: true },
        customer_id: { type: 'TEXT', nullable: false },
        customer_name: { type: 'TEXT', nullable: false },
        customer_email: { type: 'TEXT', nullable: true },
        customer_phone: { type: 'TEXT', nullable: true },
        address_line1: { type: 'TEXT', nullable: false },
        address_line2: { type: 'TEXT', nullable: true },
        city: { type: 'TEXT', nullable: false },
        region: { type: 'TEXT', nullable: true },
        postal_code: { type: 'TEXT', nullable: false },
        country: { type: 'TEXT', nullable: false },
        address_lat: { type: 'REAL', nullable: true },
        address_lng: { type: 'REAL', nullable: true },
        drop_spot: { type: 'TEXT', nullable: false },
        drop_note: { type: 'TEXT', nullable: true },
        drop_lat: { type: 'REAL', nullable: true },
        drop_lng: { type: 'REAL', nullable: true },
        drop_accuracy_m: { type: 'REAL', nullable: true },
        driver_id: { type: 'TEXT', nullable: false },
        driver_name: { type: 'TEXT', nullable: false },
        photo_withheld: { type: 'TEXT', nullable: true },
        items_json: { type: 'TEXT', nullable: false },
        seen_generation: { type: 'INTEGER', nullable: true },
        away_m: { type: 'REAL', nullable: true },
        drop_distance_m: { type: 'REAL', nullable: true },
        phone_digits: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE deliveries (
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
    , away_m REAL, drop_distance_m REAL, phone_digits TEXT)`,
    },
    deliveries_fts: {
      kind: 'virtual',
      columns: {
        customer_name: { type: 'TEXT', nullable: true },
        email_handle: { type: 'TEXT', nullable: true },
        street: { type: 'TEXT', nullable: true },
        city: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE VIRTUAL TABLE deliveries_fts USING fts5 (
      customer_name, email_handle, street, city,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    )`,
    },
    delivery_photos: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        delivery_id: { type: 'TEXT', nullable: false },
        position: { type: 'INTEGER', nullable: false },
        sha256: { type: 'TEXT', nullable: false },
        bytes: { type: 'INTEGER', nullable: false },
        content_type: { type: 'TEXT', nullable: false },
        width: { type: 'INTEGER', nullable: true },
        height: { type: 'INTEGER', nullable: true },
        taken_at: { type: 'TEXT', nullable: false },
        lat: { type: 'REAL', nullable: true },
        lng: { type: 'REAL', nullable: true },
        accuracy_m: { type: 'REAL', nullable: true },
        state: { type: 'TEXT', nullable: false, values: ['pending', 'stored', 'failed'] },
        failure_reason: { type: 'TEXT', nullable: true },
        attempts: { type: 'INTEGER', nullable: false, default: '0' },
        display_error: { type: 'TEXT', nullable: true },
        has_thumbnail: { type: 'INTEGER', nullable: false, default: '0' },
        distance_m: { type: 'REAL', nullable: true },
        purged_at: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE delivery_photos (
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
    , distance_m REAL, purged_at TEXT)`,
    },
    export_log: {
      kind: 'table',
      columns: {
        seq: { type: 'INTEGER', nullable: false, primaryKey: true },
        id: { type: 'TEXT', nullable: false },
        at: { type: 'TEXT', nullable: false },
        user_id: { type: 'TEXT', nullable: false },
        user_name: { type: 'TEXT', nullable: false },
        format: { type: 'TEXT', nullable: false, values: ['csv', 'xlsx', 'pdf'] },
        filters_json: { type: 'TEXT', nullable: false },
        row_count: { type: 'INTEGER', nullable: false },
        outcome: { type: 'TEXT', nullable: false, values: ['done', 'failed', 'cancelled'] },
        file_name: { type: 'TEXT', nullable: true },
        via: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE export_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
      -- The period and filters exactly as the export was asked for (JSON).
      filters_json TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('done', 'failed', 'cancelled')),
      -- The file's name only, never its folder.
      file_name TEXT,
      -- 'app' or 'command line'.
      via TEXT NOT NULL
    )`,
    },
    known_users: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        name: { type: 'TEXT', nullable: false },
        role: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE known_users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL
    )`,
    },
    people: {
      kind: 'table',
      columns: {
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        name: { type: 'TEXT', nullable: false },
        kind: { type: 'TEXT', nullable: false },
        listed_at: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- agent, supervisor or driver
      kind TEXT NOT NULL,
      -- When the directory last listed this person.
      listed_at TEXT NOT NULL
    ) WITHOUT ROWID`,
    },
    photo_fingerprints: {
      kind: 'table',
      columns: {
        id: { type: 'INTEGER', nullable: false, primaryKey: true },
        sha256: { type: 'TEXT', nullable: false },
        hash_hi: { type: 'INTEGER', nullable: false },
        hash_lo: { type: 'INTEGER', nullable: false },
        detail: { type: 'BLOB', nullable: false },
        compared: { type: 'INTEGER', nullable: false, default: '0' },
      },
      sql: `CREATE TABLE photo_fingerprints (
      -- Never reused, so the in-memory index (photo-match/hash-index.ts) never mistakes one
      -- file's hash for another's.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sha256 TEXT NOT NULL UNIQUE,
      -- The 64-bit DCT hash as two unsigned 32-bit halves.
      hash_hi INTEGER NOT NULL,
      hash_lo INTEGER NOT NULL,
      -- The 256-bit detail hash that confirms a match (photos/perceptual-hash.ts).
      detail BLOB NOT NULL CHECK (length(detail) = 32),
      -- 0 until the deliveries it may match have been flagged (photo-match/match-photos.ts).
      compared INTEGER NOT NULL DEFAULT 0
    )`,
    },
    photo_reuse: {
      kind: 'table',
      columns: {
        delivery_id: { type: 'TEXT', nullable: false, primaryKey: true },
        other_address: { type: 'INTEGER', nullable: false },
        earlier: { type: 'INTEGER', nullable: false },
      },
      sql: `CREATE TABLE photo_reuse (
      delivery_id TEXT PRIMARY KEY,
      -- A photo of it looks the same as one on a delivery to another address.
      other_address INTEGER NOT NULL,
      -- A photo of it looks the same as one on an earlier delivery.
      earlier INTEGER NOT NULL
    ) WITHOUT ROWID`,
    },
    photo_views: {
      kind: 'table',
      columns: {
        seq: { type: 'INTEGER', nullable: false, primaryKey: true },
        id: { type: 'TEXT', nullable: false },
        photo_id: { type: 'TEXT', nullable: false },
        delivery_id: { type: 'TEXT', nullable: false },
        case_id: { type: 'TEXT', nullable: true },
        user_id: { type: 'TEXT', nullable: false },
        viewed_at: { type: 'TEXT', nullable: false },
        sent_at: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE photo_views (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      photo_id TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      case_id TEXT,
      user_id TEXT NOT NULL,
      viewed_at TEXT NOT NULL,
      sent_at TEXT
    )`,
    },
    row_counts: {
      kind: 'table',
      columns: {
        name: { type: 'TEXT', nullable: false, primaryKey: true },
        n: { type: 'INTEGER', nullable: false },
      },
      sql: `CREATE TABLE row_counts (
      name TEXT PRIMARY KEY,
      n INTEGER NOT NULL
    ) WITHOUT ROWID`,
    },
    sync_cursors: {
      kind: 'table',
      columns: {
        stream: { type: 'TEXT', nullable: false, primaryKey: true },
        cursor: { type: 'TEXT', nullable: true },
        updated_at: { type: 'TEXT', nullable: false },
        resync_generation: { type: 'INTEGER', nullable: true },
      },
      sql: `CREATE TABLE sync_cursors (
      stream TEXT PRIMARY KEY,
      cursor TEXT,
      updated_at TEXT NOT NULL,
      -- Non-null while a full resync (after a 410 on the cursor) is under way.
      resync_generation INTEGER
    )`,
    },
    sync_rejections: {
      kind: 'table',
      columns: {
        id: { type: 'INTEGER', nullable: false, primaryKey: true },
        run_id: { type: 'INTEGER', nullable: true },
        stream: { type: 'TEXT', nullable: false },
        item_id: { type: 'TEXT', nullable: true },
        reason: { type: 'TEXT', nullable: false },
        received_at: { type: 'TEXT', nullable: false },
      },
      sql: `CREATE TABLE sync_rejections (
      id INTEGER PRIMARY KEY,
      run_id INTEGER REFERENCES sync_runs (id) ON DELETE CASCADE,
      stream TEXT NOT NULL,
      item_id TEXT,
      reason TEXT NOT NULL,
      received_at TEXT NOT NULL
    )`,
    },
    sync_runs: {
      kind: 'table',
      columns: {
        id: { type: 'INTEGER', nullable: false, primaryKey: true },
        started_at: { type: 'TEXT', nullable: false },
        finished_at: { type: 'TEXT', nullable: true },
        outcome: { type: 'TEXT', nullable: true, values: ['complete', 'failed', 'stopped'] },
        error: { type: 'TEXT', nullable: true },
        summary_json: { type: 'TEXT', nullable: true },
        service_wait_json: { type: 'TEXT', nullable: true },
      },
      sql: `CREATE TABLE sync_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT CHECK (outcome IN ('complete', 'failed', 'stopped')),
      error TEXT,
      summary_json TEXT
    , service_wait_json TEXT)`,
    },
    tombstones: {
      kind: 'table',
      columns: {
        stream: { type: 'TEXT', nullable: false, primaryKey: true },
        id: { type: 'TEXT', nullable: false, primaryKey: true },
        version: { type: 'INTEGER', nullable: false },
      },
      sql: `CREATE TABLE tombstones (
      stream TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (stream, id)
    ) WITHOUT ROWID`,
    },
  },
  indexes: {
    case_events_case: {
      table: 'case_events',
      sql: `CREATE INDEX case_events_case ON case_events (case_id, seq)`,
    },
    case_events_state: {
      table: 'case_events',
      sql: `CREATE INDEX case_events_state ON case_events (state)`,
    },
    cases_assignee: {
      table: 'cases',
      sql: `CREATE INDEX cases_assignee ON cases (assignee_id, status)`,
    },
    cases_delivery: { table: 'cases', sql: `CREATE INDEX cases_delivery ON cases (delivery_id)` },
    cases_opened_at: { table: 'cases', sql: `CREATE INDEX cases_opened_at ON cases (opened_at)` },
    cases_status: { table: 'cases', sql: `CREATE INDEX cases_status ON cases (status, opened_at)` },
    cases_ticket: {
      table: 'cases',
      sql: `CREATE INDEX cases_ticket ON cases (ticket) WHERE ticket IS NOT NULL`,
    },
    deliveries_email: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_email ON deliveries (lower(customer_email))`,
    },
    deliveries_long_phone: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_long_phone ON deliveries (phone_digits)
    WHERE length(phone_digits) > 10`,
    },
    deliveries_order_id: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_order_id ON deliveries (order_id)`,
    },
    deliveries_phone_digits: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_phone_digits ON deliveries (phone_digits)`,
    },
    deliveries_phone_from_2: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_phone_from_2 ON deliveries (substr(phone_digits, 2))`,
    },
    deliveries_phone_from_3: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_phone_from_3 ON deliveries (substr(phone_digits, 3))`,
    },
    deliveries_phone_from_4: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_phone_from_4 ON deliveries (substr(phone_digits, 4))`,
    },
    deliveries_tracking_number: {
      table: 'deliveries',
      sql: `CREATE INDEX deliveries_tracking_number ON deliveries (tracking_number)`,
    },
    delivery_photos_delivery: {
      table: 'delivery_photos',
      sql: `CREATE INDEX delivery_photos_delivery ON delivery_photos (delivery_id)`,
    },
    delivery_photos_sha256: {
      table: 'delivery_photos',
      sql: `CREATE INDEX delivery_photos_sha256 ON delivery_photos (sha256, taken_at)`,
    },
    delivery_photos_state: {
      table: 'delivery_photos',
      sql: `CREATE INDEX delivery_photos_state ON delivery_photos (state)`,
    },
    delivery_photos_taken_at: {
      table: 'delivery_photos',
      sql: `CREATE INDEX delivery_photos_taken_at ON delivery_photos (taken_at)`,
    },
    photo_fingerprints_uncompared: {
      table: 'photo_fingerprints',
      sql: `CREATE INDEX photo_fingerprints_uncompared ON photo_fingerprints (id) WHERE compared = 0`,
    },
    photo_views_unsent: {
      table: 'photo_views',
      sql: `CREATE INDEX photo_views_unsent ON photo_views (seq) WHERE sent_at IS NULL`,
    },
    sync_rejections_run: {
      table: 'sync_rejections',
      sql: `CREATE INDEX sync_rejections_run ON sync_rejections (run_id)`,
    },
  },
  triggers: {
    audit_log_no_delete: {
      table: 'audit_log',
      sql: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    },
    audit_log_no_update: {
      table: 'audit_log',
      sql: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    },
  },
} as const
