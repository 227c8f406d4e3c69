// A map tile's address (zoom, column, row in the XYZ / "slippy map" scheme every web map uses),
// parsed strictly from the path of a tile request. Both the porchlight-tile protocol and the
// browser-mode bridge read addresses only through `parseTilePath`, so a malformed, out-of-range or
// path-like address never reaches a tile source.

export interface TileAddress {
  z: number
  x: number
  y: number
}

/** Deeper than any raster basemap goes (OpenStreetMap stops at 19); bounds the numbers we accept. */
export const MAX_TILE_ZOOM = 22

/** A decimal number without sign, exponent, leading zeros or anything else. */
const PLAIN_NUMBER = /^(0|[1-9][0-9]{0,6})$/

/** The number of tiles along each side of the world at zoom `z`. */
export function tilesPerSide(z: number): number {
  return 2 ** z
}

/** True when the address names a tile that exists: whole numbers, in range for its zoom. */
export function isTileAddress(address: TileAddress): boolean {
  const { z, x, y } = address
  if (![z, x, y].every(Number.isSafeInteger)) return false
  if (z < 0 || z > MAX_TILE_ZOOM) return false
  const side = tilesPerSide(z)
  return x >= 0 && x < side && y >= 0 && y < side
}

/**
 * The address in a tile path `/{z}/{x}/{y}` (an image extension on y, `.png` and the like, is
 * allowed because some tile URLs carry one), or null for anything else: other segment counts,
 * signs, leading zeros, percent escapes, dots, or numbers out of range for the zoom.
 */
export function parseTilePath(pathname: string): TileAddress | null {
  const match = /^\/([^/]+)\/([^/]+)\/([^/]+?)(?:\.(?:png|jpg|jpeg|webp))?$/.exec(pathname)
  if (!match) return null
  const [, zText, xText, yText] = match as unknown as [string, string, string, string]
  if (![zText, xText, yText].every((part) => PLAIN_NUMBER.test(part))) return null
  const address = { z: Number(zText), x: Number(xText), y: Number(yText) }
  return isTileAddress(address) ? address : null
}

/** `z/x/y`, for logs and cache keys. */
export function tileKey(address: TileAddress): string {
  return `${address.z}/${address.x}/${address.y}`
}

/**
 * The tile one zoom level up that covers this one, and which quarter of it this tile is
 * (0 or 1 across, 0 or 1 down).
 */
export function parentTile(address: TileAddress): {
  parent: TileAddress
  quarter: { dx: number; dy: number }
} {
  return {
    parent: { z: address.z - 1, x: Math.floor(address.x / 2), y: Math.floor(address.y / 2) },
    quarter: { dx: address.x % 2, dy: address.y % 2 },
  }
}
