// A customer's address in one of the demo areas: a house or a flat in a neighbourhood, a geocode
// near its centre (a few have none), now and then confidential.
import type { Address, LatLng } from '../../contract/schemas.ts'
import { offsetByMetres } from '../geo.ts'
import type { Area } from '../names.ts'
import type { Random } from '../random.ts'

export interface AddressPlan {
  address: Address & { location: LatLng | null }
  apartment: boolean
  houseNumber: string
  unit: string | null
  /** Photos of deliveries here are withheld ('confidential_address'). */
  confidential: boolean
}

export function makeAddress(rng: Random, area: Area): AddressPlan {
  const hood = rng.pick(area.neighbourhoods)
  const apartment = rng.chance(hood.apartmentShare)
  const houseNumber = String(rng.int(hood.houseNumbers[0], hood.houseNumbers[1]))
  const unit = apartment ? unitNumber(rng) : null
  const line2 = unit ? unitLine(rng, unit) : rng.chance(0.02) ? 'Rear entrance' : null
  const location = rng.chance(0.005)
    ? null
    : offsetByMetres(hood.center, rng.float(40, 900), rng.float(0, 360))
  return {
    address: {
      line1: `${houseNumber} ${rng.pick(hood.streets)}`,
      line2,
      city: hood.city,
      region: area.region,
      postalCode: rng.pick(hood.postalCodes),
      country: 'US',
      location,
    },
    apartment,
    houseNumber,
    unit,
    confidential: rng.chance(0.02),
  }
}

function unitNumber(rng: Random): string {
  return rng.weighted<string>([
    [`${rng.int(1, 9)}${rng.pick(['A', 'B', 'C', 'D', 'E', 'F'])}`, 3],
    [String(rng.int(101, 1450)), 4],
    [String(rng.int(1, 40)), 2],
  ])
}

function unitLine(rng: Random, unit: string): string {
  return rng.weighted<string>([
    [`Apt ${unit}`, 5],
    [`Unit ${unit}`, 3],
    [`#${unit}`, 2],
  ])
}
