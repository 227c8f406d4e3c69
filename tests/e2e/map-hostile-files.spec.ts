// Hostile map files in the maps folder, as someone could drop them on a shared drive: one whose
// tiles table is a view over an endless recursive query (reading a tile from it never ended and
// froze the whole console at 100 % CPU), and one holding a tile far larger than any map tile. The
// console keeps answering while the map asks for tiles there, Settings lists the first file with
// the reason it is not used, and the oversize tile is never sent.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { MAX_TILE_BYTES } from '../../electron/core/map-tiles/tile-image.ts'
import { tilesPerSide } from '../../electron/core/map-tiles/tile-address.ts'
import { solidTile } from '../support/tile-server.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

const ENDLESS_REASON =
  'endless.mbtiles cannot be used: its tiles table is a view Porchlight does not accept. Only a real tiles table, or the standard view joining the map and images tables, is read.'
const HUGE = { z: 10, x: 163, y: 357 }
const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let consoleApp: RunningConsole
let folder: string
let origin: string
let token: string

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'porchlight-hostile-maps-'))
  const endless = new BetterSqlite3(join(folder, 'endless.mbtiles'))
  // Valid metadata (format and zooms given), no bounds: every tile address is "covered".
  endless.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    INSERT INTO metadata VALUES ('name', 'Endless'), ('format', 'png'), ('minzoom', '0'),
      ('maxzoom', '19');
    CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
      SELECT 0 AS zoom_level, 0 AS tile_column, -i AS tile_row, zeroblob(8) AS tile_data FROM n;`)
  endless.close()

  const huge = new BetterSqlite3(join(folder, 'huge-tile.mbtiles'))
  huge.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    INSERT INTO metadata VALUES ('name', 'Huge tile'), ('format', 'png'), ('minzoom', '10'),
      ('maxzoom', '10');
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`)
  const bytes = Buffer.alloc(150 * 1024 * 1024)
  ;(await solidTile('#ff00ff')).copy(bytes) // a real PNG up front: it looks like a tile
  huge
    .prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)')
    .run(HUGE.z, HUGE.x, tilesPerSide(HUGE.z) - 1 - HUGE.y, bytes)
  huge.close()

  service = await startDemoService({ seed: 7, deliveries: 40 })
  consoleApp = await startConsole({
    serviceUrl: service.url,
    mapFiles: [join(folder, 'endless.mbtiles'), join(folder, 'huge-tile.mbtiles')],
  })
  origin = new URL(consoleApp.url).origin
  token = new URL(consoleApp.url).searchParams.get('token')!
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** A tile from the bridge, as the map asks for it; fails if the console takes over 10 s. */
const tile = (z: number, x: number, y: number) =>
  fetch(`${origin}/tiles/${z}/${x}/${y}`, {
    headers: { cookie: `porchlight_bridge=${token}` },
    signal: AbortSignal.timeout(10_000),
  })
const session = () =>
  fetch(`${origin}/api/getSession`, {
    method: 'POST',
    headers: { 'x-porchlight-token': token, 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  })

test('the console keeps answering while the map asks a hostile file for tiles', async () => {
  // Tiles everywhere the endless file claims to cover, and other calls at the same time.
  const asked = [tile(0, 0, 0), tile(12, 656, 1430), tile(19, 84_000, 183_000)]
  const answers = await Promise.all([...asked, session(), session()])
  expect(answers.slice(0, 3).map((r) => r.status)).toEqual([404, 404, 404])
  expect(answers.slice(3).map((r) => r.status)).toEqual([200, 200])

  // The oversize tile is not sent; the file's other tiles would be.
  const big = await tile(HUGE.z, HUGE.x, HUGE.y)
  expect(big.status).toBe(404)
  expect(Number(big.headers.get('content-length') ?? 0)).toBeLessThan(MAX_TILE_BYTES)
  expect(consoleApp.output()).toContain(
    `huge-tile.mbtiles: tile ${HUGE.z}/${HUGE.x}/${HUGE.y} is ${150 * 1024 * 1024} bytes`,
  )
})

test('Settings lists the hostile file with the reason it is not used', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  // A delivery's map asks for tiles where the endless file claims to have them.
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord => d.deleted !== true && d.address.location !== null,
  )!
  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(delivery.orderId)
  await page.getByRole('link', { name: `Open order ${delivery.orderId}` }).click()
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
  await expect(page.getByText('Map tiles unavailable offline')).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  const section = page.getByRole('region', { name: 'Map tiles' })
  await expect(section.getByText(ENDLESS_REASON)).toBeVisible()
  // The file with one oversize tile is usable: it is listed without a problem.
  await expect(section.getByText('Huge tile', { exact: false }).first()).toBeVisible()
  mkdirSync(screenshots, { recursive: true })
  await section.screenshot({ path: join(screenshots, 'settings-hostile-map-file.png') })
})
