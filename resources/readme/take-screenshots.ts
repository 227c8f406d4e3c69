// `npm run screenshots`: takes the README's pictures of the console, as a person sees it in
// browser mode on the built-in demo (`npm run browser -- --demo`), with Debian's Chromium:
//
// - delivery.png: an agent on a delivery left away from the address, its photo beside the map
//   drawn on the demo basemap, with the flag and the earlier claims;
// - reports.png: a supervisor's report over the last 90 days, figures and charts.
//
// The online tile server is off (the map comes from resources/demo-basemap.mbtiles), so nothing
// here reaches the internet. Run it after a change that shows on these screens.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Locator, type Page } from '@playwright/test'

const repo = join(import.meta.dirname, '..', '..')
const outDir = import.meta.dirname
const VIEWPORT = { width: 1440, height: 900 }
const LONG = 5 * 60_000

/** Starts browser mode on the demo in a fresh data folder; resolves with the address it prints. */
async function startBrowserMode(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      join(repo, 'electron/core/browser-mode/cli.ts'),
      '--demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--tile-server',
      'off',
      '--sync-interval',
      '0',
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('User name').fill(username)
  await page.getByLabel(/^Password/).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  // The first sync pulls every record and photo; the status bar says when it is done.
  await page
    .getByLabel('Sync status')
    .getByText(/Last synced/)
    .waitFor({ timeout: LONG })
}

async function imageLoaded(image: Locator) {
  await image.waitFor()
  await image.evaluate(
    (img: HTMLImageElement) =>
      new Promise<void>((resolve) => {
        const check = () =>
          img.complete && img.naturalWidth > 0 ? resolve() : setTimeout(check, 100)
        check()
      }),
  )
}

/** Every map tile on screen is drawn. */
async function tilesLoaded(page: Page) {
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll<HTMLImageElement>('img.leaflet-tile')]
    return tiles.length > 0 && tiles.every((tile) => tile.complete && tile.naturalWidth > 0)
  })
}

/** Opens the newest delivery flagged "away from the address" that has a photo to show. */
async function openFlaggedDelivery(page: Page) {
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.waitFor()
  await page.getByRole('checkbox', { name: 'Only delivered away from the address' }).check()
  const rows = page.getByRole('link', { name: /^Open order / })
  await rows.first().waitFor()
  for (let index = 0; index < 10; index++) {
    await rows.nth(index).click()
    const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
    const withheld = page.getByText(/photo (is )?withheld|no photo/i)
    await photo.or(withheld).first().waitFor()
    if (await photo.isVisible()) {
      await imageLoaded(photo)
      return
    }
    await page.goBack()
  }
  throw new Error('no flagged delivery with a photo among the first ten')
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-screenshots-'))
  const browserMode = await startBrowserMode(dataDir)
  const browser = await chromium.launch({
    executablePath: process.env.PORCHLIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' })
    await page.goto(browserMode.url)
    await signIn(page, 'agent', 'demo-agent')

    await openFlaggedDelivery(page)
    await page
      .getByText(/^Delivered away from the address — /)
      .first()
      .waitFor()
    await page.getByRole('heading', { name: 'Earlier claims (last 90 days)' }).waitFor()
    await tilesLoaded(page)
    await page.screenshot({ path: join(outDir, 'delivery.png') })

    // The supervisor signs in on the same console.
    await page.getByRole('button', { name: /Alex Rivera/ }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page
      .getByRole('dialog', { name: 'Sign out of Porchlight?' })
      .getByRole('button', { name: 'Sign out', exact: true })
      .click()
    await signIn(page, 'supervisor', 'demo-supervisor')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click()
    await page.getByRole('combobox', { name: 'Period' }).click()
    await page.getByRole('option', { name: 'Last 90 days' }).click()
    await page.locator('main[aria-busy="false"]').waitFor()
    await page.getByLabel('Figures').getByText('Cases opened', { exact: true }).waitFor()
    await page.getByRole('region', { name: 'Cases per day' }).locator('svg').first().waitFor()
    // The period menu leaves its focus ring on the field; the picture is of the report.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.screenshot({ path: join(outDir, 'reports.png') })
    process.stdout.write('Wrote resources/readme/delivery.png and resources/readme/reports.png.\n')
  } finally {
    await browser.close()
    await browserMode.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
