// Settings → Map tiles with the tile server left to Settings: the form names a mistake under its
// field, saves a server, and the map then takes its tiles from it. The console starts with
// OpenStreetMap as its default server, so this test sets a server on 127.0.0.1 before any map
// opens, and the page may reach nothing but the console.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startTestTileServer, type TestTileServer } from '../support/tile-server.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let tileServer: TestTileServer
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 11, deliveries: 40 })
  tileServer = await startTestTileServer({ colour: '#c8e6c9' })
  consoleApp = await startConsole({ serviceUrl: service.url, tileServer: 'settings' })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await tileServer?.close()
  await service?.close()
})

test('the tile server is chosen in Settings, checked field by field, and used by the map', async ({
  page,
}) => {
  const origin = new URL(consoleApp.url).origin
  await page.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  )
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  const section = page.getByRole('region', { name: 'Map tiles' })
  await expect(section.getByText('No map files yet.', { exact: false })).toBeVisible()

  const address = section.getByRole('textbox', { name: 'Address' })
  await expect(address).toHaveValue('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
  await expect(section.getByRole('switch', { name: 'Use an online tile server' })).toBeChecked()
  const save = section.getByRole('button', { name: 'Save tile server' })
  await expect(save).toBeDisabled()

  // A plain-http address elsewhere, then one without {y}: each is named under the field.
  await address.fill('http://tiles.example.com/{z}/{x}/{y}.png')
  await save.click()
  await expect(section.getByText(/must start with https:\/\//)).toBeVisible()
  await address.fill(tileServer.template.replace('/{y}', ''))
  await save.click()
  await expect(section.getByText(/must contain \{y\} exactly once/)).toBeVisible()
  await expect(address).toHaveAttribute('aria-invalid', 'true')
  await section.getByRole('textbox', { name: 'Attribution' }).fill('')
  await save.click()
  await expect(section.getByText(/Say whose map it is/)).toBeVisible()
  await expectNoSeriousViolations(page)
  await section.screenshot({ path: join(screenshots, 'settings-tile-server-errors.png') })

  await address.fill(tileServer.template)
  await section.getByRole('textbox', { name: 'Attribution' }).fill('Test tiles')
  await save.click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'The tile server was saved.' }),
  ).toBeVisible()
  await expect(save).toBeDisabled()

  // The map of a delivery now takes its tiles from that server, credited as saved.
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord => d.deleted !== true && d.address.location !== null,
  )!
  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(delivery.orderId)
  await page.getByRole('link', { name: `Open order ${delivery.orderId}` }).click()
  await expect
    .poll(() =>
      page
        .locator('.pl-map img.leaflet-tile')
        .evaluateAll(
          (images: HTMLImageElement[]) =>
            images.filter((img) => img.complete && img.naturalWidth > 0).length,
        ),
    )
    .toBeGreaterThan(0)
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Test tiles')
  expect(tileServer.requests.length).toBeGreaterThan(0)

  // Back in Settings, the tiles are counted and can be cleared after a confirmation.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(section.getByText(/^\d+ tiles?, /)).toBeVisible()
  await section.getByRole('button', { name: 'Clear tiles…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Clear the tiles already viewed?' })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Clear tiles' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The tiles were cleared.' })).toBeVisible()
  await expect(section.getByText('No tiles kept yet.')).toBeVisible()
})
