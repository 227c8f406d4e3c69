// The generated world: deterministic, and shaped like the data the app's features rely on.
import { describe, expect, it } from 'vitest'
import { distanceMetres } from '../../../electron/core/demo-service/geo.ts'
import { COLLEAGUES } from '../../../electron/core/demo-service/names.ts'
import { generateWorld } from '../../../electron/core/demo-service/generate.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
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

  it('spreads deliveries over the 60 days before the anchor, in three areas', () => {
    const earliest = ANCHOR.getTime() - 62 * 86_400_000
    for (const d of deliveries) {
      const at = Date.parse(d.updatedAt)
      expect(at).toBeLessThan(ANCHOR.getTime())
      expect(at).toBeGreaterThan(earliest)
    }
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
    expect(far).toBeGreaterThan(0.015)
    expect(far).toBeLessThan(0.06)
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
