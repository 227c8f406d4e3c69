// A case's help-desk ticket, as an agent meets it: given when the case is opened, shown in the
// case header (its number with Copy, or a link to the help desk once Settings has the ticket
// address), changed with T, said on the timeline; the search box lists the case by its number
// and goes to it when the ticket's address is pasted.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
const TEMPLATE = 'https://example.zendesk.com/agent/tickets/{ticket}'
const ticketLink = (ticket: string) => TEMPLATE.replace('{ticket}', ticket)

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 20, deliveries: 200 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** The same view at both window sizes, light and dark. */
async function screenshotsOf(page: Page, name: string, target?: Locator) {
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(400) // MUI's colour transitions settle
      const path = join(screenshots, `${name}-${width}x${height}-${scheme}.png`)
      await (target ?? page).screenshot({ path })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('a ticket given on opening, shown as a link to the help desk, and found from the search box', async ({
  page,
}) => {
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord => d.deleted !== true && d.status === 'delivered',
  )!
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  // Opening a case with its ticket; a ticket that is not one is named under the field.
  await page.evaluate((hash) => (window.location.hash = hash), `#/delivery/${delivery.id}`)
  await page.getByRole('button', { name: 'Open a case' }).click()
  const opening = page.getByRole('dialog', { name: /Open a case/ })
  await opening.getByRole('radio', { name: /^Not received/ }).check()
  const ticketField = opening.getByRole('textbox', { name: 'Help-desk ticket (optional)' })
  await ticketField.fill('ZD 4521')
  await opening.getByRole('button', { name: 'Open case' }).click()
  await expect(opening.getByText(/A ticket number is 1 to 64 letters, digits/)).toBeVisible()
  await ticketField.fill('ZD-4521')
  await screenshotsOf(page, 'open-case-ticket', opening)
  await opening.getByRole('button', { name: 'Open case' }).click()
  await expect(page).toHaveURL(/#\/case\//)
  const caseId = /#\/case\/([0-9a-f-]+)/.exec(page.url())![1]!

  // Without a ticket address: the number, with Copy; the timeline says it was set.
  const header = page.locator('main header').filter({ hasText: 'Help-desk ticket' })
  await expect(header.getByText('ZD-4521', { exact: true })).toBeVisible()
  await expect(header.getByRole('link', { name: /ZD-4521/ })).toHaveCount(0)
  await header.getByRole('button', { name: 'Copy', exact: true }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('ZD-4521')
  await expect(page.getByText('Ticket set to ZD-4521', { exact: true })).toBeVisible()
  await page.mouse.move(0, 0)
  await page.getByRole('heading', { level: 1 }).focus()
  await screenshotsOf(page, 'case-ticket-number')

  // Settings › Help desk: a bad address is named under the field; a good one is kept.
  await page.evaluate(() => (window.location.hash = '#/settings'))
  const helpDesk = page.getByRole('region', { name: 'Help desk' })
  const address = helpDesk.getByRole('textbox', { name: 'Ticket address' })
  await address.fill('https://example.zendesk.com/agent/tickets/')
  await helpDesk.getByRole('button', { name: 'Save ticket address' }).click()
  await expect(helpDesk.getByText(/must contain \{ticket\} exactly once/)).toBeVisible()
  await address.fill(TEMPLATE)
  await helpDesk.getByRole('button', { name: 'Save ticket address' }).click()
  await expect(helpDesk.getByRole('status')).toHaveText('The ticket address was saved.')
  await helpDesk.scrollIntoViewIfNeeded()
  await screenshotsOf(page, 'settings-help-desk', helpDesk)

  // Back on the case: the ticket is a link to the help desk, opened outside the console.
  await page.evaluate((hash) => (window.location.hash = hash), `#/case/${caseId}`)
  const link = header.getByRole('link', { name: /Ticket ZD-4521 in the help desk/ })
  await expect(link).toHaveAttribute('href', ticketLink('ZD-4521'))
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', /noopener/)
  await screenshotsOf(page, 'case-ticket-link')
  await expectNoSeriousViolations(page)

  // T changes it: the ticket's address pasted into the field gives its number.
  await page.getByRole('heading', { level: 1 }).focus()
  await page.keyboard.press('t')
  const changing = page.getByRole('dialog', { name: /Change the help-desk ticket/ })
  const number = changing.getByRole('textbox', { name: 'Ticket number' })
  await expect(number).toBeFocused()
  await number.fill(ticketLink('ZD-4522'))
  await screenshotsOf(page, 'case-ticket-dialog')
  await page.keyboard.press('Control+Enter')
  await expect(changing).toBeHidden()
  await expect(header.getByRole('link', { name: /Ticket ZD-4522 in the help desk/ })).toBeVisible()
  await expect(page.getByText('Ticket set to ZD-4522', { exact: true })).toBeVisible()

  // The search box: the number lists the case; the ticket's address goes to it.
  await page.keyboard.press('Control+k')
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill('zd-4522')
  const found = page.getByRole('region', { name: 'Case with ticket ZD-4522' })
  await expect(found.getByRole('link', { name: `Case on order ${delivery.orderId}` })).toBeVisible()
  await screenshotsOf(page, 'search-ticket')

  await search.fill('https://other.example.com/tickets/ZD-4522')
  await expect(page.getByText(/This web address is not a ticket of your help desk/)).toBeVisible()

  await search.fill(ticketLink('ZD-4522'))
  await expect(page).toHaveURL(new RegExp(`#/case/${caseId}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(delivery.orderId)
  await page.keyboard.press('Control+k')
  await expect(search).toHaveValue('')
})
