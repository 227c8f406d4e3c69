// The one owner of `photo_fingerprints`: each stored photo file's perceptual hash, keyed by the
// file's SHA-256 (files are shared by every photo row with those bytes), and the in-memory
// multi-index table over them that finds look-alikes. Hashes are made only from photos this
// computer downloaded, and a withheld delivery's photos are never downloaded (photos/), so no
// withheld photo is ever hashed.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { PhotoFingerprintsTable } from '../db/schema.ts'
import { HashIndex, type IndexMatch } from './hash-index.ts'
import type { PerceptualHash } from '../photos/perceptual-hash.ts'
import { storedPhotosUnhashed } from '../deliveries/photo-table.ts'

type FingerprintRow = Pick<
  Selectable<PhotoFingerprintsTable>,
  'id' | 'sha256' | 'hash_hi' | 'hash_lo'
>

export interface FileMatch {
  sha256: string
  distance: number
}

export type Fingerprints = ReturnType<typeof createFingerprints>

export function createFingerprints(sqlite: BetterSqlite3.Database) {
  const insert = sqlite.prepare<[string, number, number]>(
    `INSERT INTO photo_fingerprints (sha256, hash_hi, hash_lo) VALUES (?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  )
  const byHash = sqlite.prepare<[string], FingerprintRow>(
    'SELECT id, sha256, hash_hi, hash_lo FROM photo_fingerprints WHERE sha256 = ?',
  )
  const all = sqlite.prepare<[], FingerprintRow>(
    'SELECT id, sha256, hash_hi, hash_lo FROM photo_fingerprints',
  )
  const shaOf = sqlite.prepare<[string], { id: number; sha256: string }>(
    'SELECT id, sha256 FROM photo_fingerprints WHERE id IN (SELECT value FROM json_each(?))',
  )
  const remove = sqlite.prepare<[string], { id: number }>(
    'DELETE FROM photo_fingerprints WHERE sha256 = ? RETURNING id',
  )
  const uncompared = sqlite.prepare<[number], FingerprintRow>(
    `SELECT id, sha256, hash_hi, hash_lo FROM photo_fingerprints INDEXED BY photo_fingerprints_uncompared
     WHERE compared = 0 ORDER BY id LIMIT ?`,
  )
  const markCompared = sqlite.prepare<[number]>(
    'UPDATE photo_fingerprints SET compared = 1 WHERE id = ?',
  )
  const unhashed = storedPhotosUnhashed.on(sqlite)

  let index: HashIndex | null = null
  const tableIndex = (): HashIndex => {
    index ??= new HashIndex(
      (function* () {
        for (const row of all.iterate())
          yield { id: row.id as number, hi: row.hash_hi, lo: row.hash_lo }
      })(),
    )
    return index
  }

  return {
    /** Keeps the hash of a stored photo file (the first one made for those bytes stays). */
    record(sha256: string, hash: PerceptualHash): void {
      const added = insert.run(sha256, hash.hi, hash.lo)
      if (added.changes > 0 && index) index.add(Number(added.lastInsertRowid), hash)
    },

    hashOf(sha256: string): PerceptualHash | null {
      const row = byHash.get(sha256)
      return row ? { hi: row.hash_hi, lo: row.hash_lo } : null
    },

    /** Files whose hash is within `maxDistance` of `hash` (the file itself included), nearest first. */
    filesNear(hash: PerceptualHash, maxDistance: number): FileMatch[] {
      const matches: IndexMatch[] = tableIndex().query(hash, maxDistance)
      if (matches.length === 0) return []
      const distance = new Map(matches.map((m) => [m.id, m.distance]))
      return shaOf
        .all(JSON.stringify(matches.map((m) => m.id)))
        .map((row) => ({ sha256: row.sha256, distance: distance.get(row.id) ?? 0 }))
        .sort((a, b) => a.distance - b.distance || a.sha256.localeCompare(b.sha256))
    },

    /** The in-memory table, built from the cache on first use. */
    index: tableIndex,

    /** Forgets the hashes of files no photo row refers to any more. */
    forget(sha256s: Iterable<string>): void {
      for (const sha256 of sha256s) for (const row of remove.all(sha256)) index?.remove(row.id)
    },

    /** Drops the in-memory table (after the cache was emptied); it is built again when needed. */
    reset(): void {
      index = null
    },

    /** Hashes whose look-alikes have not been flagged yet, oldest first. */
    uncompared(limit: number): Array<{ id: number; sha256: string; hash: PerceptualHash }> {
      return uncompared.all(limit).map((row) => ({
        id: row.id as number,
        sha256: row.sha256,
        hash: { hi: row.hash_hi, lo: row.hash_lo },
      }))
    },

    markCompared(ids: readonly number[]): void {
      sqlite.transaction(() => {
        for (const id of ids) markCompared.run(id)
      })()
    },

    /** Stored photo files that have no hash yet. */
    unhashed(limit: number): string[] {
      return unhashed.all({ limit })
    },
  }
}
