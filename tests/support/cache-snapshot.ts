// The whole observable state of a cache directory, in a form tests compare with toEqual: rows
// (ids, versions, photo states and reasons), the photo files on disk by hash, thumbnails, and
// anything a download or a thumbnail left half-done.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'

export interface PhotoRow {
  id: string
  delivery_id: string
  sha256: string
  state: string
  failure_reason: string | null
  display_error: string | null
  has_thumbnail: number
}

export interface CacheSnapshot {
  deliveries: Array<{ id: string; version: number }>
  photos: PhotoRow[]
  cases: Array<{ id: string; version: number }>
  /** sha256 of every photo file under <dataDir>/photos/<xx>/. */
  files: string[]
  /** sha256 of every thumbnail under <dataDir>/photos/thumbnails/<xx>/. */
  thumbnails: string[]
  /** Partial downloads and temporary thumbnails still on disk (relative paths). */
  leftovers: string[]
  /** Photo files whose bytes do not hash to their name. */
  corruptFiles: string[]
  /** Rows in the full-text index (one per delivery when it is right). */
  ftsRows: number
  rejections: Array<{
    run_id: number | null
    stream: string
    item_id: string | null
    reason: string
  }>
}

export function snapshotCache(sqlite: BetterSqlite3.Database, dataDir: string): CacheSnapshot {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[]
  const photosRoot = join(dataDir, 'photos')
  const files: string[] = []
  const thumbnails: string[] = []
  const leftovers: string[] = []
  const corruptFiles: string[] = []
  for (const path of walk(photosRoot)) {
    const rel = relative(photosRoot, path)
    const parts = rel.split(/[\\/]/)
    const name = parts.at(-1) as string
    if (parts[0] === 'partial' || name.endsWith('.tmp')) leftovers.push(rel)
    else if (parts[0] === 'thumbnails' && name.endsWith('.webp')) thumbnails.push(name.slice(0, -5))
    else if (parts.length === 2 && /^[0-9a-f]{64}$/.test(name)) {
      files.push(name)
      if (createHash('sha256').update(readFileSync(path)).digest('hex') !== name)
        corruptFiles.push(name)
    } else leftovers.push(rel)
  }
  return {
    deliveries: all('SELECT id, version FROM deliveries ORDER BY id'),
    photos: all(
      `SELECT id, delivery_id, sha256, state, failure_reason, display_error, has_thumbnail
       FROM delivery_photos ORDER BY id`,
    ),
    cases: all('SELECT id, version FROM cases ORDER BY id'),
    files: files.sort(),
    thumbnails: thumbnails.sort(),
    leftovers: leftovers.sort(),
    corruptFiles,
    ftsRows: (sqlite.prepare('SELECT count(*) AS n FROM deliveries_fts').get() as { n: number }).n,
    rejections: all('SELECT run_id, stream, item_id, reason FROM sync_rejections ORDER BY id'),
  }
}

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

/**
 * The whole snapshot a test expects, from the parts it names: anything not named must be empty
 * (no photos, files, leftovers, rejections) and the search index holds one row per delivery.
 */
export function expectedCache(
  parts: Partial<CacheSnapshot> & Pick<CacheSnapshot, 'deliveries'>,
): CacheSnapshot {
  return {
    photos: [],
    cases: [],
    files: [],
    thumbnails: [],
    leftovers: [],
    corruptFiles: [],
    rejections: [],
    ftsRows: parts.deliveries.length,
    ...parts,
  }
}
