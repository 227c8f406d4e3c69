// The photo-view audit: the page records every full photo it shows with the recordPhotoView call
// (with the case it was shown for, which must be a case on that photo's delivery); serving a photo
// or a thumbnail records nothing; withheld photos are refused and not recorded. Views reach the
// service in batches of at most 500 on sync, are marked sent, and survive a restart while the
// service is unreachable.
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { PHOTO_VIEWS_PATH } from '../../support/case-event-server.ts'
import {
  AGENT,
  signedInConsole,
  startConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let desk: TestConsole
let withPhotos: DeliveryDraft
let toWithhold: DeliveryDraft
const tokens = createMemoryTokenStore()
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 44 })
  ;[withPhotos, toWithhold] = svc.deliveries() as [DeliveryDraft, DeliveryDraft]
  expect(toWithhold.photos.length).toBeGreaterThan(0)
  desk = await signedInConsole(svc.front.url, dirs.make(), AGENT, tokens)
})
afterEach(async () => {
  svc.front.clearFaults()
  await svc.front.up()
})
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

/** Views recorded here and not yet accepted by the service (read from the cache itself). */
const pending = async () => {
  const db = new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return (
      db.prepare('SELECT count(*) AS n FROM photo_views WHERE sent_at IS NULL').get() as {
        n: number
      }
    ).n
  } finally {
    db.close()
  }
}
const viewsOnService = () => svc.service.world.photoViews()

describe('photo views', () => {
  it('records a full photo shown for a case, never by serving it, and never a withheld photo', async () => {
    const photoId = withPhotos.photos[0]!.id
    const caseId = (await desk.h.openCase({ deliveryId: withPhotos.id, reason: 'photo_dispute' }))
      .id
    await desk.core.syncOnce()
    expect(await pending()).toBe(0)

    // Serving the thumbnail and the photo itself changes nothing.
    const thumb = await desk.core.resolvePhoto(photoId, { variant: 'thumbnail' })
    expect(thumb).toMatchObject({ ok: true, contentType: 'image/webp' })
    const shown = await desk.core.resolvePhoto(photoId)
    expect(shown.ok).toBe(true)
    expect(shown.ok && existsSync(shown.path)).toBe(true)
    expect(await pending()).toBe(0)

    // The page records the view it shows, for the case it came from.
    await desk.h.recordPhotoView({ photoId, caseId })
    expect(await pending()).toBe(1)

    // Photos of a delivery that became withheld are refused, full or thumbnail, and not recorded.
    const withheldPhoto = toWithhold.photos[0]!.id
    expect((await desk.core.resolvePhoto(withheldPhoto, { variant: 'thumbnail' })).ok).toBe(true)
    svc.service.world.updateDelivery(toWithhold.id, { photoWithheld: 'customer_opted_out' })
    const before = viewsOnService().length
    await desk.core.syncOnce()
    // The sync sent the one view before pulling the change.
    expect(viewsOnService()).toHaveLength(before + 1)
    for (const variant of ['full', 'thumbnail'] as const) {
      expect(await desk.core.resolvePhoto(withheldPhoto, { variant })).toMatchObject({
        ok: false,
      })
    }
    await expect(
      desk.h.recordPhotoView({ photoId: withheldPhoto, caseId: null }),
    ).rejects.toMatchObject({ code: 'photo-unavailable' })
    expect(await pending()).toBe(0)

    const view = viewsOnService().at(-1)!
    expect(view).toMatchObject({
      userId: AGENT.id,
      event: { photoId, deliveryId: withPhotos.id, caseId },
    })
    expect(svc.front.photoViewBatches.at(-1)).toMatchObject({ size: 1, status: 204 })
    expect(viewsOnService().some((v) => v.event.photoId === withheldPhoto)).toBe(false)
  })

  it('refuses a view for a case that is not on the photo’s delivery, or while signed out', async () => {
    const photoId = withPhotos.photos[0]!.id
    const otherDelivery = svc.deliveries().find((d) => d.id !== withPhotos.id)!
    const otherCase = (
      await desk.h.openCase({ deliveryId: otherDelivery.id, reason: 'not_received' })
    ).id
    const before = await pending()
    for (const caseId of [otherCase, '00000000-0000-4000-8000-000000000000']) {
      await expect(desk.h.recordPhotoView({ photoId, caseId })).rejects.toMatchObject({
        code: 'not-this-delivery',
      })
    }
    await expect(
      desk.h.recordPhotoView({ photoId: 'ph_no_such_photo', caseId: null }),
    ).rejects.toThrow('No such photo in the local cache.')
    expect(await pending()).toBe(before)

    const signedOut = await startConsole(svc.front.url, { dataDir: dirs.make() })
    try {
      // Refused by the dispatcher, as the renderer's call arrives (CALL_ACCESS: signed-in).
      const quiet = { info: () => {}, warn: () => {}, error: () => {} }
      expect(
        await dispatchCall(signedOut.core, 'recordPhotoView', { photoId, caseId: null }, quiet),
      ).toEqual({ ok: false, error: { code: 'signed-out', message: 'Please sign in first.' } })
    } finally {
      await signedOut.close()
    }
    await desk.core.syncOnce()
  })

  it('sends views in batches of at most 500, oldest first, and marks them sent', async () => {
    const photoIds = withPhotos.photos.map((p) => p.id)
    const batchesBefore = svc.front.photoViewBatches.length
    const before = viewsOnService().length
    for (let i = 0; i < 1203; i++) {
      await desk.h.recordPhotoView({ photoId: photoIds[i % photoIds.length]!, caseId: null })
    }
    expect(await pending()).toBe(1203)
    await desk.core.syncOnce()

    const batches = svc.front.photoViewBatches.slice(batchesBefore)
    expect(batches.map((b) => [b.size, b.status])).toEqual([
      [500, 204],
      [500, 204],
      [203, 204],
    ])
    const sent = batches.flatMap((b) => b.eventIds)
    expect(new Set(sent).size).toBe(1203)
    const received = viewsOnService().slice(before)
    expect(received.map((v) => v.event.id)).toEqual(sent)
    const times = received.map((v) => v.event.viewedAt)
    expect([...times].sort()).toEqual(times)
    expect(await pending()).toBe(0)
    // Sent means not sent again.
    await desk.core.syncOnce()
    expect(svc.front.photoViewBatches.length).toBe(batchesBefore + 3)
  })

  it('keeps a view recorded offline across a restart and sends it later', async () => {
    const photoId = withPhotos.photos[0]!.id
    await svc.front.down()
    await desk.h.recordPhotoView({ photoId, caseId: null })
    expect(await pending()).toBe(1)
    await desk.close()

    desk = await startConsole(svc.front.url, { dataDir: desk.dataDir, tokenStore: tokens })
    expect(await pending()).toBe(1)
    await svc.front.up()
    const before = viewsOnService().length
    await desk.core.syncOnce()
    expect(viewsOnService()).toHaveLength(before + 1)
    expect(viewsOnService().at(-1)!.event).toMatchObject({ photoId, caseId: null })
    expect(await pending()).toBe(0)
  })

  it('keeps views queued while the audit endpoint is busy, without stopping the sync', async () => {
    const photoId = withPhotos.photos[0]!.id
    await desk.h.recordPhotoView({ photoId, caseId: null })
    // Busy beyond the client's retries (Retry-After: 0 keeps the test fast).
    svc.front.inject({ path: PHOTO_VIEWS_PATH }, { kind: 'status', status: 503, retryAfter: 0 }, 4)
    svc.service.world.updateDelivery(withPhotos.id, {
      dropOff: { ...withPhotos.dropOff, note: 'Under the mat' },
    })
    const before = viewsOnService().length

    const summary = await desk.core.syncOnce()
    expect(summary.deliveries.stored).toBe(1)
    expect((await desk.h.getDelivery({ id: withPhotos.id }))?.dropOff.note).toBe('Under the mat')
    expect(await pending()).toBe(1)
    expect(viewsOnService()).toHaveLength(before)

    await desk.core.syncOnce()
    expect(await pending()).toBe(0)
    expect(viewsOnService()).toHaveLength(before + 1)
  })
})
