// A postal address as lines, in the order the destination country writes them, so an agent can
// read it back to a customer the way they know it.
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'

type Address = DeliveryDetail['address']

/** Countries that write "City, Region Postcode" on one line. */
const CITY_REGION_POSTCODE = new Set(['US', 'CA', 'AU', 'NZ'])
/** Countries that write the town and the postcode on lines of their own. */
const CITY_THEN_POSTCODE = new Set(['GB', 'IE'])

let regionNames: Intl.DisplayNames | null | undefined
function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(undefined, { type: 'region' })
    } catch {
      regionNames = null
    }
  }
  try {
    return regionNames?.of(code) ?? code
  } catch {
    return code
  }
}

export function addressLines(address: Address): string[] {
  const { line1, line2, city, region, postalCode, country } = address
  const lines = [line1]
  if (line2) lines.push(line2)
  if (CITY_REGION_POSTCODE.has(country)) {
    lines.push(`${city}${region ? `, ${region}` : ''} ${postalCode}`.trim())
  } else if (CITY_THEN_POSTCODE.has(country)) {
    lines.push(city)
    if (region) lines.push(region)
    lines.push(postalCode)
  } else {
    lines.push(`${postalCode} ${city}`.trim())
    if (region) lines.push(region)
  }
  lines.push(countryName(country))
  return lines
}
