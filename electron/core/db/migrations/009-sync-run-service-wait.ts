import { sql, type Kysely } from 'kysely'

/**
 * What the delivery service asked of a sync run: to send nothing until an instant, and which
 * request got that answer (JSON, see api/service-wait-schemas.ts). The sync report shows it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_runs ADD COLUMN service_wait_json TEXT`.execute(db)
}
