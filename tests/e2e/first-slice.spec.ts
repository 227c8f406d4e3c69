// The walking skeleton end to end: the demo delivery service serves records and photos, the
// core syncs them into SQLite over real HTTP, and an agent in Chromium signs in, searches an
// order, opens it and sees its photo beside a map with the address and the drop-off.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 7, deliveries: 300 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test('an agent signs in, finds an order and sees its photo beside the map', async ({ page }) => {
  const records = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord => d.deleted !== true,
  )
  const delivery = records.find(
    (d) =>
      d.status === 'delivered' &&
      d.photoWithheld === null &&
      d.photos.length > 0 &&
      d.address.location &&
      d.dropOff.location,
  )
  expect(delivery, 'the demo world has a delivered order with a photo and both fixes').toBeTruthy()
  if (!delivery) return

  await page.goto(consoleApp.url)
  await expect(page.getByText('Demo data')).toHaveCount(0) // a standalone service is not the built-in demo
  await signInAndWaitForSync(page)

  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await expect(search).toBeFocused()
  await search.fill(delivery.orderId)
  const row = page.getByRole('link', { name: `Open order ${delivery.orderId}` })
  await expect(row).toBeVisible()
  await page.screenshot({ path: join(screenshots, 'first-slice-search.png') })
  await row.click()

  const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
  await expect(photo).toBeVisible()
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)

  const markers = page.locator('.leaflet-marker-icon')
  await expect(markers).toHaveCount(2)
  await expect(page.getByText(delivery.trackingNumber).first()).toBeVisible()
  await expect(page.getByText(delivery.customer.name).first()).toBeVisible()
  await page.screenshot({ path: join(screenshots, 'first-slice-delivery.png') })
})

test('a withheld delivery shows why, and no photo', async ({ page }) => {
  const records = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord => d.deleted !== true,
  )
  const withheld = records.find((d) => d.photoWithheld === 'customer_opted_out')
  expect(withheld).toBeTruthy()
  if (!withheld) return
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill(withheld.orderId)
  await page.getByRole('link', { name: `Open order ${withheld.orderId}` }).click()
  await expect(page.getByText('The customer opted out of delivery photos.')).toBeVisible()
  await expect(page.getByRole('img', { name: /^Delivery photo/ })).toHaveCount(0)
  await page.screenshot({ path: join(screenshots, 'first-slice-withheld.png') })
})
