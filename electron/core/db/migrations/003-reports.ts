import { sql, type Kysely } from 'kysely'

/** Supervisor reports: the record of every export (who, when, what, how many rows). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE export_log (
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
    )`.execute(db)
  // Reports read cases in the order they were opened, and pick a period by it.
  await sql`CREATE INDEX cases_opened_at ON cases (opened_at)`.execute(db)
}
