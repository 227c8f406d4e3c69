// The delivery service sheds load. First it answers a sync's page 503 with a Retry-After of 15 s:
// the sync waits, and says so while it runs. Then it answers 429 with a Retry-After of two
// minutes, longer than Porchlight waits within one sync: the sync ends; the status bar says until
// when the service asked us to wait (local time, HH:MM) and counts down; "Sync now" meanwhile
// sends nothing; the sync report records the wait with the request that got it. The status bar
// keeps its place at 1024 px: the wait truncates, "Sync now" stays whole and clear of it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startFaultServer, TEST_ACCOUNT, type FaultServer } from '../support/fault-server.ts'
import { makeDelivery } from '../support/records.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let server: FaultServer
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  server = await startFaultServer()
  server.deliveries.append(makeDelivery('1', { photos: [] }), makeDelivery('2', { photos: [] }))
  consoleApp = await startConsole({ serviceUrl: server.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await server?.close()
})

/** "14:32" in this computer's time zone (the browser's too). */
const clockTime = (ms: number) =>
  `${String(new Date(ms).getHours()).padStart(2, '0')}:${String(new Date(ms).getMinutes()).padStart(2, '0')}`

/** Seconds left in "… (1:58 left)". */
function secondsLeft(text: string): number {
  const match = /\((\d+):(\d\d) left\)/.exec(text)
  if (!match) throw new Error(`no countdown in "${text}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

async function statusBarShot(page: Page, name: string) {
  const { width, height } = page.viewportSize() ?? { width: 1440, height: 900 }
  await page.screenshot({
    path: join(screenshots, `${name}-${width}.png`),
    clip: { x: 0, y: height - 90, width, height: 90 },
  })
}

// The item in the status bar (the words alone are also announced to screen readers, out of
// sight, by an element that is not focusable).
const waitItem = (page: Page) =>
  page.getByLabel('Sync status').locator('[tabindex="0"]', {
    hasText: /^The delivery service asked us to wait until \d\d:\d\d \(/,
  })

/** The wait gives way to its neighbours; "Sync now" stays whole and clear of it. */
async function expectStatusBarInPlace(page: Page) {
  const width = page.viewportSize()?.width ?? 0
  const button = await page
    .getByLabel('Sync status')
    .getByRole('button', { name: /Sync now|Syncing…/ })
    .boundingBox()
  const item = await waitItem(page).boundingBox()
  expect(button && item && item.x + item.width <= button.x).toBe(true)
  expect(button && button.x + button.width <= width).toBe(true)
}

test('a sync waits for the service while it runs, and the status bar says so', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, TEST_ACCOUNT)
  const statusBar = page.getByLabel('Sync status')

  server.inject({ path: '/v1/sync/deliveries' }, { kind: 'status', status: 503, retryAfter: 15 })
  await statusBar.getByRole('button', { name: 'Sync now' }).click()
  await expect(statusBar.getByText(/^Syncing — /)).toBeVisible()
  await expect(waitItem(page)).toBeVisible()
  await expectStatusBarInPlace(page)
  await statusBarShot(page, 'status-bar-service-wait-syncing')

  // The run carries on after the instant, and completes; the wait leaves the status bar.
  await expect(statusBar.getByRole('button', { name: 'Sync now' })).toBeEnabled({
    timeout: 60_000,
  })
  await expect(waitItem(page)).toHaveCount(0)
  await expect(statusBar.getByText(/Last synced just now/)).toBeVisible()
  expect(server.arrivedEarly()).toEqual([])
  expect(server.backOffs).toHaveLength(1)
})

test('the status bar says until when the service asked us to wait and counts down', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, TEST_ACCOUNT)
  const statusBar = page.getByLabel('Sync status')

  server.deliveries.append(makeDelivery('3', { photos: [] }))
  server.inject({ path: '/v1/sync/deliveries' }, { kind: 'status', status: 429, retryAfter: 120 })
  const asked = Date.now() + 120_000
  await statusBar.getByRole('button', { name: 'Sync now' }).click()

  const wait = waitItem(page)
  await expect(wait).toBeVisible()
  const text = (await wait.textContent()) ?? ''
  // The instant is that of the answer; a minute boundary may fall between it and `asked`.
  const until = [clockTime(asked - 2_000), clockTime(asked + 2_000)]
  expect(until.map((t) => `The delivery service asked us to wait until ${t}`)).toContain(
    text.replace(/ \(.*$/, ''),
  )
  const first = secondsLeft(text)
  expect(first).toBeGreaterThan(100)
  expect(first).toBeLessThanOrEqual(120)
  await expect.poll(async () => secondsLeft((await wait.textContent()) ?? '')).toBeLessThan(first)
  // The run's error says the same; it is not shown twice.
  await expect(statusBar.getByText(/Nothing is sent to it before then/)).toHaveCount(0)

  // The tooltip has the whole of it, for a keyboard user too.
  await statusBar.locator('[tabindex="0"]', { hasText: /^Last synced/ }).focus()
  await page.keyboard.press('Tab')
  await expect(wait).toBeFocused()
  await expect(page.getByRole('tooltip')).toContainText(
    'Porchlight sends it nothing before then: syncing and sending your changes carry on after that, and nothing is lost.',
  )
  await page.keyboard.press('Escape')

  // "Sync now" while the service asks us to wait: the run ends at once, nothing is sent.
  const asks = server.requests.length
  await statusBar.getByRole('button', { name: 'Sync now' }).click()
  await expect(statusBar.getByRole('button', { name: 'Sync now' })).toBeEnabled()
  await expect(wait).toBeVisible()
  expect(server.requests).toHaveLength(asks)

  await expectNoSeriousViolations(page)
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 })
    await expectStatusBarInPlace(page)
    await page.emulateMedia({ colorScheme: 'light' })
    await statusBarShot(page, 'status-bar-service-wait')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForTimeout(400) // let MUI's colour transitions settle
    await statusBarShot(page, 'status-bar-service-wait-dark')
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })

  // The sync report records the wait with the request that got it: the last run was held by
  // it, the one before got the answer.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Sync report' })
    .click()
  const lastRun = page.getByRole('region', { name: 'Last run', exact: true })
  await expect(lastRun.getByText('Failed')).toBeVisible()
  const askedAt = [clockTime(asked - 122_000), clockTime(asked - 118_000)]
  const said = await lastRun.getByText(/: it answered/).textContent()
  expect(
    until.flatMap((u) =>
      askedAt.map(
        (a) =>
          `The delivery service asked us to wait until ${u}: it answered a page of deliveries with HTTP 429 at ${a}. It asked before this run started.`,
      ),
    ),
  ).toContain(said)
  const runs = page.getByRole('table', { name: 'Recent runs' })
  await expect(runs.locator('tbody tr')).toHaveCount(4)
  for (const row of [0, 1]) {
    await expect(runs.locator('tbody tr').nth(row)).toContainText(
      text.replace(/ \(.*$/, '') + '. Nothing is sent to it before then',
    )
  }
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(400)
      await lastRun.screenshot({
        path: join(screenshots, `sync-report-service-wait-${scheme}-${width}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  // The whole report is checked where its run table fits (as sync-report.spec.ts does).
  await page.setViewportSize({ width: 1440, height: 900 })
  await expectNoSeriousViolations(page)
})
