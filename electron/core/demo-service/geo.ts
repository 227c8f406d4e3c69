// Flat-earth offsets are fine at the scale the demo needs (metres to a few kilometres).
import type { LatLng } from '../contract/schemas.ts'

const METRES_PER_DEGREE_LAT = 111_320

export function offsetByMetres(origin: LatLng, metres: number, bearingDegrees: number): LatLng {
  const bearing = (bearingDegrees * Math.PI) / 180
  const north = metres * Math.cos(bearing)
  const east = metres * Math.sin(bearing)
  const lat = origin.lat + north / METRES_PER_DEGREE_LAT
  const lng = origin.lng + east / (METRES_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180))
  return { lat: roundTo(lat, 6), lng: roundTo(lng, 6) }
}

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
