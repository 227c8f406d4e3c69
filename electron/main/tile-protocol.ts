// `porchlight-tile://tile/{z}/{x}/{y}`: a map tile for the renderer's map. The address is parsed
// strictly (whole numbers in range for the zoom, nothing else in the URL); the core picks the
// source (MBTiles files, the online server through the cache, the cache alone). Pure (no Electron)
// so tests run in Node.
import type { Logger } from '../core/common/logger.ts'
import { parseTilePath, type TileAddress } from '../core/map-tiles/tile-address.ts'
import { CONTENT_TYPES } from '../core/map-tiles/tile-image.ts'
import type { ServedTile } from '../core/map-tiles/tile-sources.ts'
import { hasTrustedOrigin } from './app-origin.ts'

export const TILE_SCHEME = 'porchlight-tile'
const TILE_HOST = 'tile'

export type GetTile = (address: TileAddress) => Promise<ServedTile | null>

export interface TileRequest {
  url: string
  method?: string
  /** The origin of the page that asked (Electron's `request.initiatorOrigin`). */
  initiatorOrigin?: string | undefined
}

export interface TileProtocolOptions {
  getTile: GetTile
  trustedOrigins: readonly string[]
  log?: Logger
}

function refusal(status: number, reason: string): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** The tile a `porchlight-tile://tile/z/x/y` URL names, or null when the URL is not exactly that. */
export function tileAddressFrom(requestUrl: string): TileAddress | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${TILE_SCHEME}:` || url.host !== TILE_HOST) return null
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return null
  }
  return parseTilePath(url.pathname)
}

/** Serves one tile request. Never throws: a failure is a status with a plain-text reason. */
export async function serveTileRequest(
  request: TileRequest,
  options: TileProtocolOptions,
): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Map tiles can only be read.')
  if (
    request.initiatorOrigin !== undefined &&
    !hasTrustedOrigin(request.initiatorOrigin, options.trustedOrigins)
  ) {
    return refusal(403, 'Map tiles are shown only inside Porchlight.')
  }
  const address = tileAddressFrom(request.url)
  if (address === null) return refusal(400, 'That is not a valid map tile address.')
  let tile: ServedTile | null
  try {
    tile = await options.getTile(address)
  } catch (error) {
    options.log?.error(`tile protocol: ${request.url} failed`, error)
    return refusal(500, 'The map tile could not be loaded.')
  }
  // The map shows its plain grid where a tile is missing; that is expected offline, not an error.
  if (tile === null) return refusal(404, 'No map tile here.')
  const headers = {
    'Content-Type': CONTENT_TYPES[tile.format],
    'Content-Length': String(tile.bytes.length),
    // The core's cache decides freshness; Chromium keeping its own copy would only get in the way
    // of a new map file or server taking effect.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  const body = method === 'HEAD' ? null : (new Uint8Array(tile.bytes) as Uint8Array<ArrayBuffer>)
  return new Response(body, { status: 200, headers })
}
