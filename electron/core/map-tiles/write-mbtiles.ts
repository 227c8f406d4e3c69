// Writes an MBTiles 1.3 file: the demo basemap's generator uses it, and tests make small files
// with it. Tiles are given in XYZ addresses and stored in TMS rows, as the spec requires. The file
// is written beside its final name and renamed into place, so a reader never sees half of it.
import { rmSync, renameSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import type { TileAddress } from './tile-address.ts'
import { tilesPerSide } from './tile-address.ts'

export interface MbtilesTile extends TileAddress {
  bytes: Buffer
}

/** name and format are required by the spec; bounds, minzoom, maxzoom, attribution are usual. */
export type MbtilesMetadata = Record<string, string>

export async function writeMbtiles(
  path: string,
  metadata: MbtilesMetadata,
  tiles: Iterable<MbtilesTile> | AsyncIterable<MbtilesTile>,
): Promise<{ tiles: number }> {
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  const sqlite = new BetterSqlite3(partial)
  let count = 0
  try {
    // One rollback-journal file that is complete when closed: nothing to ship beside it.
    sqlite.pragma('journal_mode = DELETE')
    sqlite.pragma('page_size = 4096')
    sqlite.exec(`
      CREATE TABLE metadata (name TEXT NOT NULL, value TEXT);
      CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
        tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL);
      CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
      CREATE UNIQUE INDEX name ON metadata (name);
    `)
    const putMeta = sqlite.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)')
    for (const [name, value] of Object.entries(metadata)) putMeta.run(name, value)
    const putTile = sqlite.prepare(
      'INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)',
    )
    sqlite.exec('BEGIN')
    for await (const tile of tiles) {
      putTile.run(tile.z, tile.x, tilesPerSide(tile.z) - 1 - tile.y, tile.bytes)
      count += 1
    }
    sqlite.exec('COMMIT')
    sqlite.exec('VACUUM')
    sqlite.close()
    renameSync(partial, path)
    return { tiles: count }
  } catch (error) {
    if (sqlite.open) sqlite.close()
    rmSync(partial, { force: true })
    throw error
  }
}
