// Privacy end to end, as an agent meets it: Settings says what is kept on this computer and for
// how long and can remove what expired; "Copy diagnostics" puts a report on the clipboard without
// the sign-in or customer details; signing out can erase the local data, and asks first when
// work has not been sent.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let consoleApp: RunningConsole
let records: DeliveryRecord[]

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 23, deliveries: 60 })
  records = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord => d.deleted !== true,
  )
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('settings show what is kept and for how long, and remove what expired', async ({ page }) => {
  await page.goto(`${consoleApp.url}#/settings`)
  await signInAndWaitForSync(page)
  await page.reload() // read what the finished sync stored
  const section = page.getByRole('region', { name: 'Data kept on this computer' })
  await expect(section).toBeVisible()
  const table = section.getByRole('table', { name: /What is kept/ })
  await expect(table.getByRole('row')).toHaveCount(6)
  const photos = table.getByRole('row', { name: /Photos and thumbnails/ })
  await expect(photos).toContainText('30 days after they were taken')
  await expect(photos).toContainText(/\d+ photos, oldest from/)
  await expect(table.getByRole('row', { name: /Delivery records/ })).toContainText(
    /90 days after delivery.*\d+ deliveries/,
  )
  await expect(table.getByRole('row', { name: /Audit log/ })).toContainText('no customer details')
  await expect(
    section.getByRole('status').filter({ hasText: 'Nothing has been removed yet.' }),
  ).toBeVisible()
  await expectNoSeriousViolations(page)
  await section.screenshot({ path: join(screenshots, 'settings-retention.png') })

  // The demo world spans 90 days: a 30-day photo period has expired photos to remove.
  const before = Number(
    /(\d[\d,]*) photos/.exec((await photos.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
  )
  await section.getByRole('button', { name: 'Remove expired data now' }).click()
  await expect(
    section.getByRole('status').filter({ hasText: /Last removal .*: \d+ photos? and/ }),
  ).toBeVisible()
  const after = Number(
    /(\d[\d,]*) photos/.exec((await photos.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
  )
  expect(after).toBeLessThan(before)

  // A longer period is kept in the core.
  await section.getByRole('combobox', { name: 'Keep photos for' }).click()
  await page.getByRole('option', { name: '90 days' }).click()
  await expect(photos).toContainText('90 days after they were taken')
  await page.reload()
  await expect(
    page.getByRole('region', { name: 'Data kept on this computer' }).getByRole('combobox', {
      name: 'Keep photos for',
    }),
  ).toHaveText('90 days')

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400)
  await page
    .getByRole('region', { name: 'Data kept on this computer' })
    .screenshot({ path: join(screenshots, 'settings-retention-dark.png') })
  await expectNoSeriousViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
})

test('copy diagnostics puts a report on the clipboard with no secrets or customers', async ({
  page,
}) => {
  await page.goto(`${consoleApp.url}#/settings`)
  await signInAndWaitForSync(page)
  const support = page.getByRole('region', { name: 'Support' })
  await expect(support.getByRole('status')).toHaveText(
    'Updates are only checked by an installed Porchlight.',
  )
  await expect(support.getByRole('button', { name: 'Check for updates' })).toBeDisabled()
  await support.getByRole('button', { name: 'Copy diagnostics' }).click()
  await expect(support.getByRole('alert').filter({ hasText: 'Diagnostics copied.' })).toBeVisible()
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text).toContain('Porchlight diagnostics')
  expect(text).toContain('Signed in: yes (agent)')
  expect(text).toContain('Last successful sync: 20')
  expect(text).not.toContain('demo-agent')
  const token = new URL(consoleApp.url).searchParams.get('token')!
  expect(text).not.toContain(token)
  for (const record of records.slice(0, 40)) {
    expect(text).not.toContain(record.customer.name)
    expect(text).not.toContain(record.address.line1)
  }
  await support.screenshot({ path: join(screenshots, 'settings-support.png') })
})

test('signing out can erase the local data, after confirming unsent work is lost', async ({
  page,
}) => {
  // A recent delivery: the first test removed older photos.
  const delivery = records.find(
    (d) =>
      d.status === 'delivered' &&
      d.photoWithheld === null &&
      d.photos.length > 0 &&
      Date.now() - Date.parse(d.deliveredAt ?? '') < 20 * 86_400_000,
  )!
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  // Looking at a photo records a view; with the sync timer off it is not sent yet.
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(delivery.orderId)
  await page.getByRole('link', { name: `Open order ${delivery.orderId}` }).click()
  const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)
  expect(existsSync(join(consoleApp.dataDir, 'photos'))).toBe(true)

  await page.getByRole('button', { name: /Alex Rivera/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sign out of Porchlight?' })
  await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused()
  await dialog
    .getByRole('checkbox', { name: 'Also erase the local data from this computer' })
    .check()
  await expect(dialog.getByRole('alert')).toContainText('1 photo-view record')
  const erase = dialog.getByRole('button', { name: 'Sign out and erase' })
  await expect(erase).toBeDisabled()
  await expectNoSeriousViolations(page)
  await dialog.screenshot({ path: join(screenshots, 'sign-out-erase.png') })
  await dialog.getByRole('checkbox', { name: 'Delete my unsent changes too' }).check()
  await erase.click()

  await expect(page.getByLabel('User name')).toBeVisible()
  expect(existsSync(join(consoleApp.dataDir, 'photos'))).toBe(false)
  const sqlite = new BetterSqlite3(join(consoleApp.dataDir, 'porchlight.sqlite'), {
    readonly: true,
  })
  try {
    const count = (table: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('deliveries')).toBe(0)
    expect(count('photo_views')).toBe(0)
    expect(count('audit_log')).toBeGreaterThanOrEqual(2)
  } finally {
    sqlite.close()
  }
})
