// One delivery record of the world: its customer and address, driver, status and time, where it
// was left (a few percent far from the address, more for the drivers with that habit), whether
// its photos are withheld and why, its photos, items and version.
import type { Fix, LatLng } from '../../contract/schemas.ts'
import { offsetByMetres, roundTo } from '../geo.ts'
import { isoSeconds } from '../local-time.ts'
import {
  APARTMENT_SPOTS,
  AREAS,
  ATTEMPT_NOTES,
  DRIVER_NOTES,
  HOUSE_SPOTS,
  ITEM_TITLES,
  RETURN_NOTES,
} from '../names.ts'
import type { Random } from '../random.ts'
import type { DeliveryDraft, DropOffSpot, PhotoScene } from '../types.ts'
import type { AddressPlan } from './addresses.ts'
import type { Customer, Customers } from './customers.ts'
import { deliveryTime } from './delivery-time.ts'
import type { Driver, Drivers } from './drivers.ts'
import type { WorldIds } from './ids.ts'
import { makePhotos } from './photos.ts'

const SKU_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export interface WorldMakers {
  rng: Random
  ids: WorldIds
  customers: Customers
  drivers: Drivers
  scenes: Map<string, PhotoScene>
  seed: number
  anchor: Date
  versionBase: number
  /** No record is later than this. */
  latest: number
}

export interface MadeDelivery {
  draft: DeliveryDraft
  driver: Driver
  /** When it was delivered, attempted or returned. */
  happenedAt: number
  /** Marked delivered far (200 m to 2 km) from the address. */
  far: boolean
  /** Drawn for the day before the anchor: too recent for a seeded case. */
  lastDay: boolean
}

type Status = DeliveryDraft['status']

export function makeDelivery(world: WorldMakers): MadeDelivery {
  const { rng, ids } = world
  const area = rng.weighted(AREAS.map((a) => [a, a.weight] as const))
  const { customer, plan } = world.customers.forDelivery(area)
  const id = ids.unique('dlv_', 10)
  const orderId = ids.orderId()
  const trackingNumber = ids.trackingNumber()
  const status = rng.weighted<Status>([
    ['delivered', 92],
    ['attempted', 5],
    ['returned', 3],
  ])
  const { instant: happenedAt, daysBack } = deliveryTime(rng, area, world.anchor, world.latest)
  const photoWithheld = withheldReason(rng, customer, plan)
  const dropOff = spotAndNote(rng, status, plan)
  const driver = world.drivers.pick(area)
  const { fix: dropFix, far } = dropOffFix(rng, status, driver, plan.address.location)
  const photos = makePhotos(
    rng,
    ids,
    {
      ...{ status, photoWithheld, happenedAt, spot: dropOff.spot, dropFix, plan, orderId },
      ...{ trackingNumber, timeZone: area.timeZone, seed: world.seed },
    },
    world.scenes,
  )
  const items = itemsOf(rng)
  const { version, updatedAt, corrected } = versionOf(world, happenedAt.getTime())
  const note = corrected ? `${dropOff.note ?? 'Delivered'} (updated by driver)` : dropOff.note
  const draft: DeliveryDraft = {
    id,
    version,
    updatedAt: isoSeconds(updatedAt),
    orderId,
    trackingNumber,
    status,
    deliveredAt: status === 'delivered' ? isoSeconds(happenedAt) : null,
    customer: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
    },
    address: { ...plan.address },
    dropOff: { spot: dropOff.spot, note, location: dropFix },
    driver: { id: driver.id, name: driver.name },
    photos,
    photoWithheld,
    items,
  }
  return { draft, driver, happenedAt: happenedAt.getTime(), far, lastDay: daysBack === 1 }
}

function withheldReason(
  rng: Random,
  customer: Customer,
  plan: AddressPlan,
): DeliveryDraft['photoWithheld'] {
  if (customer.optedOut) return 'customer_opted_out'
  if (plan.confidential) return 'confidential_address'
  return rng.chance(0.03) ? 'gift_or_registry' : null
}

function spotAndNote(
  rng: Random,
  status: Status,
  plan: AddressPlan,
): { spot: DropOffSpot; note: string | null } {
  if (status === 'delivered') {
    const spot = rng.weighted(plan.apartment ? APARTMENT_SPOTS : HOUSE_SPOTS)
    return { spot, note: rng.chance(0.6) ? rng.pick(DRIVER_NOTES[spot]) : null }
  }
  if (status === 'attempted') {
    const spot: DropOffSpot = rng.chance(0.8) ? 'front_door' : 'other'
    return { spot, note: rng.pick(ATTEMPT_NOTES) }
  }
  return { spot: 'other', note: rng.pick(RETURN_NOTES) }
}

/**
 * Where the driver marked it left. A few percent are marked delivered far from the address: the
 * wrong street, the wrong building, or a driver who tapped "delivered" too early.
 */
function dropOffFix(
  rng: Random,
  status: Status,
  driver: Driver,
  home: LatLng | null,
): { fix: Fix | null; far: boolean } {
  if (!home || (status === 'returned' && rng.chance(0.5)) || rng.chance(0.01)) {
    return { fix: null, far: false }
  }
  const far = status === 'delivered' && rng.chance(driver.habit === 'far' ? 0.2 : 0.035)
  const distance = far ? rng.float(200, 2000) : rng.float(5, 40)
  const fix: Fix = {
    ...offsetByMetres(home, distance, rng.float(0, 360)),
    accuracyM: roundTo(far ? rng.float(3, 12) : rng.float(3, 25), 1),
  }
  return { fix, far }
}

function itemsOf(rng: Random): DeliveryDraft['items'] {
  const count = rng.weighted<number>([
    [1, 60],
    [2, 28],
    [3, 12],
  ])
  return Array.from({ length: count }, () => ({
    sku: rng.chance(0.9) ? `B0${rng.chars(8, SKU_ALPHABET)}` : null,
    title: rng.pick(ITEM_TITLES),
    quantity: rng.chance(0.85) ? 1 : rng.int(2, 3),
  }))
}

/** The record's version: one in twenty was corrected by the driver later (a second version). */
function versionOf(
  world: WorldMakers,
  happenedAt: number,
): { version: number; updatedAt: number; corrected: boolean } {
  const { rng, latest } = world
  const updatedAt = Math.min(latest, happenedAt + rng.int(60, 1200) * 1000)
  if (!rng.chance(0.05)) return { version: world.versionBase, updatedAt, corrected: false }
  return {
    version: world.versionBase + 1,
    updatedAt: Math.min(latest, updatedAt + rng.int(1, 30) * 3_600_000),
    corrected: true,
  }
}
