import { sql, type Kysely } from 'kysely'

/**
 * Drops three indexes on deliveries that nothing reads any more: repeat claims count a delivery's
 * customer, address and driver in one pass over the recent cases (cases/case-views.ts) rather
 * than looking the deliveries up by each. Every index is one more B-tree each stored delivery
 * lands in at a random place; without these three, a first sync stores about a sixth more
 * deliveries a second (100,000 deliveries, measured on a 2-core machine), and a million
 * deliveries take some 90 MB less disk.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS deliveries_customer_id`.execute(db)
  await sql`DROP INDEX IF EXISTS deliveries_driver`.execute(db)
  await sql`DROP INDEX IF EXISTS deliveries_address`.execute(db)
}
