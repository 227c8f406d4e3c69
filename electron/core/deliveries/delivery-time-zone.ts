// The time zone a delivery happened in, for its local times ("left at 9:45 AM PDT"): the IANA
// zone at the address's position (or, without one, at the drop-off's), looked up offline from a
// compact map of the world's zones (@photostructure/tz-lookup, CC0). Null where neither position
// is known: the screens then read the time in the agent's own zone, and say which.
import tzLookup from '@photostructure/tz-lookup'

type Point = { lat: number | null; lng: number | null } | null | undefined

function at(point: Point): string | null {
  if (!point || point.lat === null || point.lng === null) return null
  try {
    return tzLookup(point.lat, point.lng)
  } catch {
    // Out of range: the contract bounds positions, but a zone is never worth a failure.
    return null
  }
}

export function deliveryTimeZone(address: Point, dropOff?: Point): string | null {
  return at(address) ?? at(dropOff)
}
