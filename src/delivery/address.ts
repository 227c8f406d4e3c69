// A postal address as lines, in the order the destination country writes them, so an agent can
// read it back to a customer the way they know it.
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { currentLocale } from '../../electron/core/messages/messages.ts'

type Address = DeliveryDetail['address']

/** Countries that write "City, Region Postcode" on one line. */
const CITY_REGION_POSTCODE = new Set(['US', 'CA', 'AU', 'NZ'])
/** Countries that write the town and the postcode on lines of their own. */
const CITY_THEN_POSTCODE = new Set(['GB', 'IE'])

/** Country names in the locale spoken ("United States", "Estados Unidos"), made once each. */
const regionNames = new Map<string, Intl.DisplayNames | null>()
function countryName(code: string): string {
  const locale = currentLocale()
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames(locale, { type: 'region' }))
    } catch {
      regionNames.set(locale, null)
    }
  }
  try {
    return regionNames.get(locale)?.of(code) ?? code
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
