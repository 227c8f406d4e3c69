// The chain a tile request walks, in the order Settings shows:
//   1. the MBTiles files, in the order chosen, each at its own zooms and, past its deepest zoom,
//      enlarged from that zoom (a basemap that stops at 17 still fills the map at 18 and 19);
//   2. the online tile server, through the cache: a fresh cached tile is used as it is, a stale
//      one is checked with a conditional request, a new one is fetched and kept;
//   3. the cache alone: when the server is off, unreachable or refusing, a tile viewed before is
//      shown even past its expiry, because an old map beats no map while offline.
// Nothing is fetched except the tile asked for.
import type { MbtilesFile } from './mbtiles-file.ts'
import type { OnlineTileSource } from './online-source.ts'
import type { TileAddress } from './tile-address.ts'
import { tileKey } from './tile-address.ts'
import type { TileCache } from './tile-cache.ts'
import { enlargePart, type TileImage } from './tile-image.ts'
import { latitudeToTileY, longitudeToTileX } from './web-mercator.ts'
import type { Logger } from '../common/logger.ts'

/** How many zoom levels past its deepest a file's tiles are enlarged. */
export const MAX_ENLARGE_LEVELS = 3

export type TileOrigin = 'file' | 'file-enlarged' | 'online' | 'cache' | 'cache-expired'

export interface ServedTile extends TileImage {
  origin: TileOrigin
  /** The MBTiles file's id, or the online template. */
  sourceId: string
}

export interface ChainFile {
  id: string
  file: MbtilesFile
}

export interface ChainOnline {
  source: OnlineTileSource
  maxZoom: number
}

export interface TileChainOptions {
  /** The MBTiles files in use, in order. */
  files: () => ReadonlyArray<ChainFile>
  /** The online server when it is switched on. */
  online: () => ChainOnline | null
  /** The cache's key for the configured server, whether switched on or not. */
  cacheKey: () => string
  /** The cache of tiles already viewed (opened when first needed). */
  cache: () => TileCache
  now?: () => number
  log?: Logger
}

export interface TileChain {
  getTile(address: TileAddress): Promise<ServedTile | null>
}

export function createTileChain(options: TileChainOptions): TileChain {
  const now = options.now ?? Date.now

  async function fromFiles(address: TileAddress): Promise<ServedTile | null> {
    for (const { id, file } of options.files()) {
      const { minZoom, maxZoom } = file.info
      if (address.z < minZoom || !coversTile(file, address)) continue
      if (address.z <= maxZoom) {
        const tile = file.readTile(address)
        if (tile) return { ...tile, origin: 'file', sourceId: id }
        continue
      }
      const levels = address.z - maxZoom
      if (levels > MAX_ENLARGE_LEVELS) continue
      const parent = {
        z: maxZoom,
        x: Math.floor(address.x / 2 ** levels),
        y: Math.floor(address.y / 2 ** levels),
      }
      const tile = file.readTile(parent)
      if (!tile) continue
      try {
        const part = await enlargePart(tile, levels, {
          dx: address.x - parent.x * 2 ** levels,
          dy: address.y - parent.y * 2 ** levels,
        })
        return { ...part, origin: 'file-enlarged', sourceId: id }
      } catch (error) {
        options.log?.warn(
          `map tiles: tile ${tileKey(parent)} of ${id} could not be enlarged`,
          error,
        )
      }
    }
    return null
  }

  async function fromServer(address: TileAddress): Promise<ServedTile | null> {
    const key = options.cacheKey()
    const online = options.online()
    const cache = options.cache()
    const cached = cache.get(key, address)
    const fromCache = (origin: 'cache' | 'cache-expired'): ServedTile | null =>
      cached ? { bytes: cached.bytes, format: cached.format, origin, sourceId: key } : null

    if (online === null || address.z > online.maxZoom) return fromCache(expired(cached))
    if (cached && cached.freshUntil > now()) return fromCache('cache')

    const outcome = await online.source.fetchTile(address, cached)
    switch (outcome.kind) {
      case 'tile':
        cache.put(key, address, outcome.image, outcome.freshness)
        return { ...outcome.image, origin: 'online', sourceId: key }
      case 'not-modified':
        cache.refresh(key, address, outcome.freshness)
        return fromCache('cache')
      case 'missing':
        // The server no longer has it: neither should we.
        if (cached) cache.remove(key, address)
        return null
      case 'unavailable':
        return fromCache('cache-expired')
    }
  }

  const expired = (cached: { freshUntil: number } | null) =>
    cached !== null && cached.freshUntil > now() ? 'cache' : 'cache-expired'

  return {
    async getTile(address) {
      return (await fromFiles(address)) ?? (await fromServer(address))
    },
  }
}

/** False only when the file states its bounds and the tile lies wholly outside them. */
function coversTile(file: MbtilesFile, address: TileAddress): boolean {
  const bounds = file.info.bounds
  if (bounds === null) return true
  const [west, south, east, north] = bounds
  const { z, x, y } = address
  return (
    x + 1 > longitudeToTileX(west, z) &&
    x < longitudeToTileX(east, z) &&
    y + 1 > latitudeToTileY(north, z) &&
    y < latitudeToTileY(south, z)
  )
}
