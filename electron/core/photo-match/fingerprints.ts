// The one owner of `photo_fingerprints`: each stored photo file's perceptual hash, keyed by the
// file's SHA-256 (files are shared by every photo row with those bytes), and the in-memory
// multi-index table over them that finds look-alikes. Hashes are made only from photos this
// computer downloaded, and a withheld delivery's photos are never downloaded (photos/), so no
// withheld photo is ever hashed.
//
// The table is built on a worker thread (index-builder.ts) when one is given: `ready()` starts
// the build and resolves once it is in; hashes recorded or forgotten meanwhile are applied to it
// when it arrives. A long unindexed tail is built again the same way, in the background.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { PhotoFingerprintsTable } from '../db/schema.ts'
import { buildBandTables, HashIndex, type IndexMatch, type IndexSnapshot } from './hash-index.ts'
import { buildIndexOffThread } from './index-builder.ts'
import {
  DETAIL_LOOKALIKE_DISTANCE,
  detailDistance,
  type PerceptualHash,
} from '../photos/perceptual-hash.ts'
import { storedPhotosUnhashed } from '../deliveries/photo-table.ts'

type FingerprintRow = Pick<
  Selectable<PhotoFingerprintsTable>,
  'id' | 'sha256' | 'hash_hi' | 'hash_lo' | 'detail'
>

function hashOfRow(row: FingerprintRow): PerceptualHash {
  return { hi: row.hash_hi, lo: row.hash_lo, detail: row.detail }
}

export interface FileMatch {
  sha256: string
  distance: number
}

export type Fingerprints = ReturnType<typeof createFingerprints>

/** Every stored hash in id order, as the arrays the look-alike table is built over. */
export function readStoredHashes(
  sqlite: BetterSqlite3.Database,
): Omit<IndexSnapshot, 'tables'> & { maxId: number } {
  let ids = new Float64Array(1024)
  let hi = new Uint32Array(1024)
  let lo = new Uint32Array(1024)
  let count = 0
  const rows = sqlite
    .prepare<[], [number, number, number]>(
      'SELECT id, hash_hi, hash_lo FROM photo_fingerprints ORDER BY id',
    )
    .raw()
  for (const [id, hashHi, hashLo] of rows.iterate()) {
    if (count === ids.length) {
      ;[ids, hi, lo] = [
        grown(ids, new Float64Array(count * 2)),
        grown(hi, new Uint32Array(count * 2)),
        grown(lo, new Uint32Array(count * 2)),
      ]
    }
    ids[count] = id
    hi[count] = hashHi >>> 0
    lo[count] = hashLo >>> 0
    count++
  }
  return { ids, hi, lo, count, maxId: count > 0 ? (ids[count - 1] as number) : 0 }
}

function grown<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from)
  return to
}

export interface FingerprintsOptions {
  /**
   * The look-alike table's worker thread (the app: out/main/hash-index-thread.js; default: its
   * TypeScript source). null builds the table on the calling thread when first needed (commands).
   */
  indexThreadFile?: string | URL | null
  /** Told when the thread failed; the table is then built on the calling thread. */
  onIndexThreadError?: (error: Error) => void
}

export function createFingerprints(
  sqlite: BetterSqlite3.Database,
  options: FingerprintsOptions = {},
) {
  const insert = sqlite.prepare<[string, number, number, Uint8Array]>(
    `INSERT INTO photo_fingerprints (sha256, hash_hi, hash_lo, detail) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  )
  const byHash = sqlite.prepare<[string], FingerprintRow>(
    'SELECT id, sha256, hash_hi, hash_lo, detail FROM photo_fingerprints WHERE sha256 = ?',
  )
  const candidates = sqlite.prepare<[string], { id: number; sha256: string; detail: Uint8Array }>(
    'SELECT id, sha256, detail FROM photo_fingerprints WHERE id IN (SELECT value FROM json_each(?))',
  )
  const remove = sqlite.prepare<[string], { id: number }>(
    'DELETE FROM photo_fingerprints WHERE sha256 = ? RETURNING id',
  )
  const uncompared = sqlite.prepare<[number], FingerprintRow>(
    `SELECT id, sha256, hash_hi, hash_lo, detail FROM photo_fingerprints INDEXED BY photo_fingerprints_uncompared
     WHERE compared = 0 ORDER BY id LIMIT ?`,
  )
  const markCompared = sqlite.prepare<[number]>(
    'UPDATE photo_fingerprints SET compared = 1 WHERE id = ?',
  )
  const unhashed = storedPhotosUnhashed.on(sqlite)

  const table = createIndexKeeper(sqlite, options)

  return {
    /** Keeps the hash of a stored photo file (the first one made for those bytes stays). */
    record(sha256: string, hash: PerceptualHash): void {
      const added = insert.run(sha256, hash.hi, hash.lo, hash.detail)
      if (added.changes > 0) table.added(Number(added.lastInsertRowid), hash)
    },

    hashOf(sha256: string): PerceptualHash | null {
      const row = byHash.get(sha256)
      return row ? hashOfRow(row) : null
    },

    /**
     * Files that look like `hash` (the file itself included), nearest first: those the table finds
     * within `maxDistance` of its 64 bits whose detail hash is within DETAIL_LOOKALIKE_DISTANCE.
     * The distance given is the 64-bit one.
     */
    filesNear(hash: PerceptualHash, maxDistance: number): FileMatch[] {
      const matches: IndexMatch[] = table.index().query(hash, maxDistance)
      if (matches.length === 0) return []
      const distance = new Map(matches.map((m) => [m.id, m.distance]))
      return candidates
        .all(JSON.stringify(matches.map((m) => m.id)))
        .filter((row) => detailDistance(row.detail, hash.detail) <= DETAIL_LOOKALIKE_DISTANCE)
        .map((row) => ({ sha256: row.sha256, distance: distance.get(row.id) ?? 0 }))
        .sort((a, b) => a.distance - b.distance || a.sha256.localeCompare(b.sha256))
    },

    /**
     * The in-memory table. Built on the calling thread if `ready()` has not brought it in yet:
     * the app awaits `ready()` first.
     */
    index: () => table.index(),

    /** Resolves once the in-memory table is there (built on the worker thread, if one is given). */
    ready: (): Promise<void> => table.ready(),

    /** Forgets the hashes of files no photo row refers to any more. */
    forget(sha256s: Iterable<string>): void {
      for (const sha256 of sha256s) for (const row of remove.all(sha256)) table.removed(row.id)
    },

    /** Drops the in-memory table (after the cache was emptied); it is built again when needed. */
    reset: () => table.reset(),

    /** Hashes whose look-alikes have not been flagged yet, oldest first. */
    uncompared(limit: number): Array<{ id: number; sha256: string; hash: PerceptualHash }> {
      return uncompared.all(limit).map((row) => ({
        id: row.id as number,
        sha256: row.sha256,
        hash: hashOfRow(row),
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

interface IndexBuild {
  done: Promise<void>
  added: Array<{ id: number; hash: PerceptualHash }>
  removed: number[]
  stale: boolean
}

/**
 * The in-memory table and its builds: on the calling thread (no thread file), or on a worker
 * thread, with what changed during a build applied to its result before it is swapped in.
 */
function createIndexKeeper(sqlite: BetterSqlite3.Database, options: FingerprintsOptions) {
  const threadFile = options.indexThreadFile
  const offThread = threadFile !== null
  let index: HashIndex | null = null
  /** A build under way: what changed since it started, and whether a reset made it stale. */
  let building: IndexBuild | null = null

  const buildHere = (): HashIndex => {
    const stored = readStoredHashes(sqlite)
    const tables = buildBandTables(stored.hi, stored.lo, stored.count)
    return HashIndex.fromSnapshot({ ...stored, tables }, { rebuildInline: !offThread })
  }

  const startBuild = (): Promise<void> => {
    if (building) return building.done
    const job: IndexBuild = {
      done: Promise.resolve(),
      added: [],
      removed: [],
      stale: false,
    }
    building = job
    job.done = (async () => {
      // A write transaction of this connection still open would be invisible to the thread's
      // connection; the build starts once it has ended (a transaction is never held across turns).
      while (sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve))
      let next: HashIndex
      try {
        const built = await buildIndexOffThread(sqlite.name, threadFile ?? undefined)
        next = HashIndex.fromSnapshot(built.snapshot, { rebuildInline: false })
        // Ids only grow: those above the highest the thread read were recorded after its read.
        for (const { id, hash } of job.added) if (id > built.maxId) next.add(id, hash)
      } catch (error) {
        options.onIndexThreadError?.(error instanceof Error ? error : new Error(String(error)))
        next = buildHere()
      }
      for (const id of job.removed) next.remove(id)
      if (!job.stale) index = next
    })().finally(() => {
      if (building === job) building = null
    })
    return job.done
  }

  return {
    index(): HashIndex {
      index ??= buildHere()
      return index
    },
    async ready(): Promise<void> {
      while (!index) await (offThread ? startBuild() : Promise.resolve(this.index()))
    },
    added(id: number, hash: PerceptualHash): void {
      building?.added.push({ id, hash })
      if (!index) return
      index.add(id, hash)
      if (offThread && index.tailIsLong) void startBuild()
    },
    removed(id: number): void {
      building?.removed.push(id)
      index?.remove(id)
    },
    reset(): void {
      index = null
      if (building) building.stale = true
      building = null
    },
  }
}
