// Reads raster tiles from an MBTiles 1.3 file (an SQLite database: a `metadata` table of name/value
// pairs and a `tiles` table). Opening validates the file and says in words what is wrong with one
// we cannot use. MBTiles keeps rows in the TMS scheme, counted from the south, while maps ask in
// XYZ, counted from the north: `tile_row = 2^z - 1 - y`.
import { basename } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { plainAttribution } from './attribution.ts'
import type { TileAddress } from './tile-address.ts'
import { MAX_TILE_ZOOM, tilesPerSide } from './tile-address.ts'
import { sniffTileFormat, type TileFormat, type TileImage } from './tile-image.ts'
import type { Bounds } from './web-mercator.ts'

/** Why an MBTiles file cannot be used, in words for the person who chose it. */
export class MbtilesError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MbtilesError'
  }
}

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
  /** The tile at an XYZ address, or null when the file has none there. */
  readTile(address: TileAddress): TileImage | null
  close(): void
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

export function openMbtiles(path: string): MbtilesFile {
  const fileName = basename(path)
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new MbtilesError(
      code === 'SQLITE_CANTOPEN'
        ? `${fileName} could not be opened. Check that the file is still there and readable.`
        : `${fileName} could not be opened as an MBTiles file.`,
    )
  }
  try {
    const info = readInfo(sqlite, fileName)
    const lookup = sqlite.prepare<[number, number, number], { tile_data: Buffer | null }>(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    )
    return {
      path,
      info,
      readTile(address) {
        if (address.z < info.minZoom || address.z > info.maxZoom) return null
        const tmsRow = tilesPerSide(address.z) - 1 - address.y
        const row = lookup.get(address.z, address.x, tmsRow)
        const bytes = row?.tile_data
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

function readInfo(sqlite: BetterSqlite3.Database, fileName: string): MbtilesInfo {
  let objects: Array<{ name: string }>
  try {
    objects = sqlite
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name IN ('metadata', 'tiles')`,
      )
      .all()
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new MbtilesError(
      code === 'SQLITE_NOTADB'
        ? `${fileName} is not an MBTiles file: it is not an SQLite database.`
        : `${fileName} could not be read as an MBTiles file.`,
    )
  }
  const names = new Set(objects.map((o) => o.name))
  if (!names.has('tiles'))
    throw new MbtilesError(`${fileName} is not an MBTiles file: it has no tiles table.`)
  if (!names.has('metadata')) {
    throw new MbtilesError(`${fileName} is not an MBTiles file: it has no metadata table.`)
  }

  const metadata = new Map<string, string>()
  try {
    for (const row of sqlite
      .prepare<[], { name: unknown; value: unknown }>('SELECT name, value FROM metadata')
      .all()) {
      if (typeof row.name === 'string' && row.value !== null && row.value !== undefined) {
        metadata.set(row.name.trim().toLowerCase(), String(row.value).trim())
      }
    }
  } catch {
    throw new MbtilesError(`${fileName} has a metadata table Porchlight cannot read.`)
  }

  const formatName = metadata.get('format')?.toLowerCase()
  if (formatName === undefined || formatName === '') {
    throw new MbtilesError(
      `${fileName} does not say what its tiles are: its metadata has no format (png, jpg or webp).`,
    )
  }
  const format = FORMAT_NAMES[formatName]
  if (format === undefined) {
    throw new MbtilesError(
      formatName === 'pbf' || formatName.includes('protobuf') || formatName.includes('mvt')
        ? `${fileName} holds vector tiles (pbf). Porchlight shows raster maps only: png, jpg or webp tiles.`
        : `${fileName} holds tiles in a format Porchlight cannot show (${formatName.slice(0, 40)}). Use png, jpg or webp tiles.`,
    )
  }

  let minZoom = zoomFrom(metadata.get('minzoom'))
  let maxZoom = zoomFrom(metadata.get('maxzoom'))
  if (minZoom === null || maxZoom === null) {
    // Optional in the spec: ask the tiles themselves (one pass over the index).
    const range = sqlite
      .prepare<[], { low: number | null; high: number | null }>(
        'SELECT MIN(zoom_level) AS low, MAX(zoom_level) AS high FROM tiles',
      )
      .get()
    minZoom ??= range?.low ?? null
    maxZoom ??= range?.high ?? null
  }
  if (minZoom === null || maxZoom === null) throw new MbtilesError(`${fileName} has no tiles.`)
  minZoom = Math.max(0, Math.min(MAX_TILE_ZOOM, minZoom))
  maxZoom = Math.max(0, Math.min(MAX_TILE_ZOOM, maxZoom))
  if (minZoom > maxZoom) {
    throw new MbtilesError(
      `${fileName} has a broken zoom range: its minzoom (${minZoom}) is above its maxzoom (${maxZoom}).`,
    )
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
