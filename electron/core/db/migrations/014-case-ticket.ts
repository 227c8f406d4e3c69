import { sql, type Kysely } from 'kysely'

/**
 * A case carries the number of the help-desk ticket it is worked from (issue 20), as the service
 * sends it. Compared without regard to case (`SF-12` and `sf-12` are one ticket), and found by it
 * from the search box: an index of the cases that have one (most have none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN ticket TEXT COLLATE NOCASE`.execute(db)
  await sql`CREATE INDEX cases_ticket ON cases (ticket) WHERE ticket IS NOT NULL`.execute(db)
}
