// People by name in the browser, over the demo delivery service: the queue, a case's header and
// timeline and its delivery name agents, supervisors and drivers from the service's directory
// (Arabic, Chinese and Cyrillic names as written), with the id on hover; a person the directory
// does not list is "Unknown person (id)", never a bare id.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { CaseRecord, DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { casesGrid, everyQueueRow, findQueueRow, queueLength } from './support/queue.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
const SUPERVISOR = 'u_sam_okafor'

let service: DemoService
let consoleApp: RunningConsole
let layla: CaseRecord
let former: CaseRecord
let formerDelivery: DeliveryRecord

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 7, deliveries: 300 })
  const open = service.world
    .cases()
    .filter((c): c is CaseRecord => c.deleted !== true && c.status !== 'resolved')
    .sort((a, b) => a.id.localeCompare(b.id))
  const act = (c: CaseRecord, userId: string, event: Record<string, unknown>) => {
    const current = service.world.case(c.id) as CaseRecord
    const result = service.world.applyCaseEvent(
      c.id,
      {
        id: randomUUID(),
        occurredAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        baseVersion: current.version,
        ...event,
      } as Parameters<typeof service.world.applyCaseEvent>[1],
      userId,
    )
    if (result.status !== 200) throw new Error(`the service refused: ${JSON.stringify(result)}`)
    return result.case as CaseRecord
  }
  // A case assigned to a colleague the directory names in Arabic script, and one assigned to a
  // colleague who has left it, with a note by a colleague named in Chinese.
  layla = act(open[0]!, SUPERVISOR, { type: 'assigned', assigneeId: 'u_layla_haddad' })
  act(open[1]!, SUPERVISOR, { type: 'assigned', assigneeId: 'u_kim_former' })
  former = act(open[1]!, 'u_zhang_wei', { type: 'note_added', note: 'Called the customer.' })
  formerDelivery = (await service.world.delivery(former.deliveryId)) as DeliveryRecord
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.screenshot({
        path: join(screenshots, `people-${name}-${size.width}x${size.height}-${colorScheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('the queue names assignees from the directory, the id on hover', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page.goto(`${consoleApp.url}#/cases`)
  const table = casesGrid(page)
  await expect(table).toBeVisible()
  // Every row of the queue, read by scrolling it: the grid holds only the rows in view.
  const rows = await everyQueueRow(page)
  expect(rows.length).toBe(await queueLength(page))
  // Never a bare id anywhere in the queue.
  for (const { order, text } of rows) {
    expect(text, `the row of order ${order}`).not.toContain('u_layla_haddad')
    expect(text, `the row of order ${order}`).not.toMatch(/(^|\s)u_[a-z_]+(\s|$)/)
  }
  expect(rows.some((r) => r.text.includes('Unknown person (u_kim_former)'))).toBe(true)
  await expect(await findQueueRow(page, 'Unknown person (u_kim_former)')).toBeVisible()
  const row = await findQueueRow(page, layla.orderId)
  const name = row.locator('bdi[data-person-id="u_layla_haddad"]')
  await expect(name).toHaveText('ليلى حداد')
  await expect(name).toHaveAttribute('title', 'id u_layla_haddad')
  await shoot(page, 'queue')

  // Filtered to her cases, the chip that says so names her, her id on hover too.
  await page.goto(`${consoleApp.url}#/cases?assignee=u_layla_haddad`)
  const chip = page.getByRole('button', { name: 'Assigned to ليلى حداد — remove this filter' })
  await expect(chip).toBeVisible()
  await expect(chip).toHaveAttribute('title', 'id u_layla_haddad')
  await expect(chip).not.toContainText('u_layla_haddad')
})

test('a case names its people, one unknown to the directory said so', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page.goto(`${consoleApp.url}#/case/${former.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(former.orderId)
  const assignee = page.locator('bdi[data-person-id="u_kim_former"]').first()
  await expect(assignee).toHaveText('Unknown person (u_kim_former)')
  // The timeline: the note's author in Chinese script, the id on hover.
  const author = page.locator('bdi[data-person-id="u_zhang_wei"]').first()
  await expect(author).toHaveText('张伟')
  await expect(author).toHaveAttribute('title', 'id u_zhang_wei')
  // The delivery's driver by name, the id on hover.
  const driver = page.locator(`bdi[data-person-id="${formerDelivery.driver.id}"]`).first()
  await expect(driver).toHaveText(formerDelivery.driver.name)
  await expect(driver).toHaveAttribute('title', `id ${formerDelivery.driver.id}`)
  await expectNoSeriousViolations(page)
  await shoot(page, 'case')
})
