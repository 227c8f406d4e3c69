import { sql, type Kysely } from 'kysely'

/**
 * The delivery service a cache is filled from: its normalised base URL and, where the service
 * states it (`service` in /v1/health), its id, name and scope. One row at most. A cache made
 * before this table holds data of whichever service it was last synced from, which nothing
 * recorded: it gets the service it is next opened with (cache-identity/choose-cache.ts).
 * Erasing the local data empties it with the rest: an empty cache belongs to no service yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cache_owner (
      only INTEGER PRIMARY KEY CHECK (only = 1),
      base_url TEXT NOT NULL,
      service_id TEXT,
      service_name TEXT,
      service_scope TEXT,
      bound_at TEXT NOT NULL
    )`.execute(db)
}
