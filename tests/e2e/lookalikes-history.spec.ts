// Evidence no delivery record carries, in the browser over the demo delivery service: a delivery
// whose photo is one its driver sent before for another address shows both photos side by side
// and is flagged, in search too; the address's own history lists earlier deliveries there, and
// choosing one puts it beside this delivery's photo.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { generateWorld } from '../../electron/core/demo-service/generate.ts'
import type { DeliveryDraft } from '../../electron/core/demo-service/index.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { sameAddress } from '../../electron/core/addresses/same-address.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
// Seed 6 at 200 deliveries on this day: the reusing driver sends earlier photos again, in every way
// (as in tests/core/photo-match/lookalikes.test.ts).
const SEED = 6
const SIZE = 200
const ANCHOR = new Date('2025-06-01T00:00:00Z')

let service: DemoService
let consoleApp: RunningConsole
let copy: DeliveryDraft
let source: DeliveryDraft
let repeat: { latest: DeliveryDraft; earlier: number }

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: SEED, deliveries: SIZE, anchor: ANCHOR })
  const world = generateWorld({ seed: SEED, deliveries: SIZE, anchor: ANCHOR })
  const byDate = [...world.deliveries].sort((a, b) =>
    (a.deliveredAt ?? '').localeCompare(b.deliveredAt ?? ''),
  )
  const firstOfScene = new Map<number, DeliveryDraft>()
  for (const d of byDate) {
    const photo = d.photos[0]
    if (!photo || d.photoWithheld !== null) continue
    const scene = world.scenes.get(photo.id)!
    if (scene.reuse && !copy) {
      copy = d
      source = firstOfScene.get(scene.seed)!
    } else if (!scene.reuse && !firstOfScene.has(scene.seed)) firstOfScene.set(scene.seed, d)
  }
  // The delivery with the most earlier deliveries to its address.
  const facts = (d: DeliveryDraft) => ({
    line1: d.address.line1,
    line2: d.address.line2 ?? null,
    postalCode: d.address.postalCode,
    country: d.address.country,
    lat: d.address.location?.lat ?? null,
    lng: d.address.location?.lng ?? null,
  })
  repeat = { latest: world.deliveries[0]!, earlier: -1 }
  for (const d of world.deliveries) {
    const earlier = world.deliveries.filter(
      (o) => o.updatedAt < d.updatedAt && sameAddress(facts(d), facts(o)),
    ).length
    if (earlier > repeat.earlier) repeat = { latest: d, earlier }
  }
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.beforeEach(({ page }) => {
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

/** The screen, and the section itself (the screen scrolls inside its frame), at both sizes. */
async function shoot(page: Page, section: Locator, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: join(screenshots, `${name}-${width}x${height}-${scheme}.png`) })
      await section.screenshot({
        path: join(screenshots, `${name}-section-${width}x${height}-${scheme}.png`),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a reused photo is shown beside the one it copies, and flagged in search', async ({
  page,
}) => {
  expect(copy, 'the demo world has a driver who sends a photo again').toBeDefined()
  await openDelivery(page, copy.orderId)
  const section = page.getByRole('region', { name: 'Same or look-alike photos' })
  await expect(section).toBeVisible({ timeout: 30_000 })
  await expect(section.getByText(/also appears at another address and on an earlier/)).toBeVisible()
  const pair = section.getByRole('listitem', {
    name: new RegExp(
      `^Photo 1: (the same file|looks the same .*) as a photo of order ${source.orderId}$`,
    ),
  })
  await expect(pair).toBeVisible()
  await expect(pair.getByRole('img', { name: `Order ${source.orderId}` })).toBeVisible()
  await expect(pair.getByRole('img', { name: 'This delivery, photo 1' })).toBeVisible()
  await expect(pair.getByText(copy.driver.name)).toBeVisible()
  await expectNoSeriousViolations(page)
  await shoot(page, section, 'lookalikes')

  // The search says it too, and its filter lists every flagged delivery, this one among them.
  await page.goto(consoleApp.url)
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  await search.fill(copy.orderId)
  await expect(page.getByRole('row', { name: /photo reused/ })).toBeVisible()
  await search.fill('')
  await page.getByRole('checkbox', { name: 'Only with a reused photo' }).check()
  const row = page.getByRole('row', { name: new RegExp(`^Order ${copy.orderId},`) })
  await expect(row).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')
  // Every listed delivery carries the flag (the header row has none): the copies and the
  // deliveries they copy.
  await expect(rows.filter({ hasText: 'Photo reused' })).toHaveCount((await rows.count()) - 1)
  expect(await rows.count()).toBeGreaterThan(2)
  await expectNoSeriousViolations(page)
  await shoot(page, page.getByRole('main'), 'search-reused-filter')
})

test("the address's history lists earlier deliveries and compares one with this", async ({
  page,
}) => {
  expect(repeat.earlier).toBeGreaterThan(0)
  await openDelivery(page, repeat.latest.orderId)
  const section = page.getByRole('region', { name: "This address's history" })
  await expect(section.getByText(/^This address has had \d+ claims? in 90 days/)).toBeVisible()
  const strip = section.getByRole('list', { name: 'Earlier deliveries to this address' })
  await expect(strip.getByRole('listitem').first()).toBeVisible()
  await strip
    .getByRole('button', { name: /^Compare order/ })
    .first()
    .click()
  const sides = section.getByRole('group', { name: 'Side by side' })
  await expect(sides.getByText('This delivery')).toBeVisible()
  await expect(sides.getByRole('figure')).toHaveCount(2)
  await expectNoSeriousViolations(page)
  await shoot(page, section, 'address-history')
})
