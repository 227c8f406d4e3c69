import { sql, type Kysely } from 'kysely'

/**
 * Counts the status bar shows every two seconds: deliveries kept, and those whose photos are
 * withheld. Counting a million rows takes the better part of a second on the thread that answers
 * the UI; the delivery store keeps these as it writes (deliveries/store-deliveries.ts). Not by
 * triggers: a trigger makes SQLite journal every statement that writes its table, which more
 * than doubled the cost of storing a delivery or a photo row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE row_counts (
      name TEXT PRIMARY KEY,
      n INTEGER NOT NULL
    ) WITHOUT ROWID`.execute(db)
  await sql`
    INSERT INTO row_counts (name, n) VALUES
      ('deliveries', (SELECT count(*) FROM deliveries)),
      ('withheld_deliveries', (SELECT count(*) FROM deliveries WHERE photo_withheld IS NOT NULL))`.execute(
    db,
  )
}
