// Web Mercator (EPSG:3857), the projection of XYZ map tiles: where a longitude/latitude falls in
// the tile grid, and the reverse. Used to check an MBTiles file's bounds and to plan the demo
// basemap.

/** Web Mercator stops here; the square world ends at about ±85.0511°. */
export const MAX_LATITUDE = 85.0511287798066

/** The tile column a longitude falls in at zoom `z`, as a fraction (floor it for the tile). */
export function longitudeToTileX(lng: number, z: number): number {
  return ((lng + 180) / 360) * 2 ** z
}

/** The tile row a latitude falls in at zoom `z` (XYZ rows: 0 is the north edge). */
export function latitudeToTileY(lat: number, z: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat))
  const rad = (clamped * Math.PI) / 180
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z
}

export function tileXToLongitude(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180
}

export function tileYToLatitude(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI
}

/** West, south, east, north in degrees: the MBTiles `bounds` order. */
export type Bounds = readonly [west: number, south: number, east: number, north: number]

/** The tiles at zoom `z` that a bounding box touches, as inclusive column and row ranges. */
export function tileRange(
  bounds: Bounds,
  z: number,
): { minX: number; maxX: number; minY: number; maxY: number } {
  const [west, south, east, north] = bounds
  const last = 2 ** z - 1
  const clamp = (value: number) => Math.max(0, Math.min(last, Math.floor(value)))
  return {
    minX: clamp(longitudeToTileX(west, z)),
    maxX: clamp(longitudeToTileX(east, z)),
    minY: clamp(latitudeToTileY(north, z)),
    maxY: clamp(latitudeToTileY(south, z)),
  }
}
