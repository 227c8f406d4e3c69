// Which tiles the demo basemap holds. The demo puts addresses within 900 m of a neighbourhood's
// centre and a few drop-offs up to 2 km beyond them; a delivery's map is framed on those points.
// So the deep zooms cover a disc around each centre wide enough for any view the demo can show at
// that zoom, and the shallow zooms the whole of each area with a margin. Nothing else is drawn: a
// demo basemap of the three areas stays a few megabytes.
import type { Area } from '../demo-service/names.ts'
import type { TileAddress } from '../map-tiles/tile-address.ts'
import {
  latitudeToTileY,
  longitudeToTileX,
  tileRange,
  tileXToLongitude,
  tileYToLatitude,
  type Bounds,
} from '../map-tiles/web-mercator.ts'

export const BASEMAP_MIN_ZOOM = 10
export const BASEMAP_MAX_ZOOM = 17

/** Radius around each neighbourhood centre, by zoom; shallower zooms cover each area's box. */
export const DISC_RADIUS_M: Readonly<Record<number, number>> = {
  13: 7_000,
  14: 6_000,
  15: 3_600,
  16: 2_400,
  17: 1_600,
}
const AREA_MARGIN_M = 6_000
const METRES_PER_DEGREE = 111_320

/** The box around every centre of an area, widened by `marginM`. */
export function areaBounds(area: Area, marginM: number): Bounds {
  const lats = area.neighbourhoods.map((h) => h.center.lat)
  const lngs = area.neighbourhoods.map((h) => h.center.lng)
  const south = Math.min(...lats)
  const north = Math.max(...lats)
  const dLat = marginM / METRES_PER_DEGREE
  const dLng = marginM / (METRES_PER_DEGREE * Math.cos((((south + north) / 2) * Math.PI) / 180))
  return [Math.min(...lngs) - dLng, south - dLat, Math.max(...lngs) + dLng, north + dLat]
}

/** Every tile of the basemap, zoom by zoom, in a fixed order. */
export function basemapTiles(areas: ReadonlyArray<Area>): TileAddress[] {
  const tiles: TileAddress[] = []
  for (let z = BASEMAP_MIN_ZOOM; z <= BASEMAP_MAX_ZOOM; z++) {
    const keys = new Set<string>()
    const radius = DISC_RADIUS_M[z]
    for (const area of areas) {
      if (radius === undefined) {
        const range = tileRange(areaBounds(area, AREA_MARGIN_M), z)
        for (let x = range.minX; x <= range.maxX; x++) {
          for (let y = range.minY; y <= range.maxY; y++) keys.add(`${x}/${y}`)
        }
        continue
      }
      for (const hood of area.neighbourhoods) {
        for (const key of tilesNear(hood.center, radius, z)) keys.add(key)
      }
    }
    const sorted = [...keys]
      .map((key) => key.split('/').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    for (const [x, y] of sorted) tiles.push({ z, x, y })
  }
  return tiles
}

/** Tiles at zoom z any part of which lies within radiusM of centre. */
function tilesNear(centre: { lat: number; lng: number }, radiusM: number, z: number): string[] {
  const dLat = radiusM / METRES_PER_DEGREE
  const dLng = radiusM / (METRES_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))
  const range = tileRange(
    [centre.lng - dLng, centre.lat - dLat, centre.lng + dLng, centre.lat + dLat],
    z,
  )
  const cx = longitudeToTileX(centre.lng, z)
  const cy = latitudeToTileY(centre.lat, z)
  // Tile units per metre along each axis, at the centre's latitude (ample for a few km).
  const unitsPerMetreX = (longitudeToTileX(centre.lng + dLng, z) - cx) / radiusM
  const unitsPerMetreY = (cy - latitudeToTileY(centre.lat + dLat, z)) / radiusM
  const keys: string[] = []
  for (let x = range.minX; x <= range.maxX; x++) {
    for (let y = range.minY; y <= range.maxY; y++) {
      // The nearest point of the tile to the centre, in metres.
      const nx = Math.max(x, Math.min(x + 1, cx))
      const ny = Math.max(y, Math.min(y + 1, cy))
      const dx = (nx - cx) / unitsPerMetreX
      const dy = (ny - cy) / unitsPerMetreY
      if (Math.hypot(dx, dy) <= radiusM) keys.push(`${x}/${y}`)
    }
  }
  return keys
}

/** West, south, east, north of all the tiles at the basemap's widest zoom. */
export function basemapBounds(tiles: ReadonlyArray<TileAddress>): Bounds {
  const z = BASEMAP_MIN_ZOOM
  const top = tiles.filter((t) => t.z === z)
  const minX = Math.min(...top.map((t) => t.x))
  const maxX = Math.max(...top.map((t) => t.x)) + 1
  const minY = Math.min(...top.map((t) => t.y))
  const maxY = Math.max(...top.map((t) => t.y)) + 1
  return [
    tileXToLongitude(minX, z),
    tileYToLatitude(maxY, z),
    tileXToLongitude(maxX, z),
    tileYToLatitude(minY, z),
  ]
}
