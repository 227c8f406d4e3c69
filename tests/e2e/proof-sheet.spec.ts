// The proof-of-delivery sheet from the delivery screen: saved as a PDF (browser mode downloads
// it), copied as an image to paste into a reply, and never offered for a withheld delivery.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
let service: DemoService
let consoleApp: RunningConsole

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test.beforeAll(async () => {
  service = await startDemoService({ seed: 12, deliveries: 80 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})
test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

async function open(page: Page, id: string) {
  await page.evaluate((deliveryId) => (window.location.hash = `#/delivery/${deliveryId}`), id)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test('an agent saves the proof-of-delivery sheet and copies it as an image', async ({ page }) => {
  const records = await service.world.deliveries()
  const shown = records.find(
    (d): d is DeliveryRecord =>
      d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
  )!
  const withheld = records.find(
    (d): d is DeliveryRecord => d.deleted !== true && d.photoWithheld !== null,
  )!
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  await open(page, shown.id)
  const button = page.getByRole('button', { name: 'Proof of delivery' })
  await button.click()
  const menu = page.getByRole('menu')
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Save as PDF…',
    'Save as image…',
    'Copy image',
  ])
  await page.screenshot({ path: join(screenshots, 'proof-sheet-menu.png') })
  await expectNoSeriousViolations(page)
  const downloading = page.waitForEvent('download')
  await menu.getByRole('menuitem', { name: 'Save as PDF…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`proof-of-delivery-${shown.orderId}.pdf`)
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
    `proof-of-delivery-${shown.orderId}.pdf`,
  )

  // Copied as an image, ready to paste into the reply.
  await button.click()
  await page.getByRole('menuitem', { name: 'Copy image' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Sheet copied' })).toBeVisible()
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return item ? { types: item.types, size: (await item.getType('image/png')).size } : null
  })
  expect(copied?.types).toContain('image/png')
  expect(copied?.size).toBeGreaterThan(50_000)

  // Withheld: never offered.
  await open(page, withheld.id)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(withheld.orderId)
  await expect(page.getByRole('button', { name: 'Proof of delivery' })).toHaveCount(0)
})
