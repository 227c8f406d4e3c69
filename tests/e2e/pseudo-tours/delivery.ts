// The delivery area in the pseudo-locale (see tour.ts): a delivery with several photos (the viewer,
// zoomed in and full screen, its tools' tooltips, the photo facts, the map with its legend and
// tooltips, the facts, the cases on it and earlier claims, the address's history compared side by
// side, the proof-of-delivery menu); one flagged away from the address; one with a reused photo
// and its look-alikes; one whose photo is withheld; one without a photo; one not found.
import { expect, type Page } from '@playwright/test'
import { sameAddress } from '../../../electron/core/addresses/same-address.ts'
import type { CaseRecord, DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { pseudo, type Tour } from './tour.ts'

/** Waits for the delivery screen, its map and (when it has one to show) its full photo. */
async function shown(page: Page, withPhoto: boolean) {
  await expect(page.locator('main h1#delivery-heading')).toBeVisible()
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
  if (withPhoto) {
    await expect(page.locator('main [aria-describedby] img:not([aria-hidden])')).toBeVisible()
    await expect(page.getByText(pseudo('Loading the full photo…'))).toBeHidden()
  }
  await expect(page.locator('#history-heading ~ p').first()).toBeVisible()
}

/** Hovers `target` and checks the page with its tooltip shown. */
async function withTooltip(
  page: Page,
  target: ReturnType<Page['locator']>,
  check: () => Promise<void>,
) {
  await target.hover()
  await expect(
    page.locator('[role=tooltip], .leaflet-tooltip:not(.pl-distance)').first(),
  ).toBeVisible()
  await check()
  await page.mouse.move(0, 0)
}

const AWAY = 'Only delivered away from the address'
const REUSED = 'Only with a reused photo'

/** Opens the Open a case dialog (O), checks it, and its refusal without a reason; closes it. */
async function openCaseDialog(page: Page, check: (state: string) => Promise<void>, of: string) {
  await page.locator('main h1#delivery-heading').focus()
  await page.keyboard.press('o')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await check(`the open-a-case dialog (${of})`)
  await dialog.locator('button[type=submit]').click()
  await expect(dialog.locator('.MuiFormHelperText-root.Mui-error')).toBeVisible()
  await check(`the open-a-case dialog without a reason (${of})`)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

/** Opens the first delivery the search lists with one filter on (the search keeps its state). */
async function firstFiltered(page: Page, open: (hash: string) => Promise<void>, filter: string) {
  await open('#/')
  for (const name of [AWAY, REUSED]) {
    await page.getByRole('checkbox', { name: pseudo(name) }).setChecked(name === filter)
  }
  const link = page.locator('main table tbody tr a').first()
  await expect(link).toBeVisible()
  await link.click()
  await page.waitForURL(/#\/delivery\//)
}

export const deliveryTour: Tour = {
  name: 'delivery',
  run: async ({ page, service, open, check }) => {
    const deliveries = (await service.world.deliveries()).filter(
      (d): d is DeliveryRecord => d.deleted !== true,
    )
    const shownPhotos = deliveries.filter((d) => d.photoWithheld === null)
    const several =
      shownPhotos.find((d) => d.photos.length > 1) ?? shownPhotos.find((d) => d.photos.length > 0)!

    await open(`#/delivery/${several.id}`)
    await shown(page, true)
    await check('a delivery with photos')

    await page.keyboard.press('+')
    await page.keyboard.press('+')
    await expect(page.locator('[role=toolbar] .MuiTypography-caption')).not.toHaveText(
      pseudo('Fit'),
    )
    await check('the photo zoomed in')
    await withTooltip(page, page.locator('[role=toolbar] button').nth(1), () =>
      check('a photo tool’s tooltip'),
    )
    await page.keyboard.press('0')

    await page.keyboard.press('f')
    if (await page.evaluate(() => document.fullscreenElement !== null)) {
      await check('the photo full screen')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true)
    }

    if (several.photos.length > 1) {
      await page.locator('[data-thumbnail]').nth(1).click()
      await check('the second photo')
    }

    await withTooltip(page, page.locator('.pl-pin--address'), () =>
      check('the address pin’s tooltip'),
    )
    await withTooltip(page, page.locator('.pl-pin--drop-off'), () =>
      check('the drop-off pin’s tooltip'),
    )
    const dot = page.locator('.leaflet-overlay-pane path.leaflet-interactive').first()
    if ((await dot.count()) > 0) {
      await withTooltip(page, dot, () => check('a photo dot’s tooltip'))
    }

    const proof = page.getByRole('button', { name: pseudo('Proof of delivery') })
    await proof.click()
    await expect(page.getByRole('menu')).toBeVisible()
    await check('the proof-of-delivery menu')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toBeHidden()
    await openCaseDialog(page, check, 'no case yet')

    // The delivery with the most earlier deliveries to its address: its history, compared.
    const facts = (d: DeliveryRecord) => ({
      line1: d.address.line1,
      line2: d.address.line2 ?? null,
      postalCode: d.address.postalCode,
      country: d.address.country,
      lat: d.address.location?.lat ?? null,
      lng: d.address.location?.lng ?? null,
    })
    const earlierCount = (d: DeliveryRecord) =>
      deliveries.filter((o) => o.updatedAt < d.updatedAt && sameAddress(facts(d), facts(o))).length
    const repeat = [...deliveries].sort((a, b) => earlierCount(b) - earlierCount(a))[0]!
    await open(`#/delivery/${repeat.id}`)
    await shown(page, false)
    const compare = page.locator('section[aria-labelledby=history-heading] ul button')
    await expect(compare.first()).toBeVisible()
    await compare.first().click()
    await expect(page.locator('[role=group] figure').first()).toBeVisible()
    await check('comparing with an earlier delivery')
    if ((await compare.count()) > 1) {
      await compare.nth(1).click()
      await check('comparing two earlier deliveries')
    }

    await firstFiltered(page, open, AWAY)
    await shown(page, false)
    await check('a delivery away from the address')
    await withTooltip(page, page.locator('main .MuiChip-colorWarning'), () =>
      check('the away flag’s tooltip'),
    )

    await firstFiltered(page, open, REUSED)
    await shown(page, false)
    await expect(page.locator('#lookalikes-heading')).toBeVisible()
    await check('a delivery with a reused photo and its look-alikes')

    const withheld = deliveries.find((d) => d.photoWithheld !== null)!
    await open(`#/delivery/${withheld.id}`)
    await expect(page.locator('main h1#delivery-heading')).toBeVisible()
    await expect(page.locator('#history-heading ~ p').first()).toBeVisible()
    await check('a delivery whose photo is withheld')

    const none = shownPhotos.find((d) => d.photos.length === 0)
    if (none) {
      await open(`#/delivery/${none.id}`)
      await expect(page.locator('main h1#delivery-heading')).toBeVisible()
      await expect(page.locator('#history-heading ~ p').first()).toBeVisible()
      await check('a delivery without a photo')
    }

    // A delivery with a case being worked: the cases on it, and the dialog warns of them.
    const worked = service.world
      .cases()
      .find((c): c is CaseRecord => c.deleted !== true && c.status !== 'resolved')
    if (worked) {
      await open(`#/delivery/${worked.deliveryId}`)
      await expect(page.locator('#cases-heading')).toBeVisible()
      await expect(page.locator('#history-heading ~ p').first()).toBeVisible()
      await check('a delivery with a case being worked')
      await openCaseDialog(page, check, 'a case already worked')
    }

    await open('#/delivery/d_not_in_this_copy')
    await expect(page.locator('main h1')).toBeVisible()
    await check('a delivery not found')
  },
}
