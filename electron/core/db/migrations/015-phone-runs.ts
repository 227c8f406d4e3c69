import { sql, type Kysely } from 'kysely'

/**
 * Seven or more digits typed from the middle of a phone number ("555-0196" of (415) 555-0196)
 * find it (search/search-plan.ts). Without an index that meant reading every phone number in
 * the cache: a third of a second at a million deliveries, for every order id typed as
 * "112-5731", which reads the same. A run that starts at the k-th digit is a prefix of
 * `substr(phone_digits, k)`; with these indexes it is a range lookup for k = 2, 3, 4 (the run
 * at the first digit is a prefix of phone_digits, already indexed). A ten-digit number (the
 * national digits of a US number, as stored) holds no seven-digit run past its fourth digit;
 * the few longer numbers are looked through one by one, off an index of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const k of [2, 3, 4]) {
    await sql
      .raw(`CREATE INDEX deliveries_phone_from_${k} ON deliveries (substr(phone_digits, ${k}))`)
      .execute(db)
  }
  await sql`CREATE INDEX deliveries_long_phone ON deliveries (phone_digits)
    WHERE length(phone_digits) > 10`.execute(db)
}
