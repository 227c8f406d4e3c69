import { sql, type Kysely } from 'kysely'

/**
 * Counts the status bar shows every two seconds (deliveries and photos kept, deliveries whose
 * photos are withheld). Counting a million rows takes the better part of a second on the thread
 * that answers the UI. The photo count is kept by triggers (photos change state one at a time);
 * the delivery counts by the delivery store (deliveries/store-deliveries.ts), since triggers on
 * the deliveries table made storing a delivery more than twice as slow.
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
    `stored_photos_counted_in AFTER INSERT ON delivery_photos WHEN NEW.state = 'stored'
     BEGIN INSERT INTO row_counts (name, n) VALUES ('stored_photos', 1)
       ON CONFLICT (name) DO UPDATE SET n = n + 1; END`,
    `stored_photos_counted_out AFTER DELETE ON delivery_photos WHEN OLD.state = 'stored'
     BEGIN INSERT INTO row_counts (name, n) VALUES ('stored_photos', -1)
       ON CONFLICT (name) DO UPDATE SET n = n - 1; END`,
    `stored_photos_counted_change AFTER UPDATE OF state ON delivery_photos
     WHEN (OLD.state = 'stored') != (NEW.state = 'stored')
     BEGIN INSERT INTO row_counts (name, n) VALUES ('stored_photos', iif(NEW.state = 'stored', 1, -1))
       ON CONFLICT (name) DO UPDATE SET n = n + excluded.n; END`,
  ]
  // Upserts: erasing the local data empties row_counts with every other table.
  for (const trigger of triggers) await sql.raw(`CREATE TRIGGER ${trigger}`).execute(db)
}
