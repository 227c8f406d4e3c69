// A damaged cache as the person at the keyboard meets it, in browser mode: found at start, a
// dialog says what was saved and what must be redone; met while working, the window's own screen
// says the cache is damaged and "Recover now" brings the person back to work, still signed in.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { CACHE, fillCache, garblePages, leafPagesOf } from '../core/db/damaged-cache-fixture.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
const consoles: RunningConsole[] = []

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 31, deliveries: 40 })
})

test.afterAll(async () => {
  for (const running of consoles) await running.stop()
  await service?.close()
})

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
}

test('found at start: the dialog says what was saved, and what must be made again', async ({
  page,
}) => {
  let waiting = 0
  const running = await startConsole({
    serviceUrl: service.url,
    prepare: async (dataDir) => {
      const filled = await fillCache(dataDir, { deliveries: 200 })
      waiting = filled.waiting
      const leaves = leafPagesOf(dataDir, 'case_events')
      garblePages(dataDir, [leaves[Math.floor(leaves.length / 2)]!], filled.pageSize)
    },
  })
  consoles.push(running)
  await page.goto(running.url)
  const dialog = page.getByRole('dialog', { name: 'Porchlight replaced its damaged cache' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(/\d+ case changes you had not yet sent could not be saved/)
  await expect(dialog).toContainText(
    'The local cache could not be used: database disk image is malformed.',
  )
  await expect(dialog).toContainText(/It was kept as damaged\/porchlight-[0-9TZ-]+\.sqlite/)
  await expect(dialog).toContainText(/Recovered from it: \d+ case changes not yet sent/)
  await expect(dialog).toContainText('Could not be recovered: ')
  await expect(dialog).toContainText(
    'Deliveries, photos and cases will be downloaded again at the next sync.',
  )
  expect(waiting).toBeGreaterThan(0)
  await expectNoSeriousViolations(page)
  await screenshotsOf(page, 'cache-recovered')

  // Read and acknowledged: it does not come back.
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByLabel('User name')).toBeVisible()
  await page.waitForTimeout(3_500) // one more health check
  await expect(dialog).toBeHidden()
})

test('met while working: the damaged screen, then "Recover now" and back to work', async ({
  page,
}) => {
  const running = await startConsole({ serviceUrl: service.url })
  consoles.push(running)
  await page.goto(running.url)
  await signInAndWaitForSync(page)

  // The search index's pages go bad under the running console (written to the file first).
  const file = join(running.dataDir, CACHE)
  const other = new BetterSqlite3(file)
  other.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = other.pragma('page_size', { simple: true }) as number
  other.close()
  garblePages(running.dataDir, leafPagesOf(running.dataDir, 'deliveries_fts_data'), pageSize)

  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill('Lane')
  const screen = page.getByRole('main').filter({ hasText: 'The local cache is damaged' })
  await expect(
    screen.getByRole('heading', { name: 'Porchlight needs to recover its local cache' }),
  ).toBeVisible()
  await expect(screen).toContainText(
    'The local cache is damaged: database disk image is malformed. Porchlight has stopped using it. Recover now keeps the damaged file aside',
  )
  await expectNoSeriousViolations(page)
  await screenshotsOf(page, 'cache-damaged')

  await screen.getByRole('button', { name: 'Recover now' }).click()
  const dialog = page.getByRole('dialog', { name: 'Porchlight replaced its damaged cache' })
  await expect(dialog).toContainText('(met while Porchlight was running, ')
  await dialog.getByRole('button', { name: 'OK' }).click()
  // Still signed in; the next sync brings the deliveries back.
  await expect(page.getByLabel('Sync status')).toBeVisible()
  await page.getByRole('button', { name: /Sync now/ }).click()
  await expect(page.getByLabel('Sync status').getByText(/Last synced/)).toBeVisible({
    timeout: 90_000,
  })
})
