import { sql, type Kysely } from 'kysely'

/**
 * Look-alike photos (issue 18): each stored photo file's perceptual hash, and the deliveries whose
 * photo also appears at another address or on an earlier delivery.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE photo_fingerprints (
      -- Never reused, so the in-memory index (photo-match/hash-index.ts) never mistakes one
      -- file's hash for another's.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sha256 TEXT NOT NULL UNIQUE,
      -- The 64-bit DCT hash as two unsigned 32-bit halves.
      hash_hi INTEGER NOT NULL,
      hash_lo INTEGER NOT NULL,
      -- 0 until the deliveries it may match have been flagged (photo-match/match-photos.ts).
      compared INTEGER NOT NULL DEFAULT 0
    )`.execute(db)
  await sql`CREATE INDEX photo_fingerprints_uncompared ON photo_fingerprints (id) WHERE compared = 0`.execute(
    db,
  )
  await sql`
    CREATE TABLE photo_reuse (
      delivery_id TEXT PRIMARY KEY,
      -- A photo of it looks the same as one on a delivery to another address.
      other_address INTEGER NOT NULL,
      -- A photo of it looks the same as one on an earlier delivery.
      earlier INTEGER NOT NULL
    ) WITHOUT ROWID`.execute(db)
}
