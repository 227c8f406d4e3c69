// The Cases queue as a test reads it: a grid named "Cases" that holds only the rows in view, so a
// row is found by scrolling the grid to it, and the whole queue is read by scrolling through it.
import { expect, type Locator, type Page } from '@playwright/test'

export const casesGrid = (page: Page) => page.getByRole('grid', { name: 'Cases' })

/** The rows of cases now in the page (not the header row). */
export const renderedQueueRows = (page: Page) => casesGrid(page).locator('[role="row"][data-id]')

/** The row at `index` (0 for the first case), whether or not it is in the page yet. */
export const queueRowAt = (page: Page, index: number) =>
  casesGrid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`)

/** How many cases the queue holds, rendered or not (the grid's aria-rowcount, less the header). */
export async function queueLength(page: Page): Promise<number> {
  return Number(await casesGrid(page).getAttribute('aria-rowcount')) - 1
}

async function scroller(page: Page): Promise<Locator> {
  const element = casesGrid(page).locator('.MuiDataGrid-virtualScroller')
  await expect(element).toBeVisible()
  return element
}

/** Every row of the queue in its order, read by scrolling it from top to bottom. */
export async function everyQueueRow(page: Page): Promise<Array<{ order: string; text: string }>> {
  const region = await scroller(page)
  const rows = new Map<number, { order: string; text: string }>()
  await region.evaluate((element) => (element.scrollTop = 0))
  for (;;) {
    await page.waitForTimeout(100)
    const seen = await renderedQueueRows(page).evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')),
        order:
          /on order (\S+)$/.exec(
            row.querySelector('a[aria-label]')?.getAttribute('aria-label') ?? '',
          )?.[1] ?? '',
        text: row.textContent ?? '',
      })),
    )
    for (const { index, ...row } of seen) rows.set(index, row)
    const atEnd = await region.evaluate((element) => {
      const before = element.scrollTop
      element.scrollTop += element.clientHeight * 0.8
      return element.scrollTop === before
    })
    if (atEnd) break
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row)
}

/** The order numbers of the whole queue, in its order. */
export async function everyQueueOrder(page: Page): Promise<string[]> {
  return (await everyQueueRow(page)).map((row) => row.order)
}

/** The row that holds `text`, scrolled into view: the queue is read from the top until found. */
export async function findQueueRow(page: Page, text: string | RegExp): Promise<Locator> {
  const region = await scroller(page)
  await region.evaluate((element) => (element.scrollTop = 0))
  const row = renderedQueueRows(page).filter({ hasText: text })
  for (;;) {
    await page.waitForTimeout(100)
    if ((await row.count()) > 0) {
      await row.first().scrollIntoViewIfNeeded()
      return row.first()
    }
    const atEnd = await region.evaluate((element) => {
      const before = element.scrollTop
      element.scrollTop += element.clientHeight * 0.8
      return element.scrollTop === before
    })
    if (atEnd) throw new Error(`no row of the queue holds ${String(text)}`)
  }
}
