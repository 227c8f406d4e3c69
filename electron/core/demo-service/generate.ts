// Generates the demo world's starting content from (seed, size, anchor): deliveries with their
// photo scenes, and the scripts of the cases agents already opened. Pure: no I/O, no clock, no
// Math.random, so the same inputs give the same world down to the byte.
import type { Address, CaseEvent, CaseReason, Fix, LatLng } from '../contract/schemas.ts'
import { DEMO_ACCOUNTS } from './accounts.ts'
import { distanceMetres, offsetByMetres, roundTo } from './geo.ts'
import {
  formatOffset,
  fromLocal,
  isoSeconds,
  localParts,
  pad,
  utcOffsetMinutes,
  zoneAbbreviation,
} from './local-time.ts'
import {
  APARTMENT_SPOTS,
  AREAS,
  ATTEMPT_NOTES,
  CASE_NOTES,
  COLLEAGUES,
  DRIVER_HABITS,
  DRIVER_NAMES,
  DRIVER_NOTES,
  FEATURED_CUSTOMERS,
  HOUSE_SPOTS,
  ITEM_TITLES,
  NAME_CULTURES,
  RESOLUTION_NOTES,
  RETURN_NOTES,
} from './names.ts'
import type { Area, NamePart } from './names.ts'
import { createRandom, hashSeed } from './random.ts'
import type { Random } from './random.ts'
import type { DeliveryDraft, DropOffSpot, PhotoDraft, PhotoReuse, PhotoScene } from './types.ts'

/**
 * Bump when anything that shapes records or photo bytes changes: it names the photo cache folder
 * and goes into sync cursors, so stale caches and cursors are never mixed with a new world.
 */
export const GENERATOR_VERSION = 4

export const WORLD_DAYS = 60

export interface GenerateOptions {
  seed: number
  deliveries: number
  anchor: Date
}

export interface SeedCaseStep {
  /** baseVersion is filled in when the step is applied. */
  event: Omit<CaseEvent, 'baseVersion'>
  userId: string
}

export interface SeedCase {
  caseId: string
  steps: SeedCaseStep[]
}

export interface GeneratedWorld {
  /** In server order: oldest change first. */
  deliveries: DeliveryDraft[]
  scenes: Map<string, PhotoScene>
  seedCases: SeedCase[]
  /** The first version number of this world's records (see versionBaseFor). */
  versionBase: number
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const SKU_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const DAY_MS = 86_400_000

/**
 * Records of a world start at a version derived from its anchor day. The default anchor is today,
 * so a client that synced yesterday's world keeps the same ids; giving today's copies higher
 * versions lets them replace yesterday's under the contract's "higher version wins" rule.
 */
export function versionBaseFor(anchor: Date): number {
  const days = Math.floor((anchor.getTime() - Date.UTC(2025, 0, 1)) / DAY_MS)
  return Math.max(0, days) * 100 + 1
}

interface AddressPlan {
  address: Address & { location: LatLng | null }
  apartment: boolean
  houseNumber: string
  unit: string | null
  confidential: boolean
}

interface Customer {
  id: string
  name: string
  email: string | null
  phone: string | null
  area: Area
  home: AddressPlan
  work: AddressPlan | null
  optedOut: boolean
}

interface Driver {
  id: string
  name: string
  /**
   * What makes this driver worth a look: 'reuses' sends earlier photos again (the same file, or
   * one saved again), 'far' marks parcels delivered far from the address much more often.
   */
  habit: 'reuses' | 'far' | null
}

/** Strips marks and folds letters that have no decomposition, for email handles. */
export function transliterate(text: string): string {
  const folded: Record<string, string> = {
    ł: 'l',
    Ł: 'L',
    ø: 'o',
    Ø: 'O',
    đ: 'd',
    Đ: 'D',
    ß: 'ss',
    æ: 'ae',
    Æ: 'AE',
    ı: 'i',
    œ: 'oe',
  }
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐßæÆıœ]/g, (letter) => folded[letter] ?? letter)
}

function handleOf(part: NamePart | string): string {
  const ascii = typeof part === 'string' ? transliterate(part) : (part.ascii ?? part.text)
  return ascii.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function textOf(part: NamePart | string): string {
  return typeof part === 'string' ? part : part.text
}

export function generateWorld(options: GenerateOptions): GeneratedWorld {
  const { seed, anchor } = options
  const rng = createRandom(hashSeed('world', seed))
  const versionBase = versionBaseFor(anchor)
  const usedIds = new Set<string>()
  const uniqueId = (prefix: string, length: number): string => {
    for (;;) {
      const id = `${prefix}${rng.chars(length, ID_ALPHABET)}`
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }

  const drivers = new Map<Area, Driver[]>(AREAS.map((area) => [area, []]))
  DRIVER_NAMES.forEach((name, index) => {
    const area = AREAS[index % AREAS.length] as Area
    const habit = DRIVER_HABITS[name] ?? null
    drivers.get(area)?.push({ id: uniqueId('drv_', 6), name, habit })
  })

  const phonePools = new Map<Area, string[]>()
  for (const area of AREAS) {
    const pool: string[] = []
    // 555-0100…0199 is the range reserved for fiction, so no real line is ever shown.
    for (const code of area.areaCodes) for (let n = 100; n < 200; n++) pool.push(`${code}0${n}`)
    phonePools.set(area, pool)
  }
  const usedEmails = new Set<string>()
  const featured = [...FEATURED_CUSTOMERS]
  const customersByArea = new Map<Area, Customer[]>(AREAS.map((area) => [area, []]))

  const makeAddress = (area: Area): AddressPlan => {
    const hood = rng.pick(area.neighbourhoods)
    const apartment = rng.chance(hood.apartmentShare)
    const houseNumber = String(rng.int(hood.houseNumbers[0], hood.houseNumbers[1]))
    let unit: string | null = null
    if (apartment) {
      unit = rng.weighted<string>([
        [`${rng.int(1, 9)}${rng.pick(['A', 'B', 'C', 'D', 'E', 'F'])}`, 3],
        [String(rng.int(101, 1450)), 4],
        [String(rng.int(1, 40)), 2],
      ])
    }
    const line2 = unit
      ? rng.weighted<string>([
          [`Apt ${unit}`, 5],
          [`Unit ${unit}`, 3],
          [`#${unit}`, 2],
        ])
      : rng.chance(0.02)
        ? 'Rear entrance'
        : null
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

  const makePhone = (area: Area): string | null => {
    const pool = phonePools.get(area) ?? []
    if (pool.length === 0 || rng.chance(0.07)) return null
    const digits = pool.splice(rng.int(0, pool.length - 1), 1)[0] as string
    const [code, tail] = [digits.slice(0, 3), digits.slice(3)]
    return rng.weighted<string>([
      [`+1${code}555${tail}`, 5],
      [`(${code}) 555-${tail}`, 3],
      [`${code}-555-${tail}`, 2],
    ])
  }

  const makeEmail = (given: string, family: string): string | null => {
    if (rng.chance(0.08)) return null
    const domain = rng.pick(['example.com', 'example.net', 'example.org'])
    const local = rng.weighted<string>([
      [`${given}.${family}`, 5],
      [`${given}${family}${rng.int(1, 99)}`, 2],
      [`${given.slice(0, 1)}${family}`, 2],
      [`${family}.${given}`, 1],
    ])
    let email = `${local}@${domain}`
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`
    usedEmails.add(email)
    return email
  }

  const makeCustomer = (area: Area): Customer => {
    let name: string
    let given: string
    let family: string
    const star = featured.shift()
    if (star) {
      name = star.name
      ;[given, family] = star.handle.split('.') as [string, string]
    } else {
      const culture = rng.weighted(NAME_CULTURES.map((c) => [c, c.weight] as const))
      const g = rng.pick(culture.given)
      const f = rng.pick(culture.family)
      const [first, second] = culture.familyFirst ? [f, g] : [g, f]
      name = `${textOf(first)}${culture.joined ? '' : ' '}${textOf(second)}`
      given = handleOf(g)
      family = handleOf(f)
    }
    const customer: Customer = {
      id: uniqueId('cus_', 8),
      name,
      email: makeEmail(given, family),
      phone: makePhone(area),
      area,
      home: makeAddress(area),
      work: null,
      optedOut: rng.chance(0.03),
    }
    customersByArea.get(area)?.push(customer)
    return customer
  }

  const usedOrders = new Set<string>()
  const orderId = (): string => {
    for (;;) {
      const id = `${rng.int(111, 114)}-${rng.chars(7, '0123456789')}-${rng.chars(7, '0123456789')}`
      if (!usedOrders.has(id)) {
        usedOrders.add(id)
        return id
      }
    }
  }
  const trackingNumber = (): string => {
    for (;;) {
      const id = `TBA${rng.int(1, 9)}${rng.chars(11, '0123456789')}`
      if (!usedOrders.has(id)) {
        usedOrders.add(id)
        return id
      }
    }
  }

  const latest = anchor.getTime() - 30 * 60_000
  const deliveryTime = (area: Area): Date => {
    let daysBack = rng.int(1, WORLD_DAYS)
    const day = new Date(anchor.getTime() - daysBack * DAY_MS)
    // Fewer Sunday rounds, as in a real network.
    if (day.getUTCDay() === 0 && rng.chance(0.5)) daysBack = Math.min(WORLD_DAYS, daysBack + 1)
    const date = new Date(
      Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() - daysBack),
    )
    const hour = rng.weighted<number>([
      [9, 5],
      [10, 7],
      [11, 8],
      [12, 9],
      [13, 10],
      [14, 11],
      [15, 11],
      [16, 10],
      [17, 9],
      [18, 7],
      [19, 5],
      [20, 3],
    ])
    let instant = fromLocal(
      area.timeZone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hour,
      rng.int(0, 59),
      rng.int(0, 59),
    )
    if (instant.getTime() > latest) instant = new Date(instant.getTime() - DAY_MS)
    return instant
  }

  const scenes = new Map<string, PhotoScene>()
  const drafts: DeliveryDraft[] = []
  const farDropOffs = new Set<string>()
  const driverOf = new Map<string, Driver>()
  const eventTimes = new Map<string, number>()

  for (let index = 0; index < options.deliveries; index++) {
    const area = rng.weighted(AREAS.map((a) => [a, a.weight] as const))
    const pool = customersByArea.get(area) ?? []
    let customer: Customer
    const repeat = pool.length > 0 && rng.chance(0.4)
    if (repeat) {
      // A power above 1 skews repeats towards the first customers, so some order often.
      customer = pool[Math.floor(pool.length * rng.next() ** 1.7)] as Customer
    } else {
      customer = makeCustomer(area)
    }
    let plan = customer.home
    if (repeat && rng.chance(0.08)) {
      customer.work ??= makeAddress(area)
      plan = customer.work
    }

    const id = uniqueId('dlv_', 10)
    const order = orderId()
    const tracking = trackingNumber()
    const status = rng.weighted<'delivered' | 'attempted' | 'returned'>([
      ['delivered', 92],
      ['attempted', 5],
      ['returned', 3],
    ])
    const happenedAt = deliveryTime(area)
    eventTimes.set(id, happenedAt.getTime())

    const photoWithheld = customer.optedOut
      ? 'customer_opted_out'
      : plan.confidential
        ? 'confidential_address'
        : rng.chance(0.03)
          ? 'gift_or_registry'
          : null

    let spot: DropOffSpot
    let note: string | null
    if (status === 'delivered') {
      spot = rng.weighted(plan.apartment ? APARTMENT_SPOTS : HOUSE_SPOTS)
      note = rng.chance(0.6) ? rng.pick(DRIVER_NOTES[spot]) : null
    } else if (status === 'attempted') {
      spot = rng.chance(0.8) ? 'front_door' : 'other'
      note = rng.pick(ATTEMPT_NOTES)
    } else {
      spot = 'other'
      note = rng.pick(RETURN_NOTES)
    }

    // Drivers with a habit get more rounds, so even a small world shows it.
    const areaDrivers = drivers.get(area) ?? []
    const driver = rng.weighted(areaDrivers.map((d) => [d, d.habit ? 4 : 1] as const))

    const home = plan.address.location
    let dropFix: Fix | null = null
    if (home && !(status === 'returned' && rng.chance(0.5)) && !rng.chance(0.01)) {
      // A few percent are marked delivered far from the address: the wrong street, the wrong
      // building, or a driver who tapped "delivered" too early.
      const far = status === 'delivered' && rng.chance(driver.habit === 'far' ? 0.2 : 0.035)
      if (far) farDropOffs.add(id)
      const spotDistance = far ? rng.float(200, 2000) : rng.float(5, 40)
      dropFix = {
        ...offsetByMetres(home, spotDistance, rng.float(0, 360)),
        accuracyM: roundTo(far ? rng.float(3, 12) : rng.float(3, 25), 1),
      }
    }

    const photos: PhotoDraft[] = []
    const photoCount =
      photoWithheld !== null || status === 'returned'
        ? 0
        : status === 'attempted'
          ? rng.chance(0.6)
            ? 1
            : 0
          : rng.weighted<number>([
              [1, 65],
              [2, 27],
              [3, 8],
            ])
    let takenAt = happenedAt.getTime() - rng.int(5, 90) * 1000
    for (let p = 0; p < photoCount; p++) {
      if (p > 0) takenAt += rng.int(4, 40) * 1000
      const portrait = rng.chance(0.22)
      const near = dropFix ?? home
      const photoFix: Fix | null =
        near && !rng.chance(0.02)
          ? {
              ...offsetByMetres(near, rng.float(0, dropFix ? 10 : 30), rng.float(0, 360)),
              accuracyM: roundTo(rng.float(3, 25), 1),
            }
          : null
      const photo: PhotoDraft = {
        id: uniqueId('pho_', 12),
        contentType: 'image/jpeg',
        width: portrait ? 600 : 800,
        height: portrait ? 800 : 600,
        takenAt: isoSeconds(takenAt),
        location: photoFix,
      }
      photos.push(photo)
      scenes.set(
        photo.id,
        sceneFor(photo, {
          spot,
          orderId: order,
          trackingNumber: tracking,
          timeZone: area.timeZone,
          doorNumber:
            spot === 'front_door' || spot === 'porch'
              ? (plan.unit ?? plan.houseNumber)
              : spot === 'neighbor'
                ? plan.unit
                  ? String(Number.parseInt(plan.unit, 10) + 1 || 12)
                  : String(Number(plan.houseNumber) + 2)
                : null,
          indoors: plan.apartment,
          seed: hashSeed('photo', seed, photo.id),
        }),
      )
    }

    const itemCount = rng.weighted<number>([
      [1, 60],
      [2, 28],
      [3, 12],
    ])
    const items = Array.from({ length: itemCount }, () => ({
      sku: rng.chance(0.9) ? `B0${rng.chars(8, SKU_ALPHABET)}` : null,
      title: rng.pick(ITEM_TITLES),
      quantity: rng.chance(0.85) ? 1 : rng.int(2, 3),
    }))

    let version = versionBase
    let updatedAt = Math.min(latest, happenedAt.getTime() + rng.int(60, 1200) * 1000)
    if (rng.chance(0.05)) {
      // A later correction by the driver: a second version of the record.
      version += 1
      updatedAt = Math.min(latest, updatedAt + rng.int(1, 30) * 3_600_000)
      note = `${note ?? 'Delivered'} (updated by driver)`
    }

    driverOf.set(id, driver)
    drafts.push({
      id,
      version,
      updatedAt: isoSeconds(updatedAt),
      orderId: order,
      trackingNumber: tracking,
      status,
      deliveredAt: status === 'delivered' ? isoSeconds(happenedAt) : null,
      customer: {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
      },
      address: { ...plan.address },
      dropOff: { spot, note, location: dropFix },
      driver: { id: driver.id, name: driver.name },
      photos,
      photoWithheld,
      items,
    })
  }

  reusePhotos(rng, drafts, scenes, (id) => driverOf.get(id)?.habit === 'reuses')
  drafts.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))
  const seedCases = generateSeedCases(rng, drafts, farDropOffs, eventTimes, latest)
  return { deliveries: drafts, scenes, seedCases, versionBase }
}

/**
 * The reusing driver's later deliveries: about a third carry, as their first photo, one of their
 * own earlier photos of another address (the same file, or saved again), so the console has
 * reused photos and look-alikes to find.
 */
function reusePhotos(
  rng: Random,
  drafts: ReadonlyArray<DeliveryDraft>,
  scenes: Map<string, PhotoScene>,
  reuses: (deliveryId: string) => boolean,
): void {
  const theirs = drafts
    .filter((d) => reuses(d.id) && d.status === 'delivered' && d.photos.length > 0)
    .sort(
      (a, b) =>
        (a.deliveredAt ?? '').localeCompare(b.deliveredAt ?? '') || a.id.localeCompare(b.id),
    )
  const originals: DeliveryDraft[] = []
  for (const delivery of theirs) {
    const sources = originals.filter((o) => o.address.line1 !== delivery.address.line1)
    if (originals.length < 3 || sources.length === 0 || !rng.chance(0.35)) {
      originals.push(delivery)
      continue
    }
    const source = scenes.get((rng.pick(sources).photos[0] as PhotoDraft).id) as PhotoScene
    const photo = delivery.photos[0] as PhotoDraft
    const reuse = rng.weighted<PhotoReuse>([
      [{ kind: 'same' }, 3],
      [{ kind: 'reencoded', quality: rng.int(45, 60) }, 2],
      [{ kind: 'resized', scale: 0.75 }, 1],
      [{ kind: 'cropped', fraction: 0.01 }, 2],
      [{ kind: 'brightened', factor: 1.08 }, 1],
    ])
    const size = photoSize(source, reuse)
    photo.width = size.width
    photo.height = size.height
    scenes.set(photo.id, { ...source, photoId: photo.id, reuse })
  }
}

function photoSize(scene: PhotoScene, reuse: PhotoReuse): { width: number; height: number } {
  if (reuse.kind === 'resized') {
    const width = Math.round(scene.width * reuse.scale)
    return { width, height: Math.round((scene.height * width) / scene.width) }
  }
  if (reuse.kind === 'cropped') {
    return {
      width: scene.width - 2 * Math.round(scene.width * reuse.fraction),
      height: scene.height - 2 * Math.round(scene.height * reuse.fraction),
    }
  }
  return { width: scene.width, height: scene.height }
}

interface SceneContext {
  spot: DropOffSpot
  orderId: string
  trackingNumber: string
  timeZone: string
  doorNumber: string | null
  indoors: boolean
  seed: number
}

const SPOT_LABELS: Readonly<Record<DropOffSpot, string>> = {
  front_door: 'FRONT DOOR',
  back_door: 'BACK DOOR',
  porch: 'PORCH',
  garage: 'GARAGE',
  mailroom: 'MAILROOM',
  leasing_office: 'LEASING OFFICE',
  locker: 'LOCKER',
  neighbor: 'NEIGHBOR',
  other: 'OTHER',
}

function sceneFor(photo: PhotoDraft, context: SceneContext): PhotoScene {
  const instant = new Date(photo.takenAt)
  const local = localParts(instant, context.timeZone)
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`
  const fix = photo.location ?? null
  const where = fix ? `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)}` : 'NO GPS FIX'
  return {
    photoId: photo.id,
    spot: context.spot,
    width: photo.width ?? 800,
    height: photo.height ?? 600,
    seed: context.seed,
    caption: [
      `${context.trackingNumber}  ${context.orderId}`,
      `${date} ${time.slice(0, 5)} ${zoneAbbreviation(instant, context.timeZone)}`,
      `${SPOT_LABELS[context.spot]}  ${where}`,
    ],
    localHour: local.hour,
    doorNumber: context.doorNumber,
    indoors: context.indoors,
    localDateTime: `${date.replaceAll('-', ':')} ${time}`,
    utcOffset: formatOffset(utcOffsetMinutes(instant, context.timeZone)),
    location: fix ? { lat: fix.lat, lng: fix.lng } : null,
  }
}

const AGENT = DEMO_ACCOUNTS.find((account) => account.role === 'agent')?.userId ?? 'agent'
const SUPERVISOR =
  DEMO_ACCOUNTS.find((account) => account.role === 'supervisor')?.userId ?? 'supervisor'
/** Colleagues on other consoles (names.ts): some cases are theirs, one of them no longer listed. */
const OTHER_AGENTS = COLLEAGUES.filter((c) => c.role === 'agent').map((c) => c.id)
const OTHER_SUPERVISORS = COLLEAGUES.filter((c) => c.role === 'supervisor').map((c) => c.id)

function generateSeedCases(
  rng: Random,
  deliveries: ReadonlyArray<DeliveryDraft>,
  farDropOffs: ReadonlySet<string>,
  eventTimes: ReadonlyMap<string, number>,
  latest: number,
): SeedCase[] {
  // Hundreds in the app's demo world (2,000 deliveries): a queue and a report worth reading.
  const wanted = Math.min(400, Math.max(6, Math.round(deliveries.length / 8)))
  const candidates = deliveries.filter(
    (delivery) => (eventTimes.get(delivery.id) ?? latest) < latest - DAY_MS,
  )
  const chosen = new Set<DeliveryDraft>()
  const table = candidates.map((delivery) => {
    const weight = farDropOffs.has(delivery.id) ? 8 : delivery.status === 'delivered' ? 1 : 0.5
    return [delivery, weight] as const
  })
  for (
    let tries = 0;
    chosen.size < Math.min(wanted, candidates.length) && tries < wanted * 50;
    tries++
  ) {
    chosen.add(rng.weighted(table))
  }

  const cases: SeedCase[] = []
  for (const delivery of chosen) {
    const steps: SeedCaseStep[] = []
    let at = Math.min(
      latest - 6 * 3_600_000,
      (eventTimes.get(delivery.id) ?? latest) + rng.int(2 * 60, 5 * 24 * 60) * 60_000,
    )
    const stepTime = (): string => {
      at = Math.min(latest - 60_000, at + rng.int(20, 30 * 60) * 60_000)
      return isoSeconds(at)
    }
    // The demo accounts do most of the work; colleagues on other consoles the rest.
    const someone = (): string =>
      rng.weighted<string>([
        [AGENT, 60],
        [SUPERVISOR, 20],
        ...OTHER_AGENTS.map((id) => [id, 5] as const),
        ...OTHER_SUPERVISORS.map((id) => [id, 3] as const),
      ])
    const far =
      farDropOffs.has(delivery.id) ||
      (delivery.dropOff.location && delivery.address.location
        ? distanceMetres(delivery.dropOff.location, delivery.address.location) > 150
        : false)
    const reason: CaseReason = far
      ? 'wrong_location'
      : delivery.photoWithheld !== null || delivery.photos.length === 0
        ? rng.chance(0.8)
          ? 'not_received'
          : 'other'
        : rng.weighted<CaseReason>([
            ['not_received', 55],
            ['photo_dispute', 15],
            ['damaged', 12],
            ['wrong_location', 8],
            ['other', 10],
          ])
    const opener = someone()
    steps.push({
      userId: opener,
      event: {
        id: rng.uuid(),
        type: 'opened',
        occurredAt: isoSeconds(at),
        deliveryId: delivery.id,
        reason,
        note: rng.chance(0.6) ? rng.pick(CASE_NOTES) : null,
      },
    })
    if (rng.chance(0.7)) {
      steps.push({
        userId: rng.chance(0.5) ? opener : SUPERVISOR,
        event: {
          id: rng.uuid(),
          type: 'assigned',
          occurredAt: stepTime(),
          assigneeId: rng.weighted<string>([
            [AGENT, 55],
            [SUPERVISOR, 20],
            ...OTHER_AGENTS.map((id) => [id, 6] as const),
            ...OTHER_SUPERVISORS.map((id) => [id, 3] as const),
          ]),
        },
      })
    }
    const target = rng.weighted<'open' | 'investigating' | 'awaiting_customer' | 'resolved'>([
      ['open', 25],
      ['investigating', 28],
      ['awaiting_customer', 15],
      ['resolved', 32],
    ])
    const addNotes = (max: number): void => {
      for (let n = rng.int(0, max); n > 0; n--) {
        steps.push({
          userId: someone(),
          event: {
            id: rng.uuid(),
            type: 'note_added',
            occurredAt: stepTime(),
            note: rng.pick(CASE_NOTES),
          },
        })
      }
    }
    const setStatus = (status: 'open' | 'investigating' | 'awaiting_customer'): void => {
      steps.push({
        userId: someone(),
        event: { id: rng.uuid(), type: 'status_changed', occurredAt: stepTime(), status },
      })
    }
    const resolve = (): void => {
      steps.push({
        userId: someone(),
        event: {
          id: rng.uuid(),
          type: 'resolved',
          occurredAt: stepTime(),
          resolutionCode: rng.weighted([
            ['refund_issued', 30],
            ['replacement_sent', 20],
            ['found_by_customer', 18],
            ['delivered_to_neighbor', 12],
            ['carrier_claim', 8],
            ['no_action', 12],
          ] as const),
          note: rng.chance(0.7) ? rng.pick(RESOLUTION_NOTES) : null,
        },
      })
    }

    addNotes(1)
    if (target !== 'open') setStatus('investigating')
    addNotes(2)
    if (target === 'awaiting_customer') setStatus('awaiting_customer')
    if (target === 'resolved') {
      if (rng.chance(0.3)) setStatus('awaiting_customer')
      resolve()
    }
    if (target === 'open' && rng.chance(0.2)) {
      // Resolved once, then reopened by a supervisor when the customer wrote back.
      resolve()
      steps.push({
        userId: SUPERVISOR,
        event: {
          id: rng.uuid(),
          type: 'reopened',
          occurredAt: stepTime(),
          note: 'Customer wrote back: the parcel was not with the neighbour after all.',
        },
      })
    }
    cases.push({ caseId: rng.uuid(), steps })
  }
  return cases
}
