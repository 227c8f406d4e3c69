import { sql, type Kysely } from 'kysely'

/**
 * Look-alikes are confirmed by a finer hash (issue 18): the 64-bit hash alone matched different
 * porches of the same broad shape. Each stored photo file now keeps 256 bits of detail beside its
 * 64-bit hash. The hashes are derived from the photo files, so the table is made again empty and
 * the flags they raised are dropped: the next syncs hash the stored photos again (the backfill,
 * photo-match/match-photos.ts) and raise the flags the finer hash confirms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE photo_fingerprints`.execute(db)
  await sql`
    CREATE TABLE photo_fingerprints (
      -- Never reused, so the in-memory index (photo-match/hash-index.ts) never mistakes one
      -- file's hash for another's.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sha256 TEXT NOT NULL UNIQUE,
      -- The 64-bit DCT hash as two unsigned 32-bit halves.
      hash_hi INTEGER NOT NULL,
      hash_lo INTEGER NOT NULL,
      -- The 256-bit detail hash that confirms a match (photos/perceptual-hash.ts).
      detail BLOB NOT NULL CHECK (length(detail) = 32),
      -- 0 until the deliveries it may match have been flagged (photo-match/match-photos.ts).
      compared INTEGER NOT NULL DEFAULT 0
    )`.execute(db)
  await sql`CREATE INDEX photo_fingerprints_uncompared ON photo_fingerprints (id) WHERE compared = 0`.execute(
    db,
  )
  await sql`DELETE FROM photo_reuse`.execute(db)
  await sql`DELETE FROM app_state WHERE key = 'photo-match.backfilled'`.execute(db)
}
