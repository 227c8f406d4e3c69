import { sql, type Kysely } from 'kysely'

/**
 * People by name (issue 18): the delivery service's directory (GET /v1/people), kept for offline
 * use. A person stays once met: old cases still name colleagues who have left the directory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- agent, supervisor or driver
      kind TEXT NOT NULL,
      -- When the directory last listed this person.
      listed_at TEXT NOT NULL
    ) WITHOUT ROWID`.execute(db)
}
