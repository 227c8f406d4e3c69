// The Delivery screen as the agent's evidence view, end to end over the demo delivery service:
// zooming and rotating the photo by key and by mouse, the "delivered away from the address" flag
// (on the delivery and as a search filter), opening a case from the delivery, and accessibility.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { DEMO_BASEMAP_FILE } from '../../electron/core/demo-basemap/basemap-file.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
/** The default of Settings → "Delivered away from the address" threshold. */
const THRESHOLD_M = 150

let service: DemoService
let consoleApp: RunningConsole
let records: DeliveryRecord[]

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 7, deliveries: 300 })
  // The demo basemap in the maps folder, so the screenshots show a map under the pins.
  consoleApp = await startConsole({ serviceUrl: service.url, mapFiles: [DEMO_BASEMAP_FILE] })
  records = (await service.world.deliveries()).filter(
    (d): d is DeliveryRecord => d.deleted !== true,
  )
})

test.beforeEach(({ page }) => {
  // A crash shows as an empty page; say why in the test output.
  page.on('pageerror', (error) => console.error('page error:', error.message))
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

async function openDelivery(page: Page, orderId: string) {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await page.getByRole('searchbox', { name: 'Search deliveries' }).fill(orderId)
  await page.getByRole('link', { name: `Open order ${orderId}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderId}` })).toBeVisible()
}

async function waitForPhoto(photo: Locator) {
  await expect(photo).toBeVisible()
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)
}

/** The image's on-screen scale and rotation, read back from its computed CSS transform. */
function shownTransform(photo: Locator) {
  return photo.evaluate((img: HTMLImageElement) => {
    const transform = getComputedStyle(img).transform
    const m = new DOMMatrixReadOnly(transform === 'none' ? undefined : transform)
    return {
      scale: Math.round(Math.hypot(m.a, m.b) * 100) / 100,
      rotation: (Math.round((Math.atan2(m.b, m.a) * 180) / Math.PI) + 360) % 360,
    }
  })
}

const EARTH_RADIUS_M = 6_371_008.8
function haversineM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
const metres = (value: number) => `${Math.round(value).toLocaleString('en-US')} m`

function withPhotos(min: number) {
  return records.filter(
    (d) =>
      d.status === 'delivered' &&
      d.photoWithheld === null &&
      d.photos.length >= min &&
      d.address.location &&
      d.dropOff.location,
  )
}

test('the photo zooms, pans and rotates by key and by mouse, and 0 fits it again', async ({
  page,
}) => {
  const caseDeliveries = new Set(
    service.world.cases().flatMap((c) => ('deliveryId' in c ? [c.deliveryId] : [])),
  )
  // Exactly two photos: the steps below name "photo 2 of 2".
  const candidates = withPhotos(2).filter((d) => d.photos.length === 2)
  const delivery = candidates.find((d) => caseDeliveries.has(d.id)) ?? candidates[0]
  expect(delivery, 'the demo world has a delivery with two photos').toBeTruthy()
  if (!delivery) return

  const requests: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (/^\/(photos|thumbs)\//.test(path)) requests.push(path)
  })
  await openDelivery(page, delivery.orderId)
  const photo = page.getByRole('img', { name: /^Delivery photo 1 of 2/ })
  await waitForPhoto(photo)

  // The thumbnail is asked for first; the full photo (the one that counts as a view) after it.
  const first = delivery.photos[0]!.id
  const thumbAt = requests.indexOf(`/thumbs/${first}`)
  const fullAt = requests.indexOf(`/photos/${first}`)
  expect(fullAt).toBeGreaterThanOrEqual(0)
  if (thumbAt >= 0) expect(thumbAt).toBeLessThan(fullAt)
  // The strip shows thumbnails only, so the second photo is not "viewed" until it is chosen.
  expect(requests).not.toContain(`/photos/${delivery.photos[1]!.id}`)

  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(2)
  await expect(page.getByText(/^Taken /).first()).toBeVisible()
  await expect(page.getByText(/from the address$/).first()).toBeVisible()
  await page.screenshot({ path: join(screenshots, 'delivery-evidence.png') })

  // By keyboard, from wherever the screen put the focus (the heading).
  await expect(await shownTransform(photo)).toEqual({ scale: 1, rotation: 0 })
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await page.keyboard.press('r')
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1.56, rotation: 90 })
  await expect(page.getByRole('toolbar', { name: 'Photo tools' }).getByText('156%')).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await page.screenshot({ path: join(screenshots, 'delivery-zoomed.png') })
  await page.keyboard.press('0')
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1, rotation: 90 })

  // The same by mouse, from the toolbar; the tooltips name the keys. (The map has its own zoom.)
  const tools = page.getByRole('toolbar', { name: 'Photo tools' })
  const rotateLeft = tools.getByRole('button', { name: 'Rotate left' })
  await rotateLeft.hover()
  await expect(page.getByRole('tooltip', { name: 'Rotate left (Shift+R)' })).toBeVisible()
  await rotateLeft.click()
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1, rotation: 0 })
  await tools.getByRole('button', { name: 'Zoom in' }).click()
  await tools.getByRole('button', { name: 'Zoom in' }).click()
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1.56, rotation: 0 })
  await tools.getByRole('button', { name: 'Rotate right' }).click()
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1.56, rotation: 90 })
  await tools.getByRole('button', { name: 'Fit' }).click()
  await expect.poll(() => shownTransform(photo)).toEqual({ scale: 1, rotation: 90 })

  // The wheel zooms in over the photo.
  const viewer = page.getByRole('group', { name: 'Photo viewer' })
  await viewer.hover()
  await page.mouse.wheel(0, -300)
  await expect.poll(async () => (await shownTransform(photo)).scale).toBeGreaterThan(1)

  // F shows the photo panel full screen; Esc leaves full screen but stays on the delivery.
  await page.keyboard.press('f')
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-labelledby')))
    .toBe('photo-heading')
  await page.keyboard.press('Escape')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull()
  await expect(
    page.getByRole('heading', { level: 1, name: `Order ${delivery.orderId}` }),
  ).toBeVisible()

  // Choosing the second photo shows it.
  await page.getByRole('button', { name: 'Show photo 2 of 2' }).click()
  await waitForPhoto(page.getByRole('img', { name: /^Delivery photo 2 of 2/ }))
})

test('a delivery left far from the address is flagged, and the search can list only those', async ({
  page,
}) => {
  const far = withPhotos(1)
    .map((d) => {
      const drop = d.dropOff.location!
      const distance = haversineM(d.address.location!, drop)
      return { d, distance, accuracy: drop.accuracyM ?? 0 }
    })
    .find(({ distance, accuracy }) => distance - accuracy > THRESHOLD_M + 50)
  expect(far, 'the demo world has a drop-off far from its address').toBeTruthy()
  if (!far) return

  await openDelivery(page, far.d.orderId)
  const sentence = `Delivered away from the address — ${metres(far.distance)} (beyond the ±${metres(far.accuracy)} fix accuracy); threshold ${THRESHOLD_M} m`
  const mapPanel = page.getByRole('region', { name: 'Map', exact: true })
  await expect(mapPanel.getByText(sentence)).toBeVisible()
  await expect(
    page.getByText(`Delivered away from the address — ${metres(far.distance)}`, { exact: true }),
  ).toBeVisible()
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(2)
  await expect(page.locator('.pl-distance', { hasText: metres(far.distance) })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Earlier claims (last 90 days)' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^This customer: \d+/ })).toHaveAttribute(
    'href',
    `#/cases?customer=${encodeURIComponent(far.d.customer.id)}`,
  )
  await expect(page.getByRole('link', { name: /^This driver: \d+/ })).toHaveAttribute(
    'href',
    `#/cases?driver=${encodeURIComponent(far.d.driver.id)}`,
  )
  await expect(page.getByRole('link', { name: /^This address: \d+/ })).toHaveAttribute(
    'href',
    /^#\/cases\?address=[^&]+$/,
  )
  await waitForPhoto(page.getByRole('img', { name: /^Delivery photo 1 of/ }))
  await page.screenshot({ path: join(screenshots, 'delivery-flagged.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(screenshots, 'delivery-flagged-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })

  await axeHasNoSeriousViolations(page, 'Delivery')

  // Back on Search: the filter on its own lists the flagged deliveries, this one among them.
  await page.keyboard.press('Escape')
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill('')
  const awayOnly = page.getByRole('checkbox', { name: 'Only delivered away from the address' })
  await awayOnly.check()
  const row = page.getByRole('row', { name: new RegExp(`^Order ${far.d.orderId},`) })
  await expect(row).toBeVisible()
  await expect(row.getByText('Away', { exact: true })).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')
  // Every listed delivery carries the flag (the header row has none).
  await expect(rows.filter({ hasText: 'Away' })).toHaveCount((await rows.count()) - 1)
  await page.screenshot({ path: join(screenshots, 'search-away-filter.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(screenshots, 'search-away-filter-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })
  await axeHasNoSeriousViolations(page, 'Search')

  // With a query, the filter narrows the matches; without it, the same query finds the order.
  await search.fill(far.d.orderId)
  await expect(row).toBeVisible()
  await awayOnly.uncheck()
  await expect(row).toBeVisible()
})

test('opening a case from the delivery lands on the new case', async ({ page }) => {
  const delivery = withPhotos(1).find((d) => d.photos.length === 1)
  expect(delivery).toBeTruthy()
  if (!delivery) return
  await openDelivery(page, delivery.orderId)

  const openButton = page.getByRole('button', { name: 'Open a case' })
  await expect(openButton).toHaveAttribute('aria-keyshortcuts', 'O')
  await page.keyboard.press('o')
  const dialog = page.getByRole('dialog', { name: `Open a case on order ${delivery.orderId}` })
  await expect(dialog).toBeVisible()
  // By keyboard: it opens at its first field, and Esc cancels it.
  await expect(dialog.getByRole('radio').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('o')
  await expect(dialog.getByRole('radio').first()).toBeFocused()
  // A reason is required, and said so in words, whether by the button or by Ctrl+Enter.
  await page.keyboard.press('Control+Enter')
  await expect(dialog.getByText('Choose what the customer is reporting.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Open case' }).click()
  await expect(dialog.getByText('Choose what the customer is reporting.')).toBeVisible()
  await dialog.getByRole('radio', { name: /^Not received/ }).check()
  const firstNote = dialog.getByRole('textbox', { name: 'First note (optional)' })
  await firstNote.fill('Customer called: nothing on the porch, neighbours have not seen it.')
  await page.screenshot({ path: join(screenshots, 'delivery-open-case.png') })
  await axeHasNoSeriousViolations(page, 'Open a case dialog')
  // Ctrl+Enter submits it from the note.
  await firstNote.press('Control+Enter')
  await expect(page).toHaveURL(
    /#\/case\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  )

  // Cancel leaves nothing behind.
  await page.goBack()
  await expect(
    page.getByRole('heading', { level: 1, name: `Order ${delivery.orderId}` }),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: /^Cases on this delivery/ }).getByRole('link', {
      name: /Not received/,
    }),
  ).toBeVisible()
  await openButton.click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

/**
 * axe on the screen under test (its <main>, and a dialog it opened); the frame around it (the
 * navigation, the status bar) belongs to other screens' tests.
 */
async function axeHasNoSeriousViolations(page: Page, where: string) {
  const builder = new AxeBuilder({ page }).include('main')
  if ((await page.getByRole('dialog').count()) > 0) builder.include('[role="dialog"]')
  const results = await builder.analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    )
  expect(serious, `axe on ${where}`).toEqual([])
}

/** Settings' language, set as the Settings screen sets it (the page's own updateSettings call). */
async function chooseLanguage(page: Page, language: 'en' | 'es'): Promise<void> {
  const answer = await page.evaluate(
    async (arg) => {
      const response = await fetch('/api/updateSettings', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Porchlight-Token': window.sessionStorage.getItem('porchlight.bridgeToken') ?? '',
        },
        body: JSON.stringify({ arg }),
      })
      return (await response.json()) as { ok: boolean }
    },
    { language },
  )
  expect(answer.ok).toBe(true)
  await page.reload()
}

/** The screen at both sizes, and a part of it scrolled into view, for reading the Spanish. */
async function photograph(page: Page, name: string, part?: Locator) {
  for (const [width, height] of [
    [1024, 768],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(screenshots, `${name}-${width}x${height}.png`) })
    if (part) {
      await part.scrollIntoViewIfNeeded()
      await part.screenshot({ path: join(screenshots, `${name}-part-${width}x${height}.png`) })
    }
  }
}

test('in Spanish: the search and a delivery with its evidence speak Spanish', async ({ page }) => {
  const delivery = withPhotos(2)[0]!
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await chooseLanguage(page, 'es')
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Buscar entregas' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Busque una entrega' })).toBeVisible()
    await photograph(page, 'search-es-empty')
    const search = page.getByRole('searchbox', { name: 'Buscar entregas' })
    await search.fill(delivery.customer.name.split(' ').at(-1)!)
    await expect(page.getByRole('status').getByText(/^\d+ entregas? coincid/)).toBeVisible()
    await photograph(page, 'search-es-results')
    await search.fill('zzqx')
    await expect(
      page.getByRole('heading', { name: 'Ninguna entrega coincide con «zzqx»' }),
    ).toBeVisible()
    await search.fill('')
    await page.getByRole('checkbox', { name: 'Solo entregadas lejos de la dirección' }).check()
    await expect(
      page.getByRole('status').getByText(/realizadas? lejos de la dirección\.$/),
    ).toBeVisible()
    await photograph(page, 'search-es-away')
    await page.getByRole('checkbox', { name: 'Solo entregadas lejos de la dirección' }).uncheck()

    await search.fill(delivery.orderId)
    await page.getByRole('link', { name: `Abrir el pedido ${delivery.orderId}` }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Pedido ${delivery.orderId}` }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Volver a la búsqueda' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Mapa' })).toBeVisible()
    await expect(
      page.getByRole('img', { name: /^Foto 1 de \d+ de la entrega, tomada el / }),
    ).toBeVisible()
    await expect(page.getByRole('toolbar', { name: 'Herramientas de la foto' })).toBeVisible()
    const history = page.getByRole('region', { name: 'Historial de esta dirección' })
    await expect(history.getByText(/^Esta dirección (ha tenido|no ha tenido)/)).toBeVisible()
    await photograph(
      page,
      'delivery-es',
      page.getByRole('region', { name: 'Entrega', exact: true }),
    )

    await page.getByRole('button', { name: 'Comprobante de entrega' }).click()
    await expect(page.getByRole('menuitem', { name: 'Guardar como PDF…' })).toBeVisible()
    await photograph(page, 'delivery-es-proof-menu')
    await page.keyboard.press('Escape')

    await page.keyboard.press('o')
    const dialog = page.getByRole('dialog', {
      name: `Abrir un caso del pedido ${delivery.orderId}`,
    })
    await dialog.getByRole('button', { name: 'Abrir el caso' }).click()
    await expect(dialog.getByText('Elija lo que informa el cliente.')).toBeVisible()
    await photograph(page, 'delivery-es-open-case')
    await page.keyboard.press('Escape')
  } finally {
    await chooseLanguage(page, 'en')
  }
})
