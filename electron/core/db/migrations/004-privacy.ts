import { sql, type Kysely } from 'kysely'
import { chainedEntry, GENESIS_HASH } from '../../audit/audit-chain.ts'

/**
 * Privacy: the hash-chained audit log (append-only, enforced by triggers) seeded with the photo
 * views recorded before it existed, and a mark on photos that retention removed from this computer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One entry per audited act (a photo shown, an export, a retention purge, the local data
  // erased). `hash` covers the previous entry's hash and this entry's canonical form, so changing,
  // removing or reordering any entry breaks every link after it. A unique `prev_hash` means two
  // writers can never both append after the same entry (a fork).
  await sql`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT,
      payload_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL UNIQUE,
      hash TEXT NOT NULL UNIQUE
    )`.execute(db)
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db)
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db)

  // The views recorded before this migration keep their place in the history, in their order.
  const { rows } = await sql<{
    id: string
    photo_id: string
    delivery_id: string
    case_id: string | null
    user_id: string
    viewed_at: string
  }>`SELECT id, photo_id, delivery_id, case_id, user_id, viewed_at FROM photo_views ORDER BY seq`.execute(
    db,
  )
  let prevHash = GENESIS_HASH
  let seq = 0
  for (const row of rows) {
    seq++
    const entry = chainedEntry(prevHash, {
      seq,
      kind: 'photo-view',
      at: row.viewed_at,
      actorId: row.user_id,
      payload: {
        viewId: row.id,
        photoId: row.photo_id,
        deliveryId: row.delivery_id,
        caseId: row.case_id,
      },
    })
    await sql`
      INSERT INTO audit_log (seq, kind, at, actor_id, payload_json, prev_hash, hash)
      VALUES (${seq}, ${entry.kind}, ${entry.at}, ${entry.actorId}, ${entry.payloadJson},
        ${entry.prevHash}, ${entry.hash})`.execute(db)
    prevHash = entry.hash
  }

  // Set when retention removed a photo's file and thumbnail from this computer (the row then
  // reads 'failed' with the reason, so nothing fetches it again unless an open case needs it).
  await sql`ALTER TABLE delivery_photos ADD COLUMN purged_at TEXT`.execute(db)

  // A contentless FTS5 table normally only marks a deleted row, leaving its tokens (names,
  // streets, emails) in the index until a later merge. Secure-delete removes them at once. It
  // costs about a quarter more time per re-indexed (updated) delivery; new rows are unaffected.
  // The one-time optimize rewrites the index without the tokens of rows deleted before now.
  await sql`INSERT INTO deliveries_fts (deliveries_fts, rank) VALUES ('secure-delete', 1)`.execute(
    db,
  )
  await sql`INSERT INTO deliveries_fts (deliveries_fts) VALUES ('optimize')`.execute(db)
  await sql`CREATE INDEX delivery_photos_taken_at ON delivery_photos (taken_at)`.execute(db)
}
