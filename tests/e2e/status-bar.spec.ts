// The status bar never lays its words over each other: when the window is short of room, items
// clip their words with an ellipsis in order of priority, the cache's counts leave first, and the
// connection and "Sync now" stay whole. Checked offline with the service's error showing, the
// fullest the bar gets, at the sizes an agent uses and narrower.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screens = join(import.meta.dirname, '..', '..', 'test-results', 'screens')

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screens, { recursive: true })
  service = await startDemoService({ seed: 12, deliveries: 60 })
  consoleApp = await startConsole({ serviceUrl: service.url, syncIntervalSeconds: 2 })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

interface ItemText {
  text: string
  left: number
  right: number
  clipped: boolean
  ellipsis: boolean
}

/**
 * Each item of the bar (its direct children), with where its words are drawn: the extent of its
 * text, cut at the item's edges when the item clips what overflows it.
 */
function itemTexts(page: Page): Promise<ItemText[]> {
  return page.getByLabel('Sync status').evaluate((bar) =>
    [...bar.children]
      .filter((item) => item.getBoundingClientRect().width > 0 && item.textContent?.trim())
      .filter((item) => getComputedStyle(item).position !== 'absolute')
      .map((item) => {
        const range = document.createRange()
        range.selectNodeContents(item)
        const words = range.getBoundingClientRect()
        const box = item.getBoundingClientRect()
        const clips = getComputedStyle(item).overflowX !== 'visible'
        const spans = [...item.querySelectorAll('*')] as HTMLElement[]
        return {
          text: item.textContent!.trim(),
          left: clips ? Math.max(words.left, box.left) : words.left,
          right: clips ? Math.min(words.right, box.right) : words.right,
          clipped: spans.some((s) => s.scrollWidth > s.clientWidth + 0.5),
          ellipsis: spans.some(
            (s) =>
              s.scrollWidth > s.clientWidth + 0.5 &&
              getComputedStyle(s).textOverflow === 'ellipsis',
          ),
        }
      }),
  )
}

async function expectNothingOverlaps(page: Page) {
  const items = await itemTexts(page)
  for (let i = 1; i < items.length; i++) {
    expect(
      items[i]!.left,
      `"${items[i - 1]!.text}" runs into "${items[i]!.text}"`,
    ).toBeGreaterThanOrEqual(items[i - 1]!.right - 0.5)
  }
  // Whatever is cut is cut with an ellipsis, never mid-letter.
  for (const item of items) if (item.clipped) expect(item.ellipsis, item.text).toBe(true)
  return items
}

test('the status bar keeps its words apart at every width, by priority', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const bar = page.getByLabel('Sync status')
  await service.close()
  await expect(bar.getByText(/^Offline/)).toBeVisible({ timeout: 20_000 })
  const error = bar.locator('[tabindex="0"]').filter({ hasText: /reach|unreachable|connect/i })
  await expect(error).toBeVisible({ timeout: 20_000 })

  for (const width of [1280, 1024, 800]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 })
    const items = await expectNothingOverlaps(page)
    // The connection and "Sync now" are never cut.
    const connection = items[0]!
    expect(connection.text).toMatch(/^Offline/)
    expect(connection.clipped).toBe(false)
    const button = await bar.getByRole('button', { name: 'Sync now' }).boundingBox()
    expect(button!.x + button!.width).toBeLessThanOrEqual(width)
    // The cache's counts leave a narrow bar first; the error stays, clipped if it must be.
    const counts = bar.getByText(/deliver(y|ies), .* cached$/)
    if (width >= 1280) await expect(counts).toBeVisible()
    else await expect(counts).toBeHidden()
    await expect(error).toBeVisible()
    await page.screenshot({
      path: join(screens, `status-bar-offline-${width}.png`),
      clip: { x: 0, y: (width === 1280 ? 800 : 768) - 60, width, height: 60 },
    })
  }

  // The whole of a clipped error is in its tooltip, for the keyboard too.
  await bar.locator('[tabindex="0"]', { hasText: /^Last synced/ }).focus()
  await page.keyboard.press('Tab')
  await expect(error).toBeFocused()
  await expect(page.getByRole('tooltip')).toContainText(/could not be reached \(ECONNREFUSED\)/)
  await page.keyboard.press('Escape')
  await expectNoSeriousViolations(page)
})
