import { sql, type Kysely } from 'kysely'

/**
 * Canned notes say who they are written for (issue 21): the team's internal notes, or replies for
 * the customer. The notes seeded before this greet the customer by name ("Hello {customerName}"):
 * those are replies; the rest stay internal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE canned_notes ADD COLUMN audience TEXT NOT NULL DEFAULT 'internal'
      CHECK (audience IN ('internal', 'customer'))`.execute(db)
  await sql`
    UPDATE canned_notes SET audience = 'customer'
    WHERE body LIKE 'Hello {customerName}%'`.execute(db)
}
