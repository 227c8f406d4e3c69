import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

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
  let prevHash = '0'.repeat(64)
  let seq = 0
  for (const row of rows) {
    seq++
    const kind = 'photo-view'
    const payload = {
      viewId: row.id,
      photoId: row.photo_id,
      deliveryId: row.delivery_id,
      caseId: row.case_id,
    }
    const payloadJson = canonicalJson(payload)
    const entry = canonicalJson({ seq, kind, at: row.viewed_at, actorId: row.user_id, payload })
    const hash = createHash('sha256').update(`${prevHash}\n${entry}`).digest('hex')
    await sql`
      INSERT INTO audit_log (seq, kind, at, actor_id, payload_json, prev_hash, hash)
      VALUES (${seq}, ${kind}, ${row.viewed_at}, ${row.user_id}, ${payloadJson},
        ${prevHash}, ${hash})`.execute(db)
    prevHash = hash
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

type Json = string | number | null | { [key: string]: Json }

/**
 * RFC 8785 canonical JSON of the values this migration hashes (strings, integers, null, objects):
 * keys sorted by UTF-16 code unit, no whitespace, strings and numbers as JSON.stringify writes
 * them. Frozen here, as it was when 004 shipped (audit/audit-chain.ts then; the chain's verifier
 * still hashes the same way), so that a later change there cannot change what this migration
 * writes; tests/core/db/frozen-migrations.test.ts checks the two still agree.
 */
function canonicalJson(value: Json): string {
  if (typeof value === 'string') {
    if (/\p{Cs}/u.test(value)) throw new Error('Lone surrogate is not allowed')
    return JSON.stringify(value)
  }
  if (value === null || typeof value === 'number') return JSON.stringify(value)
  const members = Object.keys(value)
    .sort()
    .map((key) => `${canonicalJson(key)}:${canonicalJson(value[key]!)}`)
  return `{${members.join(',')}}`
}
