// Reads raster tiles from an MBTiles 1.3 file (an SQLite database: a `metadata` table of name/value
// pairs and a `tiles` table). Opening validates the file and says in words what is wrong with one
// we cannot use. MBTiles keeps rows in the TMS scheme, counted from the south, while maps ask in
// XYZ, counted from the north: `tile_row = 2^z - 1 - y`.
//
// A map file comes from outside (a shared drive, a download), and SQLite runs whatever a file's
// schema says: a `tiles` view over an endless recursive query would spin the thread that reads it
// forever, and no statement can be stopped once it runs (better-sqlite3 offers no progress handler
// or interrupt, and a worker thread cannot be terminated while SQLite runs inside it). So every
// statement here is bounded before it runs:
//   - tiles are read only from real tables: a `tiles` table, or the spec's `map`/`images` pair
//     when `tiles` is the view joining them (read from the pair, never through the view); any
//     other view, a virtual table or a computed (generated) column is refused with the reason;
//   - a tile is looked up through an index; a file without one is read only if it is small enough
//     for a full scan per tile to be quick;
//   - a tile's size is read before its bytes, and one larger than online tiles may be is skipped.
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { t } from '../messages/messages.ts'
import type { settings } from '../messages/en/settings.ts'
import { plainAttribution } from './attribution.ts'
import type { TileAddress } from './tile-address.ts'
import { MAX_TILE_ZOOM, tilesPerSide } from './tile-address.ts'
import { MAX_TILE_BYTES, sniffTileFormat, type TileFormat, type TileImage } from './tile-image.ts'
import type { Bounds } from './web-mercator.ts'

/** Up to this size, a file whose tiles have no index is still read (one full scan per tile). */
export const UNINDEXED_LIMIT_BYTES = 32 * 1024 * 1024
/** Metadata past this many rows, or a value past this many bytes, is not read. */
const MAX_METADATA_ROWS = 1000
const MAX_METADATA_VALUE_BYTES = 64 * 1024

/**
 * Why an MBTiles file cannot be used, in words for the person who chose it. `say` words it again in
 * the language spoken when it is read: Settings list a file's problem long after it was found.
 */
export class MbtilesError extends Error {
  readonly say: () => string
  constructor(say: () => string) {
    super(say())
    this.name = 'MbtilesError'
    this.say = say
  }
}

/** A problem worded when read; its key is checked against the catalogue's by MapFileProblem. */
const problem = (key: MapFileProblem, values: Record<string, unknown>) => () =>
  (t as unknown as (key: string, values: object) => string)(
    `settings:mapFileProblem.${key}`,
    values,
  )

/** A key of the map files' problems, a plural's without its `_one`/`_other`. */
type MapFileProblem = PluralBase<keyof (typeof settings)['mapFileProblem']>
type PluralBase<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K

export interface MbtilesInfo {
  /** The `name` from the metadata, or the file name when it has none. */
  name: string
  format: TileFormat
  minZoom: number
  maxZoom: number
  /** West, south, east, north; null when the file does not say. */
  bounds: Bounds | null
  /** Plain text; empty when the file has none. */
  attribution: string
  description: string
}

export interface MbtilesFile {
  readonly path: string
  readonly info: MbtilesInfo
  /** The tile at an XYZ address, or null when the file has none there (or none we may send). */
  readTile(address: TileAddress): TileImage | null
  close(): void
}

export interface MbtilesOptions {
  /** Told once per file when a tile is skipped for its size. */
  onSkippedTile?: (message: string) => void
}

/** MBTiles names formats loosely: `jpg`, `jpeg`, and media types are all seen in the wild. */
const FORMAT_NAMES: Readonly<Record<string, TileFormat>> = {
  png: 'png',
  'image/png': 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  'image/jpeg': 'jpg',
  webp: 'webp',
  'image/webp': 'webp',
}

export function openMbtiles(path: string, options: MbtilesOptions = {}): MbtilesFile {
  const fileName = basename(path)
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new MbtilesError(
      problem(code === 'SQLITE_CANTOPEN' ? 'cannotOpen' : 'notOpenable', { file: fileName }),
    )
  }
  try {
    // Functions in the file's schema may not run unless SQLite marks them harmless.
    sqlite.pragma('trusted_schema = OFF')
    const store = tileStore(sqlite, fileName)
    const lookup = boundedLookup(sqlite, store, fileName, path)
    const info = readInfo(sqlite, fileName, store)
    let toldSkipped = false
    return {
      path,
      info,
      readTile(address) {
        if (address.z < info.minZoom || address.z > info.maxZoom) return null
        const tmsRow = tilesPerSide(address.z) - 1 - address.y
        const row = lookup.get(MAX_TILE_BYTES, address.z, address.x, tmsRow)
        if (!row) return null
        if (row.size !== null && row.size > MAX_TILE_BYTES) {
          if (!toldSkipped) {
            toldSkipped = true
            options.onSkippedTile?.(
              `${fileName}: tile ${address.z}/${address.x}/${address.y} is ${row.size} bytes, over the ${MAX_TILE_BYTES}-byte limit for a tile; such tiles are skipped`,
            )
          }
          return null
        }
        const bytes = row.data
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) return null
        // The bytes decide what is sent, whatever the metadata claimed.
        const format = sniffTileFormat(bytes)
        return format === null ? null : { bytes, format }
      },
      close: () => sqlite.close(),
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** Where the tiles are: a real `tiles` table, or the spec's `map`/`images` pair. */
type TileStore = 'tiles' | 'map-images'

interface SchemaObject {
  type: string
  name: string
  sql: string | null
}

/** The required columns of each real table a tile store reads. */
const STORE_TABLES: Readonly<Record<TileStore, Record<string, readonly string[]>>> = {
  tiles: { tiles: ['zoom_level', 'tile_column', 'tile_row', 'tile_data'] },
  'map-images': {
    map: ['zoom_level', 'tile_column', 'tile_row', 'tile_id'],
    images: ['tile_id', 'tile_data'],
  },
}

/**
 * Decides where the tiles are read from, refusing every shape whose reading could run without
 * bound. Only the schema is read here, and a view's query is compiled (EXPLAIN QUERY PLAN), never
 * run.
 */
function tileStore(sqlite: BetterSqlite3.Database, fileName: string): TileStore {
  let objects: SchemaObject[]
  try {
    objects = sqlite
      .prepare<[], SchemaObject>(
        `SELECT type, name, sql FROM sqlite_schema
         WHERE type IN ('table', 'view') AND name IN ('metadata', 'tiles', 'map', 'images')`,
      )
      .all()
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new MbtilesError(
      problem(code === 'SQLITE_NOTADB' ? 'notSqlite' : 'notReadable', { file: fileName }),
    )
  }
  const byName = new Map(objects.map((o) => [o.name, o]))
  const tiles = byName.get('tiles')
  if (!tiles) throw new MbtilesError(problem('noTilesTable', { file: fileName }))
  const metadata = byName.get('metadata')
  if (!metadata) {
    throw new MbtilesError(problem('noMetadataTable', { file: fileName }))
  }
  requirePlainTable(sqlite, fileName, metadata, ['name', 'value'])

  if (tiles.type === 'table') {
    requirePlainTable(sqlite, fileName, tiles, STORE_TABLES.tiles.tiles!)
    return 'tiles'
  }
  // A view: accepted only as the spec's join of `map` and `images`, two real tables.
  const refuseView = () => new MbtilesError(problem('tilesView', { file: fileName }))
  const map = byName.get('map')
  const images = byName.get('images')
  if (!map || !images) throw refuseView()
  for (const [table, columns] of Object.entries(STORE_TABLES['map-images'])) {
    requirePlainTable(sqlite, fileName, byName.get(table)!, columns)
  }
  const plan = queryPlan(sqlite, 'SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles')
  const tablesRead = new Set<string>()
  for (const step of plan ?? ['(none)']) {
    const read = /^(?:SCAN|SEARCH|BLOOM FILTER ON) (map|images)\b/.exec(step)
    if (!read) throw refuseView()
    tablesRead.add(read[1]!)
  }
  if (tablesRead.size !== 2) throw refuseView()
  return 'map-images'
}

/** A real table (not a view, not virtual) with these columns, none of them computed. */
function requirePlainTable(
  sqlite: BetterSqlite3.Database,
  fileName: string,
  object: SchemaObject,
  columns: readonly string[],
): void {
  const plain = object.type === 'table' && !/^\s*CREATE\s+VIRTUAL\b/i.test(object.sql ?? '')
  if (!plain) {
    throw new MbtilesError(
      problem(object.type === 'view' ? 'tableIsView' : 'tableIsVirtual', {
        file: fileName,
        table: object.name,
      }),
    )
  }
  // hidden: 0 a plain column, 1 hidden (virtual tables), 2 and 3 computed (generated) columns.
  const found = sqlite
    .prepare<[string], { name: string; hidden: number }>(
      'SELECT name, hidden FROM pragma_table_xinfo(?)',
    )
    .all(object.name)
  if (found.some((column) => column.hidden !== 0)) {
    throw new MbtilesError(problem('computedColumns', { file: fileName, table: object.name }))
  }
  const names = new Set(found.map((column) => column.name.toLowerCase()))
  const missing = columns.filter((column) => !names.has(column))
  if (missing.length > 0) {
    throw new MbtilesError(
      problem('missingColumns', {
        file: fileName,
        table: object.name,
        columns: missing.join(', '),
        count: missing.length,
      }),
    )
  }
}

/** The steps SQLite would take for `sql`, compiled but not run; null when it does not compile. */
function queryPlan(
  sqlite: BetterSqlite3.Database,
  sql: string,
  params: readonly number[] = [],
): string[] | null {
  try {
    return sqlite
      .prepare<number[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
  } catch {
    return null
  }
}

type TileRow = { size: number | null; data: Buffer | null }

/**
 * The tile lookup: its size first, its bytes only when within `limit` (the first parameter). It
 * must go through an index (SEARCH … USING … INDEX or the primary key); without one, only a small
 * file is read.
 */
function boundedLookup(
  sqlite: BetterSqlite3.Database,
  store: TileStore,
  fileName: string,
  path: string,
): BetterSqlite3.Statement<[number, number, number, number], TileRow> {
  const sql =
    store === 'tiles'
      ? `SELECT octet_length(tile_data) AS size,
           CASE WHEN octet_length(tile_data) <= ? THEN tile_data END AS data
         FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ? LIMIT 1`
      : `SELECT octet_length(images.tile_data) AS size,
           CASE WHEN octet_length(images.tile_data) <= ? THEN images.tile_data END AS data
         FROM map JOIN images ON images.tile_id = map.tile_id
         WHERE map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ? LIMIT 1`
  const plan = queryPlan(sqlite, sql, [MAX_TILE_BYTES, 0, 0, 0])
  if (plan === null) throw new MbtilesError(problem('tilesUnreadable', { file: fileName }))
  const indexed = plan.every((step) => {
    const search =
      /^SEARCH (\w+) USING (?:(?:COVERING )?INDEX \w+|INTEGER PRIMARY KEY|PRIMARY KEY) \((.*)\)$/.exec(
        step,
      )
    if (!search) return false
    // The tile's own table must be searched on all three of its address columns.
    if (search[1] === 'images') return true
    return ['zoom_level', 'tile_column', 'tile_row'].every((column) =>
      search[2]!.includes(`${column}=?`),
    )
  })
  if (!indexed && statSync(path).size > UNINDEXED_LIMIT_BYTES) {
    throw new MbtilesError(problem('noIndex', { file: fileName }))
  }
  return sqlite.prepare<[number, number, number, number], TileRow>(sql)
}

function readInfo(sqlite: BetterSqlite3.Database, fileName: string, store: TileStore): MbtilesInfo {
  const metadata = new Map<string, string>()
  try {
    for (const row of sqlite
      .prepare<[number, number], { name: unknown; value: unknown }>(
        `SELECT name, CASE WHEN octet_length(value) <= ? THEN value END AS value
         FROM metadata LIMIT ?`,
      )
      .all(MAX_METADATA_VALUE_BYTES, MAX_METADATA_ROWS)) {
      if (typeof row.name === 'string' && row.value !== null && row.value !== undefined) {
        metadata.set(row.name.trim().toLowerCase(), String(row.value).trim())
      }
    }
  } catch {
    throw new MbtilesError(problem('metadataUnreadable', { file: fileName }))
  }

  const formatName = metadata.get('format')?.toLowerCase()
  if (formatName === undefined || formatName === '') {
    throw new MbtilesError(problem('noFormat', { file: fileName }))
  }
  const format = FORMAT_NAMES[formatName]
  if (format === undefined) {
    throw new MbtilesError(
      formatName === 'pbf' || formatName.includes('protobuf') || formatName.includes('mvt')
        ? problem('vector', { file: fileName })
        : problem('otherFormat', { file: fileName, format: formatName.slice(0, 40) }),
    )
  }

  let minZoom = zoomFrom(metadata.get('minzoom'))
  let maxZoom = zoomFrom(metadata.get('maxzoom'))
  if (minZoom === null || maxZoom === null) {
    // Optional in the spec: ask the tiles themselves (one pass over the index).
    const range = sqlite
      .prepare<[], { low: number | null; high: number | null }>(
        `SELECT MIN(zoom_level) AS low, MAX(zoom_level) AS high FROM ${store === 'tiles' ? 'tiles' : 'map'}`,
      )
      .get()
    minZoom ??= range?.low ?? null
    maxZoom ??= range?.high ?? null
  }
  if (minZoom === null || maxZoom === null) {
    throw new MbtilesError(problem('noTiles', { file: fileName }))
  }
  minZoom = Math.max(0, Math.min(MAX_TILE_ZOOM, minZoom))
  maxZoom = Math.max(0, Math.min(MAX_TILE_ZOOM, maxZoom))
  if (minZoom > maxZoom) {
    throw new MbtilesError(problem('zoomRange', { file: fileName, min: minZoom, max: maxZoom }))
  }

  return {
    name: (metadata.get('name') ?? '').slice(0, 120) || fileName,
    format,
    minZoom,
    maxZoom,
    bounds: boundsFrom(metadata.get('bounds')),
    attribution: plainAttribution(metadata.get('attribution') ?? ''),
    description: plainAttribution(metadata.get('description') ?? ''),
  }
}

function zoomFrom(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,2}$/.test(value)) return null
  return Number(value)
}

/** `west,south,east,north` in degrees; anything unusable counts as "not given". */
function boundsFrom(value: string | undefined): Bounds | null {
  if (value === undefined) return null
  const parts = value.split(',').map((part) => Number(part.trim()))
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null
  const [west, south, east, north] = parts as [number, number, number, number]
  if (west < -180 || east > 180 || south < -90 || north > 90) return null
  if (west >= east || south >= north) return null
  return [west, south, east, north]
}
