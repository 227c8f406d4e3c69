// Reports end to end, in browser mode against the demo delivery service: a supervisor opens
// Reports from the navigation, reads the figures and charts (each also a table), and exports
// each format from the UI, downloading the file as a person would. An agent sees no Reports,
// and the API refuses an agent's report and export calls whatever the page does.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test, type Page } from '@playwright/test'
import { extractText, getDocumentProxy } from 'unpdf'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 11, deliveries: 300 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

const SUPERVISOR = { username: 'supervisor', password: 'demo-supervisor' }
const AGENT = { username: 'agent', password: 'demo-agent' }

/** The bridge token, as the page keeps it, for calling the API the way a script in it could. */
async function bridgeToken(page: Page): Promise<string> {
  return page.evaluate(() => window.sessionStorage.getItem('porchlight.bridgeToken') ?? '')
}

async function callApi(page: Page, name: string, arg: unknown) {
  const origin = new URL(consoleApp.url).origin
  const response = await page.request.post(`${origin}/api/${name}`, {
    headers: { 'X-Porchlight-Token': await bridgeToken(page) },
    data: { arg },
  })
  return { status: response.status(), body: await response.json() }
}

async function exportAndDownload(page: Page, format: 'csv' | 'xlsx') {
  const panel = page.getByRole('region', { name: 'Export' })
  await panel.getByRole('button', { name: `Export ${format.toUpperCase()}` }).click()
  const done = panel
    .getByRole('status')
    .getByText(new RegExp(`^Exported \\d+ cases? to .*\\.${format}\\.$`))
  await expect(done).toBeVisible({ timeout: 60_000 })
  const rows = Number(/Exported (\d+)/.exec((await done.textContent()) ?? '')?.[1])
  const downloading = page.waitForEvent('download')
  await panel.getByRole('link', { name: 'Download' }).click()
  const download = await downloading
  const path = join(consoleApp.dataDir, `downloaded-${download.suggestedFilename()}`)
  await download.saveAs(path)
  return { rows, path, name: download.suggestedFilename() }
}

test('a supervisor reads the figures and exports each format', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, SUPERVISOR)

  const navigation = page.getByRole('navigation', { name: 'Main' })
  await navigation.getByRole('link', { name: 'Reports' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/reports$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused()

  // Last 90 days: the demo world's cases are from its 90 days.
  await page.getByRole('combobox', { name: 'Period' }).click()
  await page.getByRole('option', { name: 'Last 90 days' }).click()
  const cases = service.world.cases().filter((c) => c.deleted !== true)
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByLabel('Figures')).toContainText('Cases opened')

  // Each chart is a table too: for screen readers always, on screen when asked.
  const perDay = page.getByRole('region', { name: 'Cases per day' })
  await expect(perDay.locator('svg').first()).toBeVisible()
  await perDay.getByRole('button', { name: 'Table' }).click()
  await expect(perDay.getByRole('columnheader', { name: 'Opened' })).toBeVisible()
  const openedPerDay = await perDay
    .getByRole('row')
    .evaluateAll((rows) =>
      rows
        .slice(1)
        .reduce((n, r) => n + Number(r.children[1]?.textContent?.replace(/\D/g, '') ?? 0), 0),
    )
  expect(openedPerDay).toBeGreaterThan(0)
  expect(openedPerDay).toBeLessThanOrEqual(cases.length)
  await perDay.getByRole('button', { name: 'Chart' }).click()

  await expectNoSeriousViolations(page)
  await page.screenshot({ path: join(screenshots, 'reports.png') })

  // CSV: BOM, header, one row per case.
  const csv = await exportAndDownload(page, 'csv')
  expect(csv.name).toMatch(/^porchlight-cases-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/)
  const csvBytes = readFileSync(csv.path)
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csvBytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^Case ID,Order,Tracking number,Status,Reason,Opened \(/)
  expect(lines).toHaveLength(csv.rows + 1)
  expect(csv.rows).toBe(openedPerDay)

  // XLSX: a Summary and a Cases sheet with the same rows.
  const xlsx = await exportAndDownload(page, 'xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(xlsx.path)
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Cases'])
  expect(workbook.getWorksheet('Cases')!.rowCount).toBe(xlsx.rows + 1)

  // PDF: the cover and a page per case.
  const panel = page.getByRole('region', { name: 'Export' })
  await panel.getByRole('button', { name: 'Export PDF' }).click()
  await expect(panel.getByRole('status').getByText(/^PDF: /)).toBeVisible()
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(screenshots, 'reports-exporting.png') })
  await expect(panel.getByText(/^Exported \d+ cases? to .*\.pdf\.$/)).toBeVisible({
    timeout: 90_000,
  })
  const downloading = page.waitForEvent('download')
  await panel.getByRole('link', { name: 'Download' }).click()
  const pdfPath = join(consoleApp.dataDir, 'downloaded.pdf')
  await (await downloading).saveAs(pdfPath)
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(pdfPath)))
  const { text, totalPages } = await extractText(pdf, { mergePages: false })
  expect(text[0]).toContain('Missing-package case report')
  expect(text[0]).toContain('Generated')
  expect(totalPages).toBeGreaterThanOrEqual(1 + csv.rows)

  // The export log lists all three, newest first.
  const log = panel.getByRole('table', { name: 'Recent exports' })
  await expect(log.getByRole('row')).toHaveCount(4)
  await expect(log.getByRole('row').nth(1)).toContainText('PDF')
  await expect(log.getByRole('row').nth(1)).toContainText('Sam Okafor')

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(screenshots, 'reports-dark.png') })
  await expectNoSeriousViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })

  // Signed out, so that the next test signs in as the agent.
  expect((await callApi(page, 'signOut', undefined)).status).toBe(200)
})

test('an agent sees no Reports and the API refuses the calls', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, AGENT)
  const navigation = page.getByRole('navigation', { name: 'Main' })
  await expect(navigation.getByRole('link', { name: 'Cases' })).toBeVisible()
  await expect(navigation.getByRole('link', { name: 'Reports' })).toHaveCount(0)

  await page.goto(`${consoleApp.url.replace(/\?token=.*$/, '')}#/reports`)
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await expect(page.getByText('Reports and exports are for supervisors.')).toBeVisible()

  const filters = { from: '2025-01-01', to: '2025-12-31', timeZone: 'UTC' }
  for (const [name, arg] of [
    ['getReportFigures', filters],
    ['getReportOptions', undefined],
    ['startReportExport', { format: 'pdf', filters }],
    ['listReportExports', undefined],
  ] as const) {
    const answer = await callApi(page, name, arg)
    expect(answer.status, name).toBe(422)
    expect(answer.body.error).toEqual({
      code: 'forbidden',
      message: 'Reports and exports are for supervisors. Ask a supervisor if you need one.',
    })
  }
  // The finished exports of the supervisor's session are not the agent's to download.
  const origin = new URL(consoleApp.url).origin
  const download = await page.request.get(`${origin}/exports/00000000-0000-4000-8000-000000000000`)
  expect(download.status()).toBe(403)
})
