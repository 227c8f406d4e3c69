// Links from a help-desk ticket, as an agent meets them in the console: "Copy link" on a delivery
// and on a case gives a line of words and a porchlight:// link; pasting such a link into the
// search box opens that delivery or case; a broken one is explained and opens nothing; and the
// console's own address takes an order or tracking number, as a link hands it over.
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { MENU_COMMAND_EVENT } from '../../electron/core/api/menu-schemas.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  service = await startDemoService({ seed: 12, deliveries: 200 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('copy a link to a delivery and a case, and paste it into the search box to go there', async ({
  page,
}) => {
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord => d.deleted !== true && d.status === 'delivered',
  )!
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  // The console's address takes a tracking number, as a porchlight:// link hands it over.
  await page.evaluate(
    (hash) => (window.location.hash = hash),
    `#/delivery/${delivery.trackingNumber}`,
  )
  const heading = page.getByRole('heading', { name: `Order ${delivery.orderId}`, level: 1 })
  await expect(heading).toBeVisible()
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.screenshot({ path: 'test-results/screenshots/delivery-copy-link-1024.png' })
  const deliveryText = await page.evaluate(() => navigator.clipboard.readText())
  expect(deliveryText).toBe(
    `Order ${delivery.orderId} · Delivered · tracking ${delivery.trackingNumber}\n` +
      `porchlight://delivery/${delivery.orderId}`,
  )

  // A case on it, and its link.
  await page.getByRole('button', { name: 'Open a case' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: /^Not received/ }).check()
  await dialog.getByRole('button', { name: 'Open case' }).click()
  await expect(page).toHaveURL(/#\/case\//)
  const caseId = /#\/case\/([0-9a-f-]+)/.exec(page.url())![1]!
  await page.getByRole('button', { name: 'Copy link' }).click()
  const caseText = await page.evaluate(() => navigator.clipboard.readText())
  await page.screenshot({ path: 'test-results/screenshots/case-copy-link-1024.png' })
  expect(caseText).toBe(`Case on order ${delivery.orderId} · Open\nporchlight://case/${caseId}`)

  // Pasted into the search box, each link goes where it points.
  await page.keyboard.press('Control+k')
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill(`porchlight://delivery/${delivery.orderId}`)
  await expect(heading).toBeVisible()
  await page.keyboard.press('Control+k')
  await search.fill(`  porchlight://case/${caseId}\n`)
  await expect(page).toHaveURL(new RegExp(`#/case/${caseId}$`))

  // A link that is not one is explained, and opens nothing.
  await page.keyboard.press('Control+k')
  await search.fill(`porchlight://delivery/${delivery.orderId}?then=settings`)
  await expect(page.getByRole('alert')).toContainText(
    'This Porchlight link cannot be opened. A Porchlight link has no ? or # part.',
  )
  await expect(page).toHaveURL(/#\/search$/)
})

test('the desktop menu’s commands reach the page: search, keyboard shortcuts, sync now', async ({
  page,
}) => {
  await page.goto(`${consoleApp.url}#/settings`)
  await signInAndWaitForSync(page)
  const menu = (command: string) =>
    page.evaluate(
      ([name, detail]) => window.dispatchEvent(new CustomEvent(name!, { detail })),
      [MENU_COMMAND_EVENT, command],
    )
  await menu('search')
  await expect(page.getByRole('searchbox', { name: 'Search deliveries' })).toBeFocused()
  await menu('shortcuts')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await menu('sync-now')
  await expect
    .poll(async () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => entry.name.endsWith('/api/syncNow')),
      ),
    )
    .toBe(true)
  // Anything else sent under the menu's name is ignored.
  await menu('erase-everything')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
