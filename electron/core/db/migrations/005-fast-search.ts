import { sql, type Kysely } from 'kysely'

// The recency keys' constants as they were when 005 shipped (deliveries/recency-key.ts holds the
// live ones; tests/core/db/frozen-migrations.test.ts checks they still agree).
const KEY_SLOTS = 2 ** 19
const UNDELIVERED_OFFSET = 2 ** 52

/**
 * Search at a million deliveries: rowids become recency keys (deliveries/recency-key.ts), the
 * word index holds words only (names, an email's handle, street, city), and ids, phone numbers
 * and email addresses are found as prefixes of their own indexed columns (search/search-plan.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE deliveries ADD COLUMN phone_digits TEXT`.execute(db)
  // The stored numbers' digits, as phoneDigits() makes them; new and changed records get theirs
  // from it.
  await sql`
    UPDATE deliveries SET phone_digits = nullif(
      CASE WHEN length(d) = 11 AND substr(d, 1, 1) = '1' THEN substr(d, 2) ELSE d END, '')
    FROM (SELECT rowid AS r, replace(replace(replace(replace(replace(replace(
            customer_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '') AS d
          FROM deliveries WHERE customer_phone IS NOT NULL) AS p
    WHERE deliveries.rowid = p.r`.execute(db)
  await sql`CREATE INDEX deliveries_phone_digits ON deliveries (phone_digits)`.execute(db)
  await sql`CREATE INDEX deliveries_email ON deliveries (lower(customer_email))`.execute(db)
  // Newest first is now the rowid order, and the flag filter walks it (a flagged delivery is
  // common enough that walking finds the newest ones sooner than this index would).
  await sql`DROP INDEX deliveries_delivered_at`.execute(db)
  await sql`DROP INDEX deliveries_away`.execute(db)

  // The old rowids (1, 2, 3...) are far below every delivered key and above every undelivered
  // one, so no new key collides with a row not yet moved.
  await sql`
    UPDATE deliveries SET rowid = k.key
    FROM (SELECT r, base + row_number() OVER (PARTITION BY base ORDER BY id) - 1 AS key
          FROM (SELECT rowid AS r, id,
                  CASE WHEN delivered_at IS NOT NULL
                       THEN coalesce(unixepoch(delivered_at), 0) * ${sql.lit(KEY_SLOTS)}
                       ELSE coalesce(unixepoch(updated_at), 0) * ${sql.lit(KEY_SLOTS)}
                            - ${sql.lit(UNDELIVERED_OFFSET)}
                  END AS base
                FROM deliveries)) AS k
    WHERE deliveries.rowid = k.r`.execute(db)

  await sql`DROP TABLE deliveries_fts`.execute(db)
  // Contentless (the text lives in `deliveries`); contentless_delete lets a changed or removed
  // delivery take its tokens out; prefix indexes for one to three letters make the first
  // keystrokes of a name a single lookup instead of a merge of every word they begin.
  await sql`
    CREATE VIRTUAL TABLE deliveries_fts USING fts5 (
      customer_name, email_handle, street, city,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    )`.execute(db)
  // Removed rows' tokens (names, streets) leave the index at once (see 004-privacy).
  await sql`INSERT INTO deliveries_fts (deliveries_fts, rank) VALUES ('secure-delete', 1)`.execute(
    db,
  )
  await sql`
    INSERT INTO deliveries_fts (rowid, customer_name, email_handle, street, city)
    SELECT rowid, customer_name,
      CASE WHEN instr(customer_email, '@') > 1
           THEN substr(customer_email, 1, instr(customer_email, '@') - 1)
           ELSE customer_email END,
      address_line1 || coalesce(' ' || address_line2, ''), city
    FROM deliveries`.execute(db)
}
