// Tiles already viewed from the online tile server, kept so the places an agent has looked at stay
// on the map while offline. Its own SQLite file (`tiles.sqlite` in the data folder), not the main
// cache: it is disposable (a damaged one is simply started afresh), it can be cleared or wiped on
// its own, and its writes never compete with sync for the main database.
//
// Size-capped and least-recently-used: every hit marks the tile used, and when the tiles' bytes
// pass the cap the least recently used go until 90% of the cap is left. Expiry is honoured: a tile
// past its freshness is not shown as current while the server can be asked (see tile-sources.ts),
// and one expired for longer than `keepExpiredMs` is dropped.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Freshness } from './http-freshness.ts'
import type { TileAddress } from './tile-address.ts'
import type { TileFormat, TileImage } from './tile-image.ts'
import { TILE_FORMATS } from './tile-image.ts'

export const TILE_CACHE_FILE = 'tiles.sqlite'
/** Bump when the table changes; an older file is dropped and started afresh (it is a cache). */
const SCHEMA_VERSION = 1
/** Expired tiles are kept this long for offline use, then dropped. */
export const DEFAULT_KEEP_EXPIRED_MS = 30 * 24 * 3_600_000
/** Eviction frees down to this share of the cap, so it does not run on every new tile. */
const EVICT_TO = 0.9

export interface CachedTile extends TileImage {
  freshUntil: number
  etag: string | null
  lastModified: string | null
}

export interface TileCacheStats {
  tiles: number
  bytes: number
  capBytes: number
}

export interface TileCache {
  /** The tile as stored, fresh or not, marking it used; null when not cached. */
  get(source: string, address: TileAddress): CachedTile | null
  put(source: string, address: TileAddress, image: TileImage, freshness: Freshness): void
  /** The server confirmed the stored tile (304): new freshness and validators, same bytes. */
  refresh(source: string, address: TileAddress, freshness: Freshness): void
  remove(source: string, address: TileAddress): void
  setCapBytes(capBytes: number): void
  stats(): TileCacheStats
  clear(): void
  close(): void
}

export interface TileCacheOptions {
  dataDir: string
  capBytes: number
  keepExpiredMs?: number
  now?: () => number
  onProblem?: (message: string, error: unknown) => void
}

type Row = {
  data: Buffer
  format: string
  fresh_until: number
  etag: string | null
  last_modified: string | null
}

export function openTileCache(options: TileCacheOptions): TileCache {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const file = join(options.dataDir, TILE_CACHE_FILE)
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = openFile(file)
  } catch (error) {
    // A cache is worth nothing next to the app starting: a file we cannot use is replaced.
    options.onProblem?.('the tile cache could not be opened and was started afresh', error)
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    sqlite = openFile(file)
  }
  return createTileCache(sqlite, options)
}

function openFile(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 2000')
    const version = sqlite.pragma('user_version', { simple: true }) as number
    if (version !== SCHEMA_VERSION) {
      sqlite.exec(`
        DROP TABLE IF EXISTS tiles;
        CREATE TABLE tiles (
          source TEXT NOT NULL,
          z INTEGER NOT NULL,
          x INTEGER NOT NULL,
          y INTEGER NOT NULL,
          data BLOB NOT NULL,
          format TEXT NOT NULL,
          size INTEGER NOT NULL,
          fresh_until INTEGER NOT NULL,
          etag TEXT,
          last_modified TEXT,
          stored_at INTEGER NOT NULL,
          used_at INTEGER NOT NULL,
          PRIMARY KEY (source, z, x, y)
        );
        CREATE INDEX tiles_by_use ON tiles (used_at);
        CREATE INDEX tiles_by_freshness ON tiles (fresh_until);
      `)
      sqlite.pragma(`user_version = ${SCHEMA_VERSION}`)
    }
    // Touches the file, so a damaged one fails here rather than on the first tile.
    sqlite.prepare('SELECT COUNT(*) FROM tiles').get()
    return sqlite
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** The statements of the tile cache's own file (a cache of map tiles, not of service data). */
function tileStatements(sqlite: BetterSqlite3.Database) {
  const select = sqlite.prepare<[string, number, number, number], Row>(
    'SELECT data, format, fresh_until, etag, last_modified FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?',
  )
  const touch = sqlite.prepare<[number, string, number, number, number]>(
    'UPDATE tiles SET used_at = ? WHERE source = ? AND z = ? AND x = ? AND y = ?',
  )
  const upsert = sqlite.prepare(
    `INSERT INTO tiles (source, z, x, y, data, format, size, fresh_until, etag, last_modified, stored_at, used_at)
     VALUES (@source, @z, @x, @y, @data, @format, @size, @freshUntil, @etag, @lastModified, @now, @now)
     ON CONFLICT (source, z, x, y) DO UPDATE SET data = excluded.data, format = excluded.format,
       size = excluded.size, fresh_until = excluded.fresh_until, etag = excluded.etag,
       last_modified = excluded.last_modified, stored_at = excluded.stored_at, used_at = excluded.used_at`,
  )
  const sizeOf = sqlite.prepare<[string, number, number, number], { size: number }>(
    'SELECT size FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?',
  )
  const update = sqlite.prepare(
    `UPDATE tiles SET fresh_until = @freshUntil, etag = COALESCE(@etag, etag),
       last_modified = COALESCE(@lastModified, last_modified), used_at = @now
     WHERE source = @source AND z = @z AND x = @x AND y = @y`,
  )
  const deleteOne = sqlite.prepare<[string, number, number, number]>(
    'DELETE FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?',
  )
  const oldest = sqlite.prepare<[number], { rowid: number; size: number }>(
    'SELECT rowid, size FROM tiles ORDER BY used_at, rowid LIMIT ?',
  )
  const deleteRow = sqlite.prepare<[number]>('DELETE FROM tiles WHERE rowid = ?')
  const totals = sqlite.prepare<[], { tiles: number; bytes: number | null }>(
    'SELECT COUNT(*) AS tiles, SUM(size) AS bytes FROM tiles',
  )
  const dropExpired = sqlite.prepare<[number]>('DELETE FROM tiles WHERE fresh_until < ?')
  return {
    select,
    touch,
    upsert,
    sizeOf,
    update,
    deleteOne,
    oldest,
    deleteRow,
    totals,
    dropExpired,
  }
}

function createTileCache(sqlite: BetterSqlite3.Database, options: TileCacheOptions): TileCache {
  const now = options.now ?? Date.now
  const keepExpiredMs = options.keepExpiredMs ?? DEFAULT_KEEP_EXPIRED_MS
  let capBytes = options.capBytes

  const statements = tileStatements(sqlite)
  const { select, touch, upsert, sizeOf, update, deleteOne, oldest, deleteRow } = statements
  const { totals, dropExpired } = statements

  let tiles = 0
  let bytes = 0
  const recount = () => {
    const row = totals.get()
    tiles = row?.tiles ?? 0
    bytes = row?.bytes ?? 0
  }

  const evict = sqlite.transaction(() => {
    const target = capBytes * EVICT_TO
    while (bytes > target) {
      const batch = oldest.all(64)
      if (batch.length === 0) break
      for (const row of batch) {
        if (bytes <= target) break
        deleteRow.run(row.rowid)
        bytes -= row.size
        tiles -= 1
      }
    }
  })

  const dropLongExpired = () => {
    const dropped = dropExpired.run(now() - keepExpiredMs).changes
    if (dropped > 0) recount()
  }

  const store = sqlite.transaction(
    (source: string, address: TileAddress, image: TileImage, freshness: Freshness) => {
      const previous = sizeOf.get(source, address.z, address.x, address.y)
      upsert.run({
        source,
        ...address,
        data: image.bytes,
        format: image.format,
        size: image.bytes.length,
        freshUntil: freshness.freshUntil,
        etag: freshness.etag,
        lastModified: freshness.lastModified,
        now: now(),
      })
      bytes += image.bytes.length - (previous?.size ?? 0)
      if (!previous) tiles += 1
    },
  )

  recount()
  dropLongExpired()
  if (bytes > capBytes) evict()

  return {
    get(source, address) {
      const row = select.get(source, address.z, address.x, address.y)
      if (!row) return null
      if (!(TILE_FORMATS as readonly string[]).includes(row.format)) return null
      touch.run(now(), source, address.z, address.x, address.y)
      return {
        bytes: row.data,
        format: row.format as TileFormat,
        freshUntil: row.fresh_until,
        etag: row.etag,
        lastModified: row.last_modified,
      }
    },
    put(source, address, image, freshness) {
      // A single tile larger than the whole cap would only push everything else out.
      if (!freshness.store || image.bytes.length > capBytes) return
      store(source, address, image, freshness)
      if (bytes > capBytes) {
        dropLongExpired()
        evict()
      }
    },
    refresh(source, address, freshness) {
      update.run({
        source,
        ...address,
        freshUntil: freshness.freshUntil,
        etag: freshness.etag,
        lastModified: freshness.lastModified,
        now: now(),
      })
    },
    remove(source, address) {
      const previous = sizeOf.get(source, address.z, address.x, address.y)
      if (!previous) return
      deleteOne.run(source, address.z, address.x, address.y)
      bytes -= previous.size
      tiles -= 1
    },
    setCapBytes(next) {
      capBytes = next
      if (bytes > capBytes) evict()
    },
    stats: () => ({ tiles, bytes, capBytes }),
    clear() {
      sqlite.exec('DELETE FROM tiles')
      // Rebuild the file from live pages only (no freed page keeps a tile), and empty the WAL:
      // the space goes back to the disk, and no tile of a customer's street is left in either.
      sqlite.exec('VACUUM')
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
      recount()
    },
    close() {
      if (sqlite.open) sqlite.close()
    },
  }
}
