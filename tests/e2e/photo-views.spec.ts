// Forged photo views. A page served from another 127.0.0.1 port is "same-site" to the console, so
// Chromium sends it the console's SameSite=Strict cookie: such a page could embed
// `<img src=http://127.0.0.1:PORT/photos/ID?case=…>`, load a customer's photo and have a view
// recorded in the agent's name, for a case it made up. Here the agent is signed in in the same
// browser, and the page on the other port gets no photo, no thumbnail, and no audit entry; the
// console's own page still records the view it shows, for the case it came from.
import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

let service: DemoService
let consoleApp: RunningConsole
let neighbour: Server
let neighbourPage = ''
const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 7, deliveries: 60 })
  consoleApp = await startConsole({ serviceUrl: service.url })
  neighbour = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(neighbourPage)
  })
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve))
})

test.afterAll(async () => {
  neighbour?.closeAllConnections()
  await new Promise((resolve) => neighbour?.close(resolve))
  await consoleApp?.stop()
  await service?.close()
})

/** The photo views and photo-view audit entries in the console's own cache file. */
function recordedViews(): {
  views: Array<{ photo_id: string; case_id: string | null }>
  audit: number
} {
  const db = new BetterSqlite3(join(consoleApp.dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return {
      views: db
        .prepare<[], { photo_id: string; case_id: string | null }>(
          'SELECT photo_id, case_id FROM photo_views ORDER BY seq',
        )
        .all(),
      audit: (
        db.prepare("SELECT count(*) AS n FROM audit_log WHERE kind = 'photo-view'").get() as {
          n: number
        }
      ).n,
    }
  } finally {
    db.close()
  }
}

const loadedWidth = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))

test('a page on another 127.0.0.1 port gets no photo and writes no view', async ({ page }) => {
  const deliveries = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord =>
      d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
  )
  const onCase = service.world
    .cases()
    .find((c) => c.deleted !== true && deliveries.some((d) => d.id === c.deliveryId))
  expect(onCase, 'the demo world has a case on a delivery with photos').toBeTruthy()
  if (!onCase || onCase.deleted === true) return
  const caseDelivery = deliveries.find((d) => d.id === onCase.deliveryId)!
  const origin = new URL(consoleApp.url).origin

  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  // The console's own page: opening the photos from the case records one view, for that case.
  await page.evaluate((hash) => (window.location.hash = hash), `#/case/${onCase.id}`)
  await page.getByRole('link', { name: /Open photos and map/ }).click()
  const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
  await expect
    .poll(() => recordedViews().views)
    .toEqual([{ photo_id: caseDelivery.photos[0]!.id, case_id: onCase.id }])
  const before = recordedViews()
  expect(before.audit).toBe(1)

  // The neighbour's page, in the same browser, with the agent's cookie: every way of asking.
  const target = deliveries.find((d) => d.id !== caseDelivery.id) ?? caseDelivery
  const photoId = target.photos[0]!.id
  neighbourPage = `<!doctype html><title>Neighbour</title>
    <img id="with-case" src="${origin}/photos/${photoId}?case=00000000-0000-4000-8000-000000000000">
    <img id="plain" src="${origin}/photos/${photoId}">
    <img id="thumb" src="${origin}/thumbs/${photoId}">`
  const refused: number[] = []
  page.on('response', (response) => {
    if (response.url().startsWith(origin)) refused.push(response.status())
  })
  await page.goto(`http://127.0.0.1:${(neighbour.address() as AddressInfo).port}/`)
  for (const id of ['with-case', 'plain', 'thumb']) {
    await expect.poll(() => loadedWidth(page, id), { message: id }).toBe(0)
  }
  expect(refused.length).toBe(3)
  expect(refused.every((status) => status >= 400)).toBe(true)

  // Nothing was recorded, and nothing will reach the service in the agent's name.
  expect(recordedViews()).toEqual(before)
})

test('a view that cannot be recorded means no photo, and the panel says why', async ({ page }) => {
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord =>
      d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
  )!
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const before = recordedViews()
  const asked: string[] = []
  page.on('request', (request) => asked.push(new URL(request.url()).pathname))
  // The audit log refuses this one view (as a full disk or a broken cache would).
  await page.route('**/api/recordPhotoView', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'internal', message: 'Something went wrong in Porchlight.' },
      }),
    }),
  )
  await page.evaluate((hash) => (window.location.hash = hash), `#/delivery/${delivery.id}`)
  const panel = page.getByRole('region', { name: /^Photos?$/ })
  await expect(
    panel.getByText(
      'The photo is not shown because the view could not be recorded in the audit log: Something went wrong in Porchlight.',
    ),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: /^Delivery photo 1 of/ })).toHaveCount(0)
  expect(asked).not.toContain(`/photos/${delivery.photos[0]!.id}`)
  expect(recordedViews()).toEqual(before)

  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await panel.screenshot({
        path: join(screenshots, `photo-view-not-recorded-${width}x${height}-${scheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Once the audit log takes it again, "Try again" records the view and shows the photo.
  await page.unroute('**/api/recordPhotoView')
  await panel.getByRole('button', { name: 'Try again' }).click()
  const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
  expect(recordedViews().views).toEqual([
    ...before.views,
    { photo_id: delivery.photos[0]!.id, case_id: null },
  ])
})
