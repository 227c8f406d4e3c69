// One computer, two agents, in Chromium. Alex adds a note to a case while the service is down and
// signs out without erasing; Jordan signs in on the same console. Jordan sees that Alex's change
// waits for Alex, never what it says; Jordan's own note on the same case is sent at once; Jordan
// may not erase Alex's work, and a supervisor may only by naming Alex.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import type { CaseRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
const WORLD = { seed: 29, deliveries: 60 }
const ALEX_NOTE = 'Alex: the neighbour at number 12 may have taken it in.'
const JORDAN_NOTE = 'Jordan: customer confirms nothing arrived.'

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

async function signOut(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await page
    .getByRole('dialog', { name: 'Sign out of Porchlight?' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click()
  await expect(page.getByLabel('User name')).toBeVisible()
}

test("another agent's unsent work waits for them, unread, and holds nothing up", async ({
  page,
}) => {
  const open = service.world
    .cases()
    .find((c): c is CaseRecord => c.deleted !== true && c.status !== 'resolved')
  expect(open, 'the demo world has an open case').toBeTruthy()
  const caseId = open!.id
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const statusBar = page.getByLabel('Sync status')

  // Alex works offline, then signs out without erasing.
  await service.close()
  await expect(statusBar.getByText(/^Offline/)).toBeVisible({ timeout: 20_000 })
  await page.goto(`${consoleApp.url}#/case/${caseId}`)
  const timeline = page.getByRole('list', { name: 'Timeline' })
  await page.getByRole('textbox', { name: 'Note' }).fill(ALEX_NOTE)
  await page.getByRole('button', { name: 'Add note', exact: true }).last().click()
  await expect(timeline.getByRole('listitem').filter({ hasText: ALEX_NOTE })).toContainText(
    'Waiting to be sent',
  )
  await signOut(page, /Alex Rivera/)

  // The service is back; Jordan signs in on the same console.
  service = await startDemoService({ ...WORLD, port })
  await signInAndWaitForSync(page, { username: 'agent2', password: 'demo-agent2' })
  await expect(
    statusBar.getByText('1 change by Alex Rivera waits for Alex to sign in'),
  ).toBeVisible()

  await page.goto(`${consoleApp.url}#/case/${caseId}`)
  await expect(
    page.getByText(/1 change by Alex Rivera waits for Alex to sign in on this computer/),
  ).toBeVisible()
  await expect(page.getByText(ALEX_NOTE)).toHaveCount(0)
  expect(await page.content()).not.toContain('number 12')
  await expect(timeline.getByText('Waiting to be sent', { exact: true })).toHaveCount(0)

  // Jordan's own note on the same case goes out at once.
  await page.getByRole('textbox', { name: 'Note' }).fill(JORDAN_NOTE)
  await page.getByRole('button', { name: 'Add note', exact: true }).last().click()
  await expect(timeline.getByRole('listitem').filter({ hasText: JORDAN_NOTE })).toContainText(
    'Sent',
    { timeout: 30_000 },
  )
  const applied = service.world.appliedCaseEvents().filter((e) => e.caseId === caseId)
  expect(applied.map((e) => [e.event.note, e.userId])).toEqual([[JORDAN_NOTE, 'u_jordan_lee']])

  await page.mouse.move(0, 0)
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
  await expectNoSeriousViolations(page)
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        path: join(screenshots, `shared-workstation-case-${width}-${scheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })

  // Jordan may not erase Alex's unsent work.
  await page.getByRole('button', { name: /Jordan Lee/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sign out of Porchlight?' })
  await expect(dialog).toContainText(
    "Alex Rivera's unsent work also waits here for Alex to sign in.",
  )
  await dialog
    .getByRole('checkbox', { name: 'Also erase the local data from this computer' })
    .check()
  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText(/Alex Rivera's \d+ unsent changes? \(1 case change/)
  await expect(refusal).toContainText('Only a supervisor can erase')
  await expect(dialog.getByRole('button', { name: 'Sign out and erase' })).toBeDisabled()
  await dialog.screenshot({ path: join(screenshots, 'shared-workstation-erase-agent.png') })
  await dialog
    .getByRole('checkbox', { name: 'Also erase the local data from this computer' })
    .uncheck()
  await dialog.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByLabel('User name')).toBeVisible()

  // A supervisor may, naming Alex; the audit log keeps the decision.
  await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
  await page.getByRole('button', { name: /Sam Okafor/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await dialog
    .getByRole('checkbox', { name: 'Also erase the local data from this computer' })
    .check()
  const erase = dialog.getByRole('button', { name: 'Sign out and erase' })
  await expect(dialog.getByRole('alert')).toContainText('Erasing deletes it for good')
  await expect(erase).toBeDisabled()
  await expectNoSeriousViolations(page)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await dialog.screenshot({
      path: join(screenshots, `shared-workstation-erase-supervisor-${scheme}.png`),
    })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await dialog.getByRole('checkbox', { name: "Delete Alex Rivera's unsent work" }).check()
  await erase.click()
  await expect(page.getByLabel('User name')).toBeVisible()

  const sqlite = new BetterSqlite3(join(consoleApp.dataDir, 'porchlight.sqlite'), {
    readonly: true,
  })
  try {
    const entries = sqlite
      .prepare('SELECT kind, actor_id, payload_json FROM audit_log ORDER BY seq')
      .all() as Array<{ kind: string; actor_id: string; payload_json: string }>
    const discarded = entries.find((e) => e.kind === 'unsent-work-discarded')
    expect(discarded?.actor_id).toBe('u_sam_okafor')
    expect(JSON.parse(discarded!.payload_json)).toMatchObject({
      authorId: 'u_alex_rivera',
      caseChanges: 1,
    })
  } finally {
    sqlite.close()
  }
})
