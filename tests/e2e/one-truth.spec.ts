// One truth per number on a delivery's screen: its times are read in the delivery's own zone (as
// the photo's stamp and the driver's handset say them) and say which zone, even for an agent in
// another; the drop-off's distance is the same figure in the map's heading and on its line; the
// customer's phone is written in the one display format, whichever way the service sent it, and
// any seven of its digits, however typed, find the delivery.
import tzLookup from '@photostructure/tz-lookup'
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { distanceMetres } from '../../electron/core/demo-service/geo.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

let service: DemoService
let consoleApp: RunningConsole

// The agent works from Berlin; the deliveries are in the United States.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' })

test.beforeAll(async () => {
  service = await startDemoService({ seed: 7, deliveries: 60 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

/** "PDT", "EST": the short name of a zone at an instant, as the screen writes it. */
function zoneAbbreviation(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')!.value
}

test('a delivery’s times, distance and phone read the same everywhere', async ({ page }) => {
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord =>
      d.deleted !== true &&
      d.photoWithheld === null &&
      d.photos.length > 0 &&
      d.address.location !== null &&
      d.dropOff.location !== null &&
      d.deliveredAt !== null &&
      d.customer.phone?.startsWith('+1') === true &&
      // Far enough for its line to carry its label on the map (a line too short for one leaves
      // the figure to the heading alone: DistanceLines.tsx, MIN_LABELLED_LINE_PX).
      distanceMetres(d.dropOff.location!, d.address.location!) >= 25,
  )!
  const zone = tzLookup(delivery.address.location!.lat, delivery.address.location!.lng)
  const local = zoneAbbreviation(delivery.deliveredAt!, zone)

  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page.evaluate((id) => (window.location.hash = `#/delivery/${id}`), delivery.id)
  const main = page.getByRole('main')

  // Times: the delivery's zone, named, never the agent's own unlabelled.
  const photoFacts = main.getByRole('group', { name: 'About this photo' })
  await expect(photoFacts).toContainText(new RegExp(`Taken .+ ${local}`))
  await expect(photoFacts).not.toContainText(/GMT\+1|CET/)
  const delivered = main.locator('dt', { hasText: /^Delivered$/ }).locator('xpath=..')
  await expect(delivered).toContainText(local)

  // The drop-off's distance: one figure in the heading and on the map.
  const heading = main.getByRole('region', { name: 'Map' }).getByText(/^Drop-off marked/)
  const figure = (await heading.locator('strong').innerText()).trim()
  expect(figure).toMatch(/^[\d,]+ m$/)
  await expect(
    main.locator('.leaflet-tooltip, .leaflet-marker-icon').getByText(figure).first(),
  ).toBeVisible()

  // The phone, in the one display format.
  const national = delivery.customer.phone!.replace(/\D/g, '').slice(1)
  const shown = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`
  const phone = main.locator('dt', { hasText: /^Phone$/ }).locator('xpath=..')
  await expect(phone).toContainText(shown)

  // Any seven of its digits, however typed, find it.
  await page.evaluate(() => (window.location.hash = '#/'))
  const box = page.getByRole('searchbox', { name: 'Search deliveries' })
  await box.fill(`${national.slice(3, 6)}-${national.slice(6)}`)
  await expect(main.getByText(delivery.orderId)).toBeVisible()
})
