// The reports area in the pseudo-locale (see tour.ts): the supervisor's Reports screen in every
// state the demo data reaches: the figures, each filter's menu, each chart with its axes, legend
// and tooltip, each chart as a table, the lists, the period refused before it is asked for, a
// period with no case, and the exports: one in progress, one cancelled, one done with its link,
// and the log of recent exports.
import { expect, type Page } from '@playwright/test'
import { pseudo, type Tour } from './tour.ts'

/** Opens a filter's menu, reads it, and closes it again. */
async function walkMenu(page: Page, label: string, check: (state: string) => Promise<void>) {
  await page.getByRole('combobox', { name: pseudo(label) }).click()
  await expect(page.getByRole('listbox')).toBeVisible()
  await check(`the ${label} menu`)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox')).toBeHidden()
}

const BAR = '.MuiBarChart-element'

/** Hovers the tallest bar of a chart, so that its tooltip shows, and reads the page. */
async function walkTooltip(page: Page, title: string, check: (state: string) => Promise<void>) {
  const card = page.getByRole('region', { name: pseudo(title) })
  await card.scrollIntoViewIfNeeded()
  const bars = card.locator(BAR)
  const sizes = await bars.evaluateAll((all) =>
    all.map((bar) => {
      const box = bar.getBoundingClientRect()
      return box.width * box.height
    }),
  )
  const tallest = sizes.indexOf(Math.max(...sizes))
  await bars.nth(tallest).hover({ force: true })
  await expect(page.locator('.MuiChartsTooltip-root')).toBeVisible()
  await check(`${title}: a tooltip`)
  await page.mouse.move(0, 0)
}

export const reportsTour: Tour = {
  name: 'reports',
  run: async ({ page, open, check }) => {
    await open('#/reports')
    await expect(page.getByRole('heading', { level: 1, name: pseudo('Reports') })).toBeVisible()
    const main = page.getByRole('main')
    await expect(main).toHaveAttribute('aria-busy', 'false')
    await check('the last 30 days')

    // The demo world's cases are from its last 90 days.
    await page.getByRole('combobox', { name: pseudo('Period') }).click()
    await page.getByRole('option', { name: pseudo('Last 90 days') }).click()
    await expect(main).toHaveAttribute('aria-busy', 'false')
    await expect(page.locator(BAR).first()).toBeAttached()
    await check('the last 90 days: figures, charts and lists')

    for (const label of [
      'Period',
      'City or region',
      'Reason',
      'Resolution',
      'Driver',
      'Agent',
      'Location flag',
    ]) {
      await walkMenu(page, label, check)
    }

    // Every chart: its axes and legend are on the page; its tooltip on hover; then as a table.
    for (const title of ['Cases per day', 'Resolutions by code', 'Time to resolve']) {
      await walkTooltip(page, title, check)
      const card = page.getByRole('region', { name: pseudo(title) })
      await card.getByRole('button', { name: pseudo('Table') }).click()
      await expect(card.getByRole('table')).toBeVisible()
      await check(`${title} as a table`)
      await card.getByRole('button', { name: pseudo('Chart') }).click()
    }

    // A filter chosen: "Clear filters" appears.
    await page.getByRole('combobox', { name: pseudo('Location flag') }).click()
    await page.getByRole('option', { name: pseudo('Delivered away from the address') }).click()
    await expect(page.getByRole('button', { name: pseudo('Clear filters') })).toBeVisible()
    await expect(main).toHaveAttribute('aria-busy', 'false')
    await check('filtered: away from the address')
    await page.getByRole('button', { name: pseudo('Clear filters') }).click()

    // A period that ends before it starts is said at "To", and never asked for.
    const from = page.getByLabel(pseudo('From'))
    const to = page.getByLabel(pseudo('To'))
    const today = await to.inputValue()
    await from.fill(today)
    await to.fill('2001-01-01')
    await expect(page.getByText(pseudo('The period ends before it starts'))).toBeVisible()
    await check('a period that ends before it starts')

    // A period with no case at all.
    await from.fill('2001-01-01')
    await to.fill('2001-01-31')
    await expect(
      page.getByText(pseudo('No case was opened or resolved in this period with these filters.')),
    ).toBeVisible()
    await expect(main).toHaveAttribute('aria-busy', 'false')
    await check('a period with no case')

    // Back to the last 90 days, for the exports.
    await page.getByRole('combobox', { name: pseudo('Period') }).click()
    await page.getByRole('option', { name: pseudo('Last 90 days') }).click()
    await expect(main).toHaveAttribute('aria-busy', 'false')
    const panel = page.getByRole('region', { name: pseudo('Export') })
    await panel.scrollIntoViewIfNeeded()
    await check('the export panel')

    // The PDF takes a while: in progress, then cancelled (the demo's few cases may all be written
    // before the click lands: then it is done, and that state is read instead).
    await panel.getByRole('button', { name: pseudo('Export PDF') }).click()
    const cancel = panel.getByRole('button', { name: pseudo('Cancel export') })
    await expect(cancel).toBeVisible()
    await check('an export in progress')
    await cancel.click({ timeout: 2_000 }).catch(() => undefined)
    const cancelled = panel.getByText(pseudo('The export was cancelled; no file was left behind.'))
    const download = panel.getByRole('link', { name: pseudo('Download') })
    await expect(cancelled.or(download)).toBeVisible({ timeout: 60_000 })
    await check((await cancelled.isVisible()) ? 'an export cancelled' : 'a PDF export done')

    // A CSV, done, with its download and the log of recent exports.
    await panel.getByRole('button', { name: pseudo('Export CSV') }).click()
    await expect(panel.getByRole('status')).toContainText('.csv')
    await expect(download).toBeVisible({ timeout: 60_000 })
    await expect(panel.getByRole('table')).toBeVisible()
    await check('an export done, and the recent exports')

    // The driver tables' names, with the id on hover.
    const drivers = page.getByRole('region', { name: pseudo('Drivers by cases per delivery') })
    await drivers.scrollIntoViewIfNeeded()
    await drivers.locator('bdi').first().hover()
    await expect(page.getByRole('tooltip')).toBeVisible()
    await check('a driver with the id on hover')
    await page.mouse.move(0, 0)
  },
}
