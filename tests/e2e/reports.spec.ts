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
  expect(lines[0]).toMatch(/^Case ID,Order,Ticket,Tracking number,Status,Reason,Opened \(/)
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

test("the report's driver tables name each driver, the id on hover and on focus", async ({
  page,
}) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, SUPERVISOR)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click()
  await page.getByRole('combobox', { name: 'Period' }).click()
  await page.getByRole('option', { name: 'Last 90 days' }).click()
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false')

  const driverIds = new Map<string, string>()
  for (const d of service.world.deliveryDrafts())
    if (!d.deleted) driverIds.set(d.driver.name, d.driver.id)
  for (const title of [
    'Drivers by cases per delivery',
    'Drivers with reused or look-alike photos',
  ]) {
    const card = page.getByRole('region', { name: title })
    const name = card.getByRole('row').nth(1).getByRole('cell').first().locator('bdi')
    await expect(name, `${title} lists a driver`).toBeVisible()
    const id = driverIds.get((await name.textContent()) ?? '')
    expect(id, 'the name is a driver of the world').toBeDefined()
    await expect(name).toHaveAttribute('data-person-id', id!)

    // Hovered: a tooltip says the id, and describes the name while it shows.
    await name.hover()
    const tooltip = page.getByRole('tooltip', { name: `id ${id}` })
    await expect(tooltip).toBeVisible()
    await expect(name).toHaveAccessibleDescription(`id ${id}`)
    await page.mouse.move(0, 0)
    await expect(tooltip).toBeHidden()
    // Closed, the title carries the id for assistive technology and the browser's own tooltip.
    await expect(name).toHaveAttribute('title', `id ${id}`)

    // By keyboard: the name takes the focus and the tooltip opens.
    await name.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    await expect(name).toBeFocused()
    await expect(tooltip).toBeVisible()
    await expect(name).toHaveAccessibleDescription(`id ${id}`)
    await page.keyboard.press('Escape')
  }

  const reused = page.getByRole('region', { name: 'Drivers with reused or look-alike photos' })
  const trevor = reused.getByRole('row').nth(1).locator('bdi')
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await page.mouse.move(0, 0)
      await reused.scrollIntoViewIfNeeded()
      await trevor.hover()
      await expect(page.getByRole('tooltip')).toBeVisible()
      await page.screenshot({
        path: join(screenshots, `reports-drivers-${width}x${height}-${scheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoSeriousViolations(page)
  expect((await callApi(page, 'signOut', undefined)).status).toBe(200)
})

test('in Spanish: the screen, its charts and the exported CSV speak Spanish', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, SUPERVISOR)
  const before = (await callApi(page, 'getSettings', undefined)).body.value.language
  expect((await callApi(page, 'updateSettings', { language: 'es' })).status).toBe(200)
  try {
    await page.reload()
    await page.evaluate(() => (window.location.hash = '#/reports'))
    await expect(page.getByRole('heading', { level: 1, name: 'Informes' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Período' }).click()
    await page.getByRole('option', { name: 'Últimos 90 días' }).click()
    const main = page.getByRole('main')
    await expect(main).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByLabel('Cifras')).toContainText('Casos abiertos')
    await expect(page.getByLabel('Cifras')).toContainText('Mediana del tiempo de resolución')
    const perDay = page.getByRole('region', { name: 'Casos por día' })
    // The legend and the days under the bars are Spanish ("3 jun", not "Jun 3").
    await expect(perDay.getByText('Abiertos', { exact: true }).first()).toBeVisible()
    const days = await perDay.locator('.MuiChartsAxis-tickLabel').allTextContents()
    expect(days.some((d) => /^\d{1,2} [a-z]{3,4}$/.test(d))).toBe(true)
    await expect(
      page
        .getByRole('region', { name: 'Tiempo de resolución' })
        .getByRole('rowheader', { name: 'Menos de 4 horas' }),
    ).toBeAttached()

    for (const [width, height] of [
      [1280, 800],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.evaluate(() => window.scrollTo(0, 0))
      await main.evaluate((el) => el.scrollTo(0, 0))
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(screenshots, `reports-es-${width}x${height}.png`) })
      await page.getByRole('region', { name: 'Tiempo de resolución' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(screenshots, `reports-es-charts-${width}x${height}.png`) })
      await page.getByRole('region', { name: 'Exportar' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(screenshots, `reports-es-lists-${width}x${height}.png`) })
    }

    const panel = page.getByRole('region', { name: 'Exportar' })
    await panel.getByRole('button', { name: 'Exportar CSV' }).click()
    const done = panel.getByRole('status').getByText(/^Se exportaron? \d+ casos? a .*\.csv\.$/)
    await expect(done).toBeVisible({ timeout: 60_000 })
    await page.screenshot({ path: join(screenshots, 'reports-es-exported-1024x768.png') })
    const downloading = page.waitForEvent('download')
    await panel.getByRole('link', { name: 'Descargar' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^porchlight-casos-[\d-]+-a-[\d-]+\.csv$/)
    const path = join(consoleApp.dataDir, 'downloaded-es.csv')
    await download.saveAs(path)
    const heading = readFileSync(path).subarray(3).toString('utf8').split('\r\n')[0]
    expect(heading).toMatch(
      /^ID del caso,Pedido,Ticket,Número de seguimiento,Estado,Motivo,Abierto \(/,
    )
    await expect(
      panel.getByRole('table', { name: 'Exportaciones recientes' }).getByRole('row').nth(1),
    ).toContainText('Exportada')
    await expectNoSeriousViolations(page)
  } finally {
    await callApi(page, 'updateSettings', { language: before })
  }
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
