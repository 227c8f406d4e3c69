import { sql, type Kysely } from 'kysely'

/**
 * A photo file's rows in the order they were taken: the look-alike list reads a file's earliest
 * photos (photo-match/lookalikes.ts), and a file many deliveries share (a driver's reused photo,
 * a placeholder image) is then read a few rows at a time instead of whole for each of them. The
 * index on sha256 alone is replaced: every read by file uses this one as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX delivery_photos_sha256`.execute(db)
  await sql`CREATE INDEX delivery_photos_sha256 ON delivery_photos (sha256, taken_at)`.execute(db)
}
