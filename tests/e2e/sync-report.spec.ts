// The sync report end to end, against the contract fault server: it serves good deliveries and
// cases, one delivery and one case the validator must reject, and three photos that go wrong in
// three ways (bytes that never match their SHA-256, a photo the service erased, bytes that are no
// image). The status bar says how many problems the run had and links to the report; the report
// shows the run's counts, each rejected record with the validator's reason, and each photo with
// a link to its delivery. A second sync then rejects nothing, and the report says so.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startFaultServer, TEST_ACCOUNT, type FaultServer } from '../support/fault-server.ts'
import {
  makeCase,
  makeDelivery,
  makeJpeg,
  notAnImage,
  photoRecord,
  uuidOf,
  type PhotoFile,
} from '../support/records.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let server: FaultServer
let consoleApp: RunningConsole

/** A valid delivery with one photo whose bytes are `file`, served as `bytes` (default: `file`). */
function deliveryWithPhoto(id: string, file: PhotoFile, bytes: Uint8Array = file.bytes) {
  const photoId = `ph-${id}-1`
  server.putPhoto(photoId, bytes)
  return makeDelivery(id, {
    deliveredAt: `2026-11-2${id}T09:30:00-08:00`,
    photos: [photoRecord(photoId, file)],
  })
}

const orderOf = (id: string) => makeDelivery(id).orderId

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  server = await startFaultServer()
  const good = await Promise.all([1, 2, 3].map((seed) => makeJpeg(seed)))
  const mismatched = await makeJpeg(4)
  const erased = await makeJpeg(5)
  const invalid = makeDelivery('7')
  server.deliveries.append(
    deliveryWithPhoto('1', good[0] as PhotoFile),
    deliveryWithPhoto('2', good[1] as PhotoFile),
    deliveryWithPhoto('3', good[2] as PhotoFile),
    deliveryWithPhoto('4', mismatched),
    deliveryWithPhoto('5', erased),
    deliveryWithPhoto('6', notAnImage()),
    // A geocoder bug upstream: a latitude past the pole.
    { ...invalid, address: { ...invalid.address, location: { lat: 95.2, lng: -122.3275 } } },
  )
  server.cases.append(
    makeCase(1, '1'),
    makeCase(2, '2'),
    { ...makeCase(3, '3'), status: 'escalated' }, // not a status the contract knows
  )
  // Every download of photo 4 arrives with the wrong bytes; photo 5 is gone for good.
  server.inject({ path: '/v1/photos/ph-4-1' }, { kind: 'wrong-bytes' }, 100)
  server.erasePhoto('ph-5-1')
  consoleApp = await startConsole({ serviceUrl: server.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await server?.close()
})

/** The cells of each body row of a table, as text. */
async function rowsOf(page: Page, table: string) {
  const rows = page.getByRole('table', { name: table }).locator('tbody tr')
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  )
}

/** The rows a grid has rendered (those in view), in order, each as its cells' text. */
function gridRows(page: Page, grid: string) {
  return page.getByRole('grid', { name: grid }).locator('[role="row"][data-rowindex]')
}
async function gridRowsOf(page: Page, grid: string) {
  await expect(gridRows(page, grid).first()).toBeVisible()
  return gridRows(page, grid).evaluateAll((rows) =>
    rows
      .sort((a, b) => Number(a.dataset.rowindex) - Number(b.dataset.rowindex))
      .map((row) =>
        [...row.querySelectorAll('[role="gridcell"]')].map((c) => (c.textContent ?? '').trim()),
      ),
  )
}

test('the report shows the last run, what it rejected and which photos are missing', async ({
  page,
}) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, TEST_ACCOUNT)

  // The status bar turns the run's problems into a way to the report.
  const statusBar = page.getByLabel('Sync status')
  const problems = statusBar.getByRole('link', { name: '5 problems — open the sync report' })
  await expect(problems).toBeVisible()
  // Reached with the keyboard; the tooltip says what the problems are.
  await statusBar.locator('[tabindex="0"]', { hasText: /^Last synced/ }).focus()
  await page.keyboard.press('Tab')
  await expect(problems).toBeFocused()
  await expect(page.getByRole('tooltip')).toContainText(
    '2 records rejected as invalid, 3 photos could not be fetched or shown',
  )
  await page.screenshot({
    path: join(screenshots, 'status-bar-problems.png'),
    clip: { x: 0, y: 900 - 130, width: 1440, height: 130 },
  })
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/#\/sync-report$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sync report' })).toBeFocused()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync report' }),
  ).toHaveAttribute('aria-current', 'page')

  // The last run: its outcome in words and its counts.
  const lastRun = page.getByRole('region', { name: 'Last run' })
  await expect(lastRun.getByText('Completed')).toBeVisible()
  const figure = (term: string) =>
    lastRun.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]')
  await expect(figure('Deliveries received')).toHaveText('7')
  await expect(figure('Cases received')).toHaveText('3')
  await expect(figure('Photos downloaded')).toHaveText('3')
  await expect(figure('Records rejected')).toHaveText('2')
  await expect(figure('Photo problems')).toHaveText('3')

  const runs = await rowsOf(page, 'Recent runs')
  expect(runs).toHaveLength(1)
  expect(runs[0]?.slice(2)).toEqual(['Completed', '7', '3', '2', '3', '3', '—'])

  // Each rejected record: what it is, its id, the validator's reason as is and in words.
  expect(await gridRowsOf(page, 'Records rejected in the last run')).toEqual([
    [
      'Delivery',
      '7',
      'Address › location › latitude must be 90 or less.',
      'address.location.lat: Too big: expected number to be <=90',
    ],
    [
      'Case',
      uuidOf(3),
      'Status must be one of open, investigating, awaiting_customer, resolved.',
      'status: Invalid option: expected one of "open"|"investigating"|"awaiting_customer"|"resolved"',
    ],
  ])

  // Each photo problem, newest delivery first, with the reason in words.
  const photoRows = await gridRowsOf(page, 'Photos that could not be fetched or shown')
  expect(photoRows.map((row) => row.slice(0, 2))).toEqual([
    [orderOf('6'), 'ph-6-1'],
    [orderOf('5'), 'ph-5-1'],
    [orderOf('4'), 'ph-4-1'],
  ])
  expect(photoRows[0]?.[2]).toMatch(/^This photo could not be displayed/)
  expect(photoRows[1]?.[2]).toBe('The delivery service erased this photo.')
  expect(photoRows[2]?.[2]).toMatch(/did not match its SHA-256/)

  await expectNoSeriousViolations(page)
  // Tall enough that the whole report is in one picture.
  await page.setViewportSize({ width: 1440, height: 1180 })
  await page.screenshot({ path: join(screenshots, 'sync-report.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400) // let MUI's colour transitions settle
  await page.screenshot({ path: join(screenshots, 'sync-report-dark.png') })
  await expectNoSeriousViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1440, height: 900 })

  // The order links to its delivery.
  await page.getByRole('link', { name: `Open order ${orderOf('5')}` }).click()
  await expect(page).toHaveURL(/#\/delivery\/5$/)
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderOf('5')}` })).toBeVisible()
  await page.goBack()

  // A second run gets nothing new. While it runs (the service is slow to answer), the report
  // lists it as running; when it finishes, the report refreshes itself.
  server.inject({ path: '/v1/sync/deliveries' }, { kind: 'delay', ms: 2_500 })
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'Sync now' }).focus()
  await page.keyboard.press('Enter')
  const syncing = main.getByRole('button', { name: 'Syncing…' })
  await expect(syncing).toHaveAttribute('aria-disabled', 'true')
  await expect(syncing).toBeFocused() // the keyboard user is not thrown back to the top
  await expect(page.getByRole('table', { name: 'Recent runs' }).getByText('Running')).toBeVisible()
  await expect(lastRun.getByRole('progressbar', { name: 'Sync in progress' })).toBeVisible()
  await page.screenshot({ path: join(screenshots, 'sync-report-running.png') })
  await expect(page.getByRole('table', { name: 'Recent runs' }).getByText('Running')).toHaveCount(0)
  await expect.poll(async () => (await rowsOf(page, 'Recent runs')).length).toBe(2)
  await expect(main.getByRole('button', { name: 'Sync now' })).toBeFocused()
  await expect(main.getByText('The last sync rejected nothing.')).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Records rejected in the last run' })).toHaveCount(0)
  await expect(figure('Deliveries received')).toHaveText('0')
  // Photos already given up on stay listed until the service fixes them.
  await expect(gridRows(page, 'Photos that could not be fetched or shown')).toHaveCount(3)
  await expect(
    statusBar.getByRole('link', { name: /problems? — open the sync report/ }),
  ).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: join(screenshots, 'sync-report-nothing-rejected.png') })
})

test('the report says when it is loading, and when it cannot be read says why and retries', async ({
  page,
}) => {
  // The core's answer is held back, then refused, as a damaged cache would; the rest is real.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let refuse = true
  await page.route('**/api/getSyncReport', async (route) => {
    if (!refuse) return route.continue()
    await held
    return route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'internal', message: 'The local cache could not be read.' },
      }),
    })
  })

  await page.goto(`${consoleApp.url}#/sync-report`)
  await signInAndWaitForSync(page, TEST_ACCOUNT)
  await expect(page.getByRole('status', { name: 'Loading the sync report' })).toBeVisible()
  release()
  const alert = page.getByRole('alert').filter({ hasText: 'The sync report could not be read.' })
  await expect(alert).toContainText('The local cache could not be read.')
  await expect(page.getByRole('status', { name: 'Loading the sync report' })).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: join(screenshots, 'sync-report-error.png') })

  refuse = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Recent runs' })).toBeVisible()
})
