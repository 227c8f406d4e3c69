import { sql, type Kysely } from 'kysely'

/**
 * Counts the status bar shows every two seconds (deliveries and photos kept, deliveries whose
 * photos are withheld), kept by triggers. Counting a million rows takes the better part of a
 * second on the thread that answers the UI; a trigger costs each write one small update.
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
      ('withheld_deliveries', (SELECT count(*) FROM deliveries WHERE photo_withheld IS NOT NULL)),
      ('stored_photos', (SELECT count(*) FROM delivery_photos WHERE state = 'stored'))`.execute(db)

  const triggers = [
    `deliveries_counted_in AFTER INSERT ON deliveries
     BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'deliveries'; END`,
    `deliveries_counted_out AFTER DELETE ON deliveries
     BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'deliveries'; END`,
    `withheld_counted_in AFTER INSERT ON deliveries WHEN NEW.photo_withheld IS NOT NULL
     BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'withheld_deliveries'; END`,
    `withheld_counted_out AFTER DELETE ON deliveries WHEN OLD.photo_withheld IS NOT NULL
     BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'withheld_deliveries'; END`,
    `withheld_counted_change AFTER UPDATE OF photo_withheld ON deliveries
     WHEN (OLD.photo_withheld IS NULL) != (NEW.photo_withheld IS NULL)
     BEGIN UPDATE row_counts SET n = n + iif(NEW.photo_withheld IS NULL, -1, 1)
       WHERE name = 'withheld_deliveries'; END`,
    `stored_photos_counted_in AFTER INSERT ON delivery_photos WHEN NEW.state = 'stored'
     BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'stored_photos'; END`,
    `stored_photos_counted_out AFTER DELETE ON delivery_photos WHEN OLD.state = 'stored'
     BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'stored_photos'; END`,
    `stored_photos_counted_change AFTER UPDATE OF state ON delivery_photos
     WHEN (OLD.state = 'stored') != (NEW.state = 'stored')
     BEGIN UPDATE row_counts SET n = n + iif(NEW.state = 'stored', 1, -1)
       WHERE name = 'stored_photos'; END`,
  ]
  for (const trigger of triggers) await sql.raw(`CREATE TRIGGER ${trigger}`).execute(db)
}
