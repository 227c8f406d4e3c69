// The evidence a case was opened on is frozen with it: later upstream changes to the delivery
// (another driver, another drop-off, photos erased, the record deleted) are shown as changes next
// to the snapshot, and never change the snapshot itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import {
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let desk: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 55 })
  desk = await signedInConsole(svc.front.url, dirs.make())
})
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

describe('the evidence snapshot of a case', () => {
  it('is stored when the case is opened and stays as it was when the delivery changes upstream', async () => {
    const delivery = svc.deliveries()[0] as DeliveryDraft
    expect(delivery.dropOff.location).toBeTruthy()
    const cached = (await desk.h.getDelivery({ id: delivery.id }))!
    const opened = await desk.h.openCase({ deliveryId: delivery.id, reason: 'wrong_location' })
    const caseId = opened.id
    const snapshot = opened.snapshot!
    expect(snapshot).toMatchObject({
      takenAt: opened.openedAt,
      deliveryVersion: delivery.version,
      deliveredAt: cached.deliveredAt,
      driver: delivery.driver,
      dropOff: { spot: delivery.dropOff.spot, location: cached.dropOff.location },
      photoWithheld: null,
      awayFromAddress: {
        flagged: cached.locationCheck.flagged,
        distanceM: cached.locationCheck.awayM,
      },
    })
    expect(snapshot.photos.map((p) => p.id)).toEqual(cached.photos.map((p) => p.id))
    expect(snapshot.photos.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true)
    expect(opened.evidenceChanges).toEqual([])
    await desk.core.syncOnce()
    expect((await desk.h.getCase({ caseId }))!).toMatchObject({ snapshot, evidenceChanges: [] })

    // Upstream: another driver, another spot, a position about 1.1 km north.
    const spot = delivery.dropOff.spot === 'garage' ? 'mailroom' : 'garage'
    const moved = {
      ...delivery.dropOff.location!,
      lat: delivery.dropOff.location!.lat + 0.01,
    }
    svc.service.world.updateDelivery(delivery.id, {
      driver: { id: 'drv_relief01', name: 'Robin Vega' },
      dropOff: { ...delivery.dropOff, spot, location: moved },
    })
    await desk.core.syncOnce()
    const now = (await desk.h.getDelivery({ id: delivery.id }))!
    expect(now).toMatchObject({
      version: delivery.version + 1,
      driver: { id: 'drv_relief01', name: 'Robin Vega' },
    })
    expect(now.dropOff).toMatchObject({ spot, location: { lat: moved.lat } })

    const after = (await desk.h.getCase({ caseId }))!
    expect(after.snapshot).toEqual(snapshot)
    const changed = [
      `The driver changed from ${delivery.driver.name} to Robin Vega.`,
      'Where the package was left changed.',
      'The drop-off location changed.',
    ]
    // About 1.1 km away is far beyond the 150 m threshold.
    expect(snapshot.awayFromAddress.flagged).toBe(false)
    expect(now.locationCheck.flagged).toBe(true)
    const flagged = 'The delivery is now flagged as delivered away from the address.'
    expect(after.evidenceChanges).toEqual([...changed, flagged])

    // A photo erased upstream adds to the changes; the snapshot still lists it.
    const erased = delivery.photos[0]!.id
    svc.service.world.erasePhoto(erased)
    await desk.core.syncOnce()
    const later = (await desk.h.getCase({ caseId }))!
    expect(later.snapshot).toEqual(snapshot)
    expect(later.snapshot!.photos.map((p) => p.id)).toContain(erased)
    expect(later.evidenceChanges).toEqual([...changed, 'The photos changed.', flagged])

    // A case opened now is based on the delivery as it is now.
    const second = await desk.h.openCase({ deliveryId: delivery.id, reason: 'not_received' })
    expect(second.snapshot).toMatchObject({
      deliveryVersion: delivery.version + 2,
      driver: { id: 'drv_relief01' },
      dropOff: { spot },
    })
    expect(second.evidenceChanges).toEqual([])
    await desk.core.syncOnce()
  })

  it('says so when the delivery record is removed upstream', async () => {
    const delivery = svc.deliveries()[1] as DeliveryDraft
    const opened = await desk.h.openCase({ deliveryId: delivery.id, reason: 'damaged' })
    await desk.core.syncOnce()
    svc.service.world.deleteDelivery(delivery.id)
    await desk.core.syncOnce()
    expect(await desk.h.getDelivery({ id: delivery.id })).toBeNull()
    const after = (await desk.h.getCase({ caseId: opened.id }))!
    expect(after.snapshot).toEqual(opened.snapshot)
    expect(after.evidenceChanges).toEqual([
      'The delivery record was removed by the delivery service.',
    ])
  })
})
