// The generated world: deterministic, and shaped like the data the app's features rely on.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CASE_STATUSES,
  PHOTO_WITHHELD_REASONS,
  RESOLUTION_CODES,
} from '../../../electron/core/contract/schemas.ts'
import { distanceMetres } from '../../../electron/core/demo-service/geo.ts'
import { COLLEAGUES, DRIVER_HABITS } from '../../../electron/core/demo-service/names.ts'
import { generateWorld, WORLD_DAYS } from '../../../electron/core/demo-service/generate.ts'
import { DemoWorld, type DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { ANCHOR } from './helpers.ts'

const world = generateWorld({ seed: 1, deliveries: 2000, anchor: ANCHOR })
const deliveries: DeliveryDraft[] = world.deliveries

describe('generated world', () => {
  it('is the same for the same seed, size and anchor, and differs for another seed', () => {
    const again = generateWorld({ seed: 1, deliveries: 2000, anchor: ANCHOR })
    expect(JSON.stringify(again.deliveries)).toBe(JSON.stringify(deliveries))
    expect(JSON.stringify([...again.scenes.values()])).toBe(
      JSON.stringify([...world.scenes.values()]),
    )
    expect(JSON.stringify(again.seedCases)).toBe(JSON.stringify(world.seedCases))
    const other = generateWorld({ seed: 2, deliveries: 2000, anchor: ANCHOR })
    expect(other.deliveries[0]?.orderId).not.toBe(deliveries[0]?.orderId)
  })

  it('keeps its ids, people and addresses from one day to the next', () => {
    // The default anchor is today: a console that synced yesterday's world finds the same records
    // (in newer versions), and the README can name what to try.
    const facts = (d: DeliveryDraft) =>
      JSON.stringify([d.id, d.orderId, d.customer, d.address, d.driver, d.photos.map((p) => p.id)])
    const mine = deliveries.map(facts).sort()
    for (const days of [1, 3, 4]) {
      const later = generateWorld({
        seed: 1,
        deliveries: 2000,
        anchor: new Date(ANCHOR.getTime() + days * 86_400_000),
      })
      expect(later.deliveries.map(facts).sort()).toEqual(mine)
      expect(later.seedCases.map((c) => c.caseId)).toEqual(world.seedCases.map((c) => c.caseId))
      expect(later.earlierWork.map((w) => w.caseId)).toEqual(world.earlierWork.map((w) => w.caseId))
      // The same photos reused, as the same copies of the same photos.
      const reuses = (scenes: typeof world.scenes) =>
        [...scenes.values()].map((s) => `${s.photoId} ${s.seed} ${s.reuse?.kind ?? ''}`).sort()
      expect(reuses(later.scenes)).toEqual(reuses(world.scenes))
    }
  })

  it('has unique, realistic ids and a server order by updatedAt', () => {
    expect(deliveries).toHaveLength(2000)
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(2000)
    expect(new Set(deliveries.map((d) => d.orderId)).size).toBe(2000)
    expect(new Set(deliveries.map((d) => d.trackingNumber)).size).toBe(2000)
    for (const d of deliveries) {
      expect(d.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/)
      expect(d.trackingNumber).toMatch(/^TBA\d{12}$/)
    }
    const updated = deliveries.map((d) => d.updatedAt)
    expect([...updated].sort()).toEqual(updated)
  })

  it('spreads deliveries over the 90 days before the anchor, in three areas', () => {
    expect(WORLD_DAYS).toBe(90)
    const day = 86_400_000
    const earliest = ANCHOR.getTime() - (WORLD_DAYS + 2) * day
    const perMonth = [0, 0, 0]
    for (const d of deliveries) {
      const at = Date.parse(d.updatedAt)
      expect(at).toBeLessThan(ANCHOR.getTime())
      expect(at).toBeGreaterThan(earliest)
      const month = Math.floor((ANCHOR.getTime() - at) / (30 * day))
      perMonth[Math.min(2, month)]! += 1
    }
    // Each of the three months before the anchor has its share, the oldest included.
    for (const count of perMonth) expect(count).toBeGreaterThan(deliveries.length / 4)
    const regions = new Map<string, number>()
    for (const d of deliveries)
      regions.set(d.address.region ?? '', (regions.get(d.address.region ?? '') ?? 0) + 1)
    expect([...regions.keys()].sort()).toEqual(['CA', 'VA', 'WA'])
    for (const count of regions.values()) expect(count).toBeGreaterThan(450)
    const cities = new Set(deliveries.map((d) => d.address.city))
    for (const city of ['Seattle', 'San Francisco', 'Arlington', 'Reston', 'Ashburn', 'Fairfax']) {
      expect(cities).toContain(city)
    }
    expect(deliveries.filter((d) => d.address.line2).length).toBeGreaterThan(300)
  })

  it('has diverse customer names, repeat customers and plausible contact details', () => {
    const names = new Set(deliveries.map((d) => d.customer.name))
    for (const name of [
      'José Núñez',
      'Zoë Ødegaard',
      'Nguyễn Thị Mai',
      'Łukasz Żółć',
      '王芳',
      'Ayşe Yılmaz',
    ]) {
      expect(names).toContain(name)
    }
    expect([...names].filter((name) => /[^\x20-\x7e]/.test(name)).length).toBeGreaterThan(100)
    const perCustomer = new Map<string, number>()
    for (const d of deliveries)
      perCustomer.set(d.customer.id, (perCustomer.get(d.customer.id) ?? 0) + 1)
    const repeat = [...perCustomer.values()].filter((count) => count > 1)
    expect(repeat.length).toBeGreaterThan(100)
    expect(Math.max(...perCustomer.values())).toBeGreaterThanOrEqual(5)
    for (const d of deliveries) {
      if (d.customer.email) expect(d.customer.email).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/)
      if (d.customer.phone)
        expect(d.customer.phone).toMatch(
          /^(\+1\d{3}55501\d\d|\(\d{3}\) 555-01\d\d|\d{3}-555-01\d\d)$/,
        )
    }
  })

  it('has about 40 drivers and drop-off spots with realistic frequencies', () => {
    expect(new Set(deliveries.map((d) => d.driver.id)).size).toBeGreaterThanOrEqual(38)
    const spots = new Map<string, number>()
    for (const d of deliveries) spots.set(d.dropOff.spot, (spots.get(d.dropOff.spot) ?? 0) + 1)
    expect(spots.get('front_door')).toBeGreaterThan(500)
    for (const spot of [
      'porch',
      'mailroom',
      'locker',
      'leasing_office',
      'garage',
      'neighbor',
      'back_door',
      'other',
    ]) {
      expect(spots.get(spot) ?? 0).toBeGreaterThan(10)
    }
    const notes = deliveries.filter((d) => d.dropOff.note)
    expect(notes.length).toBeGreaterThan(800)
    expect(notes.length).toBeLessThan(1900)
  })

  it('puts most drop-offs near the address and a few percent far away', () => {
    const distances = deliveries
      .filter((d) => d.dropOff.location && d.address.location)
      .map((d) => distanceMetres(d.dropOff.location!, d.address.location!))
    const near = distances.filter((m) => m >= 4 && m <= 41).length / distances.length
    const far = distances.filter((m) => m >= 199 && m <= 2001).length / distances.length
    expect(near).toBeGreaterThan(0.9)
    // 3.5% of rounds, and a fifth of the far-dropping drivers' (who drive more): 5-6% in all.
    expect(far).toBeGreaterThan(0.03)
    expect(far).toBeLessThan(0.08)
    for (const d of deliveries) {
      const accuracy = d.dropOff.location?.accuracyM
      if (accuracy !== undefined) expect(accuracy >= 3 && accuracy <= 25).toBe(true)
    }
  })

  it('gives delivered records 1-3 photos near the drop-off, and withheld records none', () => {
    const withheld = deliveries.filter((d) => d.photoWithheld !== null)
    expect(withheld.length / deliveries.length).toBeGreaterThan(0.05)
    expect(withheld.length / deliveries.length).toBeLessThan(0.12)
    expect(new Set(withheld.map((d) => d.photoWithheld))).toEqual(
      new Set(['customer_opted_out', 'confidential_address', 'gift_or_registry']),
    )
    for (const d of withheld) expect(d.photos).toEqual([])
    const statuses = new Set(deliveries.map((d) => d.status))
    expect(statuses).toEqual(new Set(['delivered', 'attempted', 'returned']))
    for (const d of deliveries) {
      if (d.status === 'delivered' && d.photoWithheld === null) {
        expect(d.photos.length).toBeGreaterThanOrEqual(1)
        expect(d.photos.length).toBeLessThanOrEqual(3)
        expect(d.deliveredAt).not.toBeNull()
        for (const photo of d.photos) {
          const gap = Math.abs(Date.parse(photo.takenAt) - Date.parse(d.deliveredAt!))
          expect(gap).toBeLessThan(5 * 60_000)
          if (photo.location && d.dropOff.location) {
            expect(distanceMetres(photo.location, d.dropOff.location)).toBeLessThan(12)
          }
        }
      }
      if (d.status === 'returned') expect(d.photos).toEqual([])
    }
  })

  it('seeds hundreds of cases in every status, worked by colleagues named in every script', () => {
    // The app's demo world: a queue and a report worth reading on first start.
    expect(world.seedCases.length).toBeGreaterThanOrEqual(200)
    expect(world.seedCases.length).toBeLessThanOrEqual(400)
    const people = new Set(
      world.seedCases.flatMap((c) =>
        c.steps.flatMap((s) => [s.userId, s.event.assigneeId ?? s.userId]),
      ),
    )
    for (const colleague of COLLEAGUES) expect(people).toContain(colleague.id)
    const reasons = new Set(world.seedCases.map((c) => c.steps[0]?.event.reason))
    expect(reasons.size).toBeGreaterThanOrEqual(4)
    const types = new Set(world.seedCases.flatMap((c) => c.steps.map((s) => s.event.type)))
    expect(types).toEqual(
      new Set(['opened', 'note_added', 'status_changed', 'assigned', 'resolved', 'reopened']),
    )
  })
})

describe('the app’s demo world on first start', () => {
  // What a newcomer can find at once (issue 18): the world as the service holds it when it starts.
  const live = new DemoWorld({
    seed: 1,
    deliveries: 2000,
    anchor: ANCHOR,
    photoCacheDir: join(tmpdir(), 'porchlight-never-rendered'),
    renderPhotos: false,
  })
  const cases = live.cases().filter((c) => !('deleted' in c && c.deleted))
  const deliveryOf = new Map(deliveries.map((d) => [d.id, d]))
  const casesBy = (key: (d: DeliveryDraft) => string) => {
    const counts = new Map<string, number>()
    for (const c of cases) {
      const k = key(deliveryOf.get(c.deliveryId)!)
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    return counts
  }
  const addressKey = (d: DeliveryDraft) =>
    `${d.address.line1}|${d.address.line2 ?? ''}|${d.address.postalCode}`

  it('has cases in every status and every resolution', () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES))
    const codes = cases.flatMap((c) => (c.resolution ? [c.resolution.code] : []))
    expect(new Set(codes)).toEqual(new Set(RESOLUTION_CODES))
  })

  it('has the agent’s offline changes that colleagues overtook: each meets a 409', () => {
    const work = live.earlierWork()
    expect(work).toHaveLength(3)
    for (const { caseId, userId, event } of work) {
      expect(userId).toBe('u_alex_rivera')
      const now = live.case(caseId)!
      // One step came after the version the agent saw: a colleague's, later than the agent's.
      expect(event.baseVersion).toBe(now.version - 1)
      expect(Date.parse(now.updatedAt)).toBeGreaterThan(Date.parse(event.occurredAt))
      expect(live.applyCaseEvent(caseId, event, userId).status).toBe(409)
    }
  })

  it('has repeat claimers: customers and addresses with two or more cases', () => {
    const customers = [...casesBy((d) => d.customer.id).values()].filter((n) => n >= 2)
    const addresses = [...casesBy(addressKey).values()].filter((n) => n >= 2)
    expect(customers.length).toBeGreaterThanOrEqual(10)
    expect(addresses.length).toBeGreaterThanOrEqual(10)
  })

  it('has drivers who drop far from the address much more often than the others', () => {
    const farDrivers = Object.keys(DRIVER_HABITS).filter((n) => DRIVER_HABITS[n] === 'far')
    expect(farDrivers.length).toBeGreaterThanOrEqual(2)
    const farShare = (names: (name: string) => boolean) => {
      const theirs = deliveries.filter(
        (d) => names(d.driver.name) && d.status === 'delivered' && d.dropOff.location,
      )
      const far = theirs.filter(
        (d) => distanceMetres(d.dropOff.location!, d.address.location!) > 150,
      )
      return far.length / theirs.length
    }
    const others = farShare((name) => !farDrivers.includes(name))
    for (const name of farDrivers) expect(farShare((n) => n === name)).toBeGreaterThan(3 * others)
    const wrongPlace = cases.filter(
      (c) =>
        c.reason === 'wrong_location' &&
        farDrivers.includes(deliveryOf.get(c.deliveryId)!.driver.name),
    )
    expect(wrongPlace.length).toBeGreaterThanOrEqual(10)
  })

  it('has one driver who reuses photos, in every way', () => {
    const reusers = new Set<string>()
    const kinds = new Set<string>()
    for (const d of deliveries) {
      for (const p of d.photos) {
        const reuse = world.scenes.get(p.id)?.reuse
        if (!reuse) continue
        reusers.add(d.driver.name)
        kinds.add(reuse.kind)
      }
    }
    expect([...reusers]).toEqual(
      Object.keys(DRIVER_HABITS).filter((n) => DRIVER_HABITS[n] === 'reuses'),
    )
    expect(kinds).toEqual(new Set(['same', 'reencoded', 'resized', 'cropped', 'brightened']))
  })

  it('has addresses with long histories', () => {
    const perAddress = new Map<string, number>()
    for (const d of deliveries)
      perAddress.set(addressKey(d), (perAddress.get(addressKey(d)) ?? 0) + 1)
    const long = [...perAddress.values()].filter((n) => n >= 8)
    expect(long.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...perAddress.values())).toBeGreaterThanOrEqual(15)
  })

  it('has withheld deliveries of each kind, each kind with a case', () => {
    const withheldCases = new Set(
      cases.map((c) => deliveryOf.get(c.deliveryId)!.photoWithheld).filter((w) => w !== null),
    )
    expect(withheldCases).toEqual(new Set(PHOTO_WITHHELD_REASONS))
  })

  it('has people with non-Latin names in the directory, working cases', () => {
    const people = live.people()
    const working = new Set(
      [...live.earlierWork().map((w) => w.userId)].concat(
        world.seedCases.flatMap((c) => c.steps.map((s) => s.userId)),
      ),
    )
    for (const script of [/\p{Script=Arabic}/u, /\p{Script=Han}/u, /\p{Script=Cyrillic}/u]) {
      const named = people.filter((p) => script.test(p.name))
      expect(named.length).toBeGreaterThanOrEqual(1)
      expect(named.some((p) => working.has(p.id))).toBe(true)
    }
  })
})
