// How far the drop-off and the photos were from the geocoded address. A fix counts as "away"
// by how much its distance exceeds its own accuracy: a 40 m fix with ±30 m accuracy is only
// 10 m away for certain.
import type { DeliveryRecord, Fix, LatLng } from '../contract/schemas.ts'

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface LocationFacts {
  dropOffDistanceM: number | null
  photoDistancesM: Array<{ photoId: string; distanceM: number | null }>
  /** The largest distance beyond accuracy among the fixes; null without an address position. */
  awayM: number | null
}

export function locationFacts(
  address: LatLng | null | undefined,
  dropOff: Fix | null | undefined,
  photos: ReadonlyArray<{ id: string; location?: Fix | null }>,
): LocationFacts {
  if (!address) {
    return {
      dropOffDistanceM: null,
      photoDistancesM: photos.map((p) => ({ photoId: p.id, distanceM: null })),
      awayM: null,
    }
  }
  let awayM: number | null = null
  const beyond = (fix: Fix, d: number) => {
    const excess = Math.max(0, d - (fix.accuracyM ?? 0))
    awayM = Math.max(awayM ?? 0, excess)
  }
  const dropOffDistanceM = dropOff ? distanceM(address, dropOff) : null
  if (dropOff && dropOffDistanceM !== null) beyond(dropOff, dropOffDistanceM)
  const photoDistancesM = photos.map((p) => {
    if (!p.location) return { photoId: p.id, distanceM: null }
    const d = distanceM(address, p.location)
    beyond(p.location, d)
    return { photoId: p.id, distanceM: d }
  })
  return { dropOffDistanceM, photoDistancesM, awayM }
}

export function recordLocationFacts(d: DeliveryRecord): LocationFacts {
  return locationFacts(
    d.address.location,
    d.dropOff.location,
    d.photoWithheld === null ? d.photos : [],
  )
}

/** The threshold the issue names as default: 150 m beyond the fix's accuracy. */
export const DEFAULT_LOCATION_THRESHOLD_M = 150
