// Straight-line distance between two WGS 84 points, for "the driver marked it 40 m from the
// address". Haversine on a spherical Earth: good to well under a metre at these distances.

export type LatLngPoint = { lat: number; lng: number }

/** Mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_M = 6_371_008.8

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180

export function distanceMetres(from: LatLngPoint, to: LatLngPoint): number {
  const dLat = toRadians(to.lat - from.lat)
  const dLng = toRadians(to.lng - from.lng)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

const metres = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** "38 m", "1,240 m": whole metres, because that is how precise the fixes are. */
export function formatMetres(value: number): string {
  return `${metres.format(Math.round(value))} m`
}
