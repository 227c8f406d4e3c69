// Maps that keep working offline, end to end in browser mode: the page may reach nothing but the
// console itself, the console's tile server is a test server on 127.0.0.1, and the data folder's
// maps folder holds the demo basemap as an organisation would put its own there.
//  1. Tiles come from the MBTiles basemap; the tile server is never asked.
//  2. With the basemap switched off in Settings, tiles come from the tile server and are kept.
//  3. With the tile server gone, the map viewed before still has its tiles (from the cache); a place
//     never viewed shows markers, circles, distances and scale on the plain grid with a quiet note.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { DEMO_BASEMAP_FILE } from '../../electron/core/demo-basemap/basemap-file.ts'
import { BASEMAP_ATTRIBUTION } from '../../electron/core/demo-basemap/build-basemap.ts'
import { PLAN_ZOOM, blockAt, parkOf } from '../../electron/core/demo-basemap/street-plan.ts'
import { latitudeToTileY, longitudeToTileX } from '../../electron/core/map-tiles/web-mercator.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startTestTileServer, type TestTileServer } from '../support/tile-server.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let tileServer: TestTileServer
let consoleApp: RunningConsole
let consoleOrigin: string
let seattle: DeliveryRecord
let virginia: DeliveryRecord

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 7, deliveries: 200 })
  tileServer = await startTestTileServer({ colour: '#9ec9e8' })
  consoleApp = await startConsole({
    serviceUrl: service.url,
    tileServer: tileServer.template,
    mapFiles: [DEMO_BASEMAP_FILE],
  })
  consoleOrigin = new URL(consoleApp.url).origin
  const records = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord =>
      d.deleted !== true &&
      d.photoWithheld === null &&
      d.photos.length > 0 &&
      d.address.location !== null &&
      d.dropOff.location?.accuracyM !== undefined,
  )
  // For the screenshots, a Seattle address on a built-up block of the demo plan, not in a park.
  const onHouses = ({ lat, lng }: { lat: number; lng: number }) => {
    const { i, j } = blockAt(
      longitudeToTileX(lng, PLAN_ZOOM) * 256,
      latitudeToTileY(lat, PLAN_ZOOM) * 256,
    )
    return parkOf(i, j) === null
  }
  seattle = records.find((d) => d.address.location!.lat > 47 && onHouses(d.address.location!))!
  virginia = records.find((d) => d.address.location!.lng > -80)!
  expect(seattle, 'a Seattle delivery with a located drop-off').toBeTruthy()
  expect(virginia, 'a Northern Virginia delivery with a located drop-off').toBeTruthy()
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await tileServer?.close()
  await service?.close()
})

/** The page may talk to the console and nothing else; anything else is recorded and refused. */
async function blockEverythingButTheConsole(page: Page): Promise<string[]> {
  const refused: string[] = []
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(consoleOrigin) || url.startsWith('data:')) return route.continue()
    refused.push(url)
    return route.abort('internetdisconnected')
  })
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return refused
}

async function openDelivery(page: Page, delivery: DeliveryRecord) {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(delivery.orderId)
  await page.getByRole('link', { name: `Open order ${delivery.orderId}` }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Order ${delivery.orderId}` }),
  ).toBeVisible()
  await expect(page.locator('.pl-map .leaflet-marker-icon')).toHaveCount(2)
}

const tiles = (page: Page) => page.locator('.pl-map img.leaflet-tile')

/**
 * Waits for the tile layer to settle, and says how many tiles arrived and which did not (their
 * addresses, so a failure says where the map had a hole).
 */
async function settledTiles(page: Page): Promise<{ loaded: number; failed: string[] }> {
  await expect
    .poll(async () => tiles(page).count(), { message: 'the map asks for tiles' })
    .toBeGreaterThan(0)
  let settled: { loaded: number; failed: string[] } | null = null
  await expect
    .poll(async () => {
      settled = await tiles(page).evaluateAll((images: HTMLImageElement[]) =>
        images.some((img) => !img.complete)
          ? null
          : {
              loaded: images.filter((img) => img.naturalWidth > 0).length,
              failed: images
                .filter((img) => img.naturalWidth === 0)
                .map((img) => new URL(img.src).pathname),
            },
      )
      return settled
    })
    .not.toBeNull()
  return settled!
}

/**
 * The tiles of one zoom level once the map has stopped animating and they have all come or
 * failed; null until then.
 */
async function tilesAtZoom(page: Page, zoom: number) {
  return page.locator('.pl-map').evaluate((map, z) => {
    // Leaflet swallows a zoom asked for while one is animating (the map pane carries this class).
    if (map.querySelector('.leaflet-zoom-anim') !== null) return null
    const images = [...map.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].filter(
      (img) => new URL(img.src).pathname.split('/')[2] === String(z),
    )
    if (images.length === 0 || images.some((img) => !img.complete)) return null
    return {
      loaded: images.filter((img) => img.naturalWidth > 0).length,
      failed: images.filter((img) => img.naturalWidth === 0).map((img) => img.src),
    }
  }, zoom)
}

/** The zoom levels of the tiles on the map now. */
async function tileZooms(page: Page): Promise<string[]> {
  const zooms = await tiles(page).evaluateAll((images: HTMLImageElement[]) =>
    images.map((img) => new URL(img.src).pathname.split('/')[2] ?? ''),
  )
  return [...new Set(zooms)]
}

const note = (page: Page) =>
  page.getByRole('status').filter({ hasText: /map tiles unavailable offline/i })

test('the map shows the MBTiles basemap with the network blocked, and no tile server is asked', async ({
  page,
}) => {
  const refused = await blockEverythingButTheConsole(page)
  await openDelivery(page, seattle)
  const { loaded, failed } = await settledTiles(page)
  expect(loaded).toBeGreaterThan(3)
  expect(failed).toEqual([])
  for (const src of await tiles(page).evaluateAll((images: HTMLImageElement[]) =>
    images.map((img) => img.src),
  )) {
    expect(src).toMatch(new RegExp(`^${consoleOrigin}/tiles/\\d+/\\d+/\\d+$`))
  }
  await expect(page.locator('.leaflet-control-attribution')).toContainText(BASEMAP_ATTRIBUTION)
  // The credits leave the scale bar readable.
  const scale = (await page.locator('.leaflet-control-scale-line').boundingBox())!
  const credits = (await page.locator('.leaflet-control-attribution').boundingBox())!
  expect(scale.x + scale.width <= credits.x || scale.y + scale.height <= credits.y).toBe(true)
  await expect(note(page)).toHaveCount(0)
  expect(refused).toEqual([])
  expect(tileServer.requests).toEqual([])
  await page.getByRole('region', { name: 'Map', exact: true }).screenshot({
    path: join(screenshots, 'map-mbtiles.png'),
  })
  await page.screenshot({ path: join(screenshots, 'delivery-map-mbtiles.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('region', { name: 'Map', exact: true }).screenshot({
    path: join(screenshots, 'map-mbtiles-dark.png'),
  })
  await page.emulateMedia({ colorScheme: 'light' })

  // Zoomed out level by level to a few kilometres across, the basemap still covers the view.
  // (Leaflet may keep the previous level's tiles under the new ones for a while: only the tiles
  // of the level being shown count.)
  await page.locator('.pl-map').focus()
  const startZoom = Math.max(...(await tileZooms(page)).map(Number))
  for (let zoom = startZoom - 1; zoom >= 15; zoom--) {
    await page.keyboard.press('-')
    const level = await expect
      .poll(() => tilesAtZoom(page, zoom), { message: `zoom ${zoom} settles` })
      .not.toBeNull()
      .then(() => tilesAtZoom(page, zoom))
    expect(level!.loaded).toBeGreaterThan(0)
    expect(level!.failed).toEqual([])
  }
  await page.getByRole('region', { name: 'Map', exact: true }).screenshot({
    path: join(screenshots, 'map-mbtiles-zoomed-out.png'),
  })
  expect(tileServer.requests).toEqual([])
})

test('Settings lists the basemap; switched off, the tile server fills in and its tiles are kept', async ({
  page,
}) => {
  const refused = await blockEverythingButTheConsole(page)
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  const section = page.getByRole('region', { name: 'Map tiles' })
  const files = section.getByRole('list', { name: 'Map files, in the order they are used' })
  await expect(files.getByRole('listitem')).toHaveCount(1)
  await expect(files).toContainText('Porchlight demo basemap')
  await expect(files).toContainText('demo-basemap.mbtiles · zoom 10–17 · webp')
  await expect(section).toContainText('Set when Porchlight was started.')
  await expect(section).toContainText(join(consoleApp.dataDir, 'maps'))
  await expect(section).toContainText('No tiles kept yet.')
  await expectNoSeriousViolations(page)
  await section.screenshot({ path: join(screenshots, 'settings-map-tiles.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400) // MUI's colour transitions
  await section.screenshot({ path: join(screenshots, 'settings-map-tiles-dark.png') })
  await expectNoSeriousViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })

  const use = section.getByRole('switch', { name: 'Use Porchlight demo basemap' })
  await expect(use).toBeChecked()
  await use.focus()
  await page.keyboard.press('Space')
  await expect(
    page.getByRole('alert').filter({ hasText: 'Porchlight demo basemap is off.' }),
  ).toBeVisible()
  await expect(use).not.toBeChecked()

  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(seattle.orderId)
  await page.getByRole('link', { name: `Open order ${seattle.orderId}` }).click()
  const { loaded, failed } = await settledTiles(page)
  expect(failed).toEqual([])
  expect(loaded).toBeGreaterThan(3)
  // Each tile shown was asked for once, as Porchlight, and nothing else was.
  const asked = tileServer.requests.map((r) => r.key)
  expect(new Set(asked).size).toBe(asked.length)
  expect(asked.length).toBe(loaded)
  for (const request of tileServer.requests) {
    expect(request.headers['user-agent']).toMatch(/^Porchlight\/\d+\.\d+\.\d+ \(/)
  }
  await expect(page.locator('.leaflet-control-attribution')).toContainText(
    '© OpenStreetMap contributors',
  )
  expect(refused).toEqual([])
  await page.getByRole('region', { name: 'Map', exact: true }).screenshot({
    path: join(screenshots, 'map-online-tiles.png'),
  })

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(page.getByRole('region', { name: 'Map tiles' })).toContainText(
    new RegExp(`^.*${loaded} tiles, .* of 256 MB\\.`, 's'),
  )
})

test('offline, a place viewed before keeps its map; a new place shows the plain grid and a quiet note', async ({
  page,
}) => {
  await tileServer.close()
  const refused = await blockEverythingButTheConsole(page)
  await openDelivery(page, seattle)
  const viewedBefore = await settledTiles(page)
  expect(viewedBefore.failed).toEqual([])
  await expect(note(page)).toHaveCount(0)

  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(virginia.orderId)
  await page.getByRole('link', { name: `Open order ${virginia.orderId}` }).click()
  await expect(page.locator('.pl-map .leaflet-marker-icon')).toHaveCount(2)
  const fresh = await settledTiles(page)
  expect(fresh.loaded).toBe(0)
  await expect(note(page)).toHaveText('Map tiles unavailable offline')
  // Everything but the tiles is there: pins, accuracy circles, the distance, the scale.
  const map = page.getByRole('region', { name: 'Map', exact: true })
  await expect(map.locator('.leaflet-overlay-pane path')).not.toHaveCount(0)
  await expect(map.locator('.leaflet-control-scale-line')).toBeVisible()
  await expect(map.getByText(/^Drop-off marked/)).toBeVisible()
  // Quiet: no alert, no error words.
  await expect(map.getByRole('alert').filter({ hasText: /tile|error/i })).toHaveCount(0)
  expect(refused).toEqual([])
  await expectNoSeriousViolations(page)
  await map.screenshot({ path: join(screenshots, 'map-tiles-unavailable.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await map.screenshot({ path: join(screenshots, 'map-tiles-unavailable-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })
})
