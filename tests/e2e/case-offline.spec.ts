// Case work while the delivery service is down: the agent opens a case from a delivery, adds a
// note and resolves it; everything is kept locally and shown as waiting. When the service comes
// back (the same world on the same port), the console sends each change exactly once.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { CaseRecord, DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
const WORLD = { seed: 23, deliveries: 80 }

let service: DemoService
let consoleApp: RunningConsole
let port: number

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService(WORLD)
  port = Number(new URL(service.url).port)
  consoleApp = await startConsole({ serviceUrl: service.url, syncIntervalSeconds: 2 })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test('case work done offline is kept, shown as waiting, and sent once when the service is back', async ({
  page,
}) => {
  const withCases = new Set(
    service.world.cases().flatMap((c) => (c.deleted ? [] : [(c as CaseRecord).deliveryId])),
  )
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord =>
      d.deleted !== true &&
      d.status === 'delivered' &&
      d.photos.length > 0 &&
      d.photoWithheld === null &&
      !withCases.has(d.id),
  )
  expect(delivery, 'the demo world has a delivered order with photos and no case').toBeTruthy()
  if (!delivery) return

  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const statusBar = page.getByLabel('Sync status')

  // The service goes away; the next sync finds out.
  await service.close()
  await expect(statusBar.getByText(/^Offline/)).toBeVisible({ timeout: 20_000 })

  // Open a case from the delivery, as an agent on the phone would.
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill(delivery.orderId)
  await page.getByRole('link', { name: `Open order ${delivery.orderId}` }).click()
  await page.getByRole('button', { name: 'Open a case' }).click()
  const openDialog = page.getByRole('dialog', { name: /Open a case/ })
  await openDialog.getByRole('radio', { name: /Not received/ }).check()
  await openDialog
    .getByRole('textbox', { name: 'First note (optional)' })
    .fill('Customer called: nothing at the door when they got home.')
  await openDialog.getByRole('button', { name: 'Open case' }).click()
  await expect(page).toHaveURL(/#\/case\/[0-9a-f-]{36}$/)
  const caseId = /#\/case\/([0-9a-f-]{36})$/.exec(page.url())![1]!

  const timeline = page.getByRole('list', { name: 'Timeline' })
  const entries = timeline.getByRole('listitem')
  await expect(entries.filter({ hasText: 'Opened' })).toContainText('Waiting to be sent')
  // Opening it made it this agent's: that too waits to be sent.
  await expect(entries.filter({ hasText: 'Assigned to' })).toContainText('Waiting to be sent')
  // Opened on this console: the evidence was frozen with it.
  await expect(
    page.getByRole('heading', { name: 'Evidence when the case was opened' }),
  ).toBeVisible()
  await expect(page.getByText(delivery.driver.name).first()).toBeVisible()

  await page.keyboard.press('n')
  const noteBox = page.getByRole('textbox', { name: 'Note' })
  await noteBox.fill('Asked the neighbours at 14 and 16; nobody took it in.')
  await page.getByRole('button', { name: 'Add note', exact: true }).last().click()
  await expect(entries.filter({ hasText: 'Asked the neighbours' })).toContainText(
    'Waiting to be sent',
  )

  await noteBox.blur()
  await page.keyboard.press('s')
  const resolveDialog = page.getByRole('dialog', { name: /Resolve the case/ })
  await resolveDialog.getByRole('radio', { name: /Replacement sent/ }).check()
  await resolveDialog
    .getByRole('textbox', { name: 'Note (optional)' })
    .fill('Replacement ordered; the customer has the new tracking number.')
  await resolveDialog.getByRole('button', { name: 'Resolve case' }).click()
  await expect(resolveDialog).toBeHidden()
  await expect(entries.filter({ hasText: 'Resolved:' })).toContainText('Waiting to be sent')
  await expect(timeline.getByText('Sent', { exact: true })).toHaveCount(0)

  // Four case changes made here wait to be sent (the status bar polls, so give it a moment).
  await expect(statusBar.getByText('Offline — 4 changes waiting')).toBeVisible()
  await expect(page.getByText(/4 changes waiting to be sent/)).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(screenshots, 'case-offline.png') })

  // Nothing reached the service yet.
  expect(service.world.appliedCaseEvents()).toHaveLength(0)

  // The same world comes back on the same port; the next sync sends the work.
  service = await startDemoService({ ...WORLD, port })
  await expect(timeline.getByText('Waiting to be sent', { exact: true })).toHaveCount(0, {
    timeout: 30_000,
  })
  await expect(timeline.getByText('Sent', { exact: true })).toHaveCount(4)
  await expect(statusBar.getByText(/^Online$/)).toBeVisible({ timeout: 15_000 })
  await expect(statusBar.getByText(/waiting/)).toHaveCount(0, { timeout: 15_000 })

  const applied = () => service.world.appliedCaseEvents().filter((e) => e.caseId === caseId)
  expect(applied().map((e) => e.event.type)).toEqual([
    'opened',
    'assigned',
    'note_added',
    'resolved',
  ])
  expect(new Set(applied().map((e) => e.event.id)).size).toBe(4)
  const onService = service.world.case(caseId) as CaseRecord
  expect(onService.status).toBe('resolved')
  expect(onService.resolution?.code).toBe('replacement_sent')

  // Later syncs send nothing again.
  await page.waitForTimeout(5_000)
  expect(applied()).toHaveLength(4)
  await expect(timeline.getByText('Sent', { exact: true })).toHaveCount(4)
})
