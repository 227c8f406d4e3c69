// The built-in demo on first start (`npm run browser -- --demo`, a smaller world): a new cache,
// and at once the agent finds the changes made offline that colleagues overtook, waiting for a
// decision, and settles one side by side; search's filters find deliveries left far away and
// photos sent again.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'
import { findQueueRow } from './support/queue.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  // 200 deliveries: 25 seeded cases, three of them overtaken (demo-earlier-work.test.ts).
  consoleApp = await startConsole({ demoDeliveries: 200 })
})

test.afterAll(async () => {
  await consoleApp?.stop()
})

test('the agent finds conflicts waiting, and the demo’s evidence, at once', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  const navigation = page.getByRole('navigation', { name: 'Main' })
  const cases = navigation.getByRole('link', { name: /^Cases\b.*3 need your decision/ })
  await expect(cases).toBeVisible({ timeout: 30_000 })
  await cases.click()
  await expect(page.getByText(/3 need your decision/).first()).toBeVisible()
  // The grid holds only the rows in view: read down the queue to the first conflict.
  const row = await findQueueRow(page, 'Needs your decision')
  await row.getByRole('link', { name: /^Open the case on order / }).click()
  const conflict = page.getByRole('region', {
    name: 'Needs your decision: the case changed on the service',
  })
  await expect(conflict).toBeVisible()
  await expect(conflict.getByRole('heading', { name: 'Your change' })).toBeVisible()
  await expect(conflict.getByRole('heading', { name: 'The case on the service now' })).toBeVisible()
  await expectNoSeriousViolations(page)
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        path: join(screenshots, `demo-conflict-${width}x${height}-${scheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })

  // Dropped: it waits no more.
  await conflict.getByRole('button', { name: 'Discard mine' }).click()
  await expect(conflict).toBeHidden()
  await expect(
    navigation.getByRole('link', { name: /^Cases\b.*2 need your decision/ }),
  ).toBeVisible()

  // Search's filters have deliveries to show.
  await page.keyboard.press('Control+k')
  for (const filter of ['Only delivered away from the address', 'Only with a reused photo']) {
    const box = page.getByRole('checkbox', { name: filter })
    await box.check()
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    await box.uncheck()
  }
})
