// The settings area in the pseudo-locale (see tour.ts): every section of Settings, its menus,
// forms with their mistakes named, snackbars and dialogs. The shared console runs with the tile
// server fixed off; a second console, left to Settings and with map files in its maps folder, shows
// the tile server's form, the map files' list (one file that cannot be used) and tiles kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { PSEUDO_LOCALE } from '../../../electron/core/messages/languages.ts'
import { writeMbtiles } from '../../../electron/core/map-tiles/write-mbtiles.ts'
import { solidTile, startTestTileServer } from '../../support/tile-server.ts'
import { startConsole } from '../support/browser-mode.ts'
import { signInAndWaitForSync } from '../support/console-page.ts'
import { pseudo, type Tour } from './tour.ts'

const settingsMain = (page: Page) => page.locator('main[aria-labelledby="settings-heading"]')
const section = (page: Page, title: string) =>
  settingsMain(page).getByRole('region', { name: pseudo(title), exact: true })

/** The pseudo form of the start of an English message (up to a placeholder, say). */
const pseudoStart = (english: string) => pseudo(english).replace(/·*⟧$/, '')

/** The snackbar or alert saying a change was made. */
async function expectSaid(page: Page, englishStart: string) {
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: pseudoStart(englishStart) })
      .first(),
  ).toBeVisible()
}

export const settingsTour: Tour = {
  name: 'settings',
  run: async ({ page, service, open, check }) => {
    // Two consoles, a tile server and a delivery's map: longer than one screen's tour.
    test.setTimeout(300_000)
    // The shared console: the tile server fixed when Porchlight was started.
    await open('#/settings')
    await expect(page.locator('#settings-appearance')).toBeVisible()
    await expect(section(page, 'Map tiles').getByRole('alert').first()).toBeVisible()
    await check('settings, the tile server fixed at start')

    // Sync: the interval's menu, then a change saved and said.
    const interval = page.getByRole('combobox', { name: pseudo('Sync automatically') })
    await interval.click()
    await expect(page.getByRole('listbox')).toBeVisible()
    await check('the sync interval menu')
    await page.getByRole('option', { name: pseudo('Every 15 minutes') }).click()
    await expectSaid(page, 'Saved. ')
    await check('the sync interval saved')
    await interval.click()
    await page.getByRole('option', { name: pseudo('Every 5 minutes') }).click()
    const notify = page.getByRole('switch', {
      name: pseudo('Tell me when changes made offline are sent'),
    })
    await notify.click()
    await expectSaid(page, 'Saved. ')
    await expect(
      page.getByRole('alert').filter({ hasText: pseudo('No notifications after an outage.') }),
    ).toBeVisible()
    await check('notifications after an outage switched off')
    await notify.click()

    // Retention: a period's menu.
    await page.getByRole('combobox', { name: pseudo('Keep photos for') }).click()
    await expect(page.getByRole('listbox')).toBeVisible()
    await check('the photo retention menu')
    await page.keyboard.press('Escape')

    // Appearance and language: the language menu.
    await page.getByRole('combobox', { name: pseudo('Language') }).click()
    await expect(page.getByRole('listbox')).toBeVisible()
    await check('the language menu')
    await page.keyboard.press('Escape')

    // A console of its own: the tile server left to Settings, two map files, a tile server here.
    const folder = mkdtempSync(join(tmpdir(), 'porchlight-tour-maps-'))
    const tiles = await startTestTileServer({ colour: '#c8e6c9' })
    const good = join(folder, 'city.mbtiles')
    const bad = join(folder, 'broken.mbtiles')
    const tile = await solidTile('#e0e0e0')
    await writeMbtiles(good, { name: 'City basemap', format: 'png', minzoom: '0', maxzoom: '1' }, [
      { z: 0, x: 0, y: 0, bytes: tile },
    ])
    writeFileSync(bad, 'not a database')
    const own = await startConsole({
      serviceUrl: service.url,
      tileServer: 'settings',
      mapFiles: [good, bad],
      extraArgs: ['--pseudo-locale'],
    })
    try {
      await page.goto(own.url)
      await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
      const at = (hash: string) => {
        const url = new URL(own.url)
        url.searchParams.set('locale', PSEUDO_LOCALE)
        url.hash = hash
        return url.href
      }
      await page.goto(at('#/settings'))
      const maps = section(page, 'Map tiles')
      await expect(
        maps.getByRole('list', { name: pseudo('Map files, in the order they are used') }),
      ).toBeVisible()
      await expect(maps.getByRole('alert')).toBeVisible()
      await check('map files, one that cannot be used, and the tile server form')

      // The tile server form names each mistake under its field.
      const address = maps.getByRole('textbox', { name: pseudo('Address') })
      await address.fill('http://tiles.example.com/{z}/{x}/{y}.png')
      await maps.getByRole('textbox', { name: pseudo('Attribution') }).fill('')
      await maps.getByRole('button', { name: pseudo('Save tile server') }).click()
      await expect(address).toHaveAttribute('aria-invalid', 'true')
      await check('the tile server form with an invalid address')
      await address.fill(tiles.template.replace('/{y}', ''))
      await maps.getByRole('button', { name: pseudo('Save tile server') }).click()
      await check('the tile server form with an address missing {y}')

      // A server saved; a delivery's map fetches tiles through it; Settings count them.
      await address.fill(tiles.template)
      await maps.getByRole('textbox', { name: pseudo('Attribution') }).fill('Test tiles')
      await maps.getByRole('button', { name: pseudo('Save tile server') }).click()
      await expectSaid(page, 'The tile server was saved.')
      await check('the tile server saved')
      const delivery = (await service.world.deliveries()).find((d) => d.deleted !== true)!
      await page.goto(at(`#/delivery/${delivery.id}`))
      await expect(page.locator('.pl-map img.leaflet-tile').first()).toBeVisible()
      await expect.poll(() => tiles.requests.length).toBeGreaterThan(0)
      await page.goto(at('#/settings'))
      const clear = maps.getByRole('button', { name: pseudo('Clear tiles…') })
      await expect(clear).toBeEnabled({ timeout: 15_000 })
      await check('tiles kept, with their count and size')
      await maps.getByRole('combobox', { name: pseudo('Keep up to') }).click()
      await expect(page.getByRole('listbox')).toBeVisible()
      await check('the tile cache cap menu')
      await page.keyboard.press('Escape')
      await clear.click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check('the dialog to clear the tiles')
      await page
        .getByRole('dialog')
        .getByRole('button', { name: pseudo('Clear tiles') })
        .click()
      await expectSaid(page, 'The tiles were cleared.')
      await check('the tiles cleared')

      // Help desk: a mistake named, then an address saved and removed.
      const helpDesk = section(page, 'Help desk')
      const ticket = helpDesk.getByRole('textbox', { name: pseudo('Ticket address') })
      await ticket.fill('https://example.zendesk.com/agent/tickets/')
      await helpDesk.getByRole('button', { name: pseudo('Save ticket address') }).click()
      await expect(ticket).toHaveAttribute('aria-invalid', 'true')
      await check('the help desk address with a mistake')
      await ticket.fill('https://example.zendesk.com/agent/tickets/{ticket}')
      await helpDesk.getByRole('button', { name: pseudo('Save ticket address') }).click()
      await expect(helpDesk.getByRole('status')).toContainText(
        pseudo('The ticket address was saved.'),
      )
      await check('the help desk address saved')
      await helpDesk.getByRole('button', { name: pseudo('Remove ticket address') }).click()
      await expect(helpDesk.getByRole('status')).toContainText(pseudo('No ticket address.'))

      // Retention: expired data removed now, and when it was last removed.
      const retention = section(page, 'Data kept on this computer')
      await retention.getByRole('button', { name: pseudo('Remove expired data now') }).click()
      await expect(
        retention.getByRole('status').filter({ hasText: pseudoStart('Last removal ') }),
      ).toBeVisible()
      await check('expired data removed')

      // Support: the diagnostics copied (or, without a clipboard, shown to copy by hand).
      const support = section(page, 'Support')
      await support.getByRole('button', { name: pseudo('Copy diagnostics') }).click()
      await expect(support.getByRole('alert').or(page.getByRole('dialog'))).toBeVisible()
      await check('the diagnostics copied')
      if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape')
      // Signing out with the local data erased (the session's dialog; the core's refusals are
      // this area's): the dialog and its warning, then left without signing out.
      await page
        .locator('header button[aria-haspopup]')
        .filter({ has: page.locator('.MuiAvatar-root') })
        .click()
      await page.getByRole('menuitem').last().click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await dialog.getByRole('checkbox').first().check()
      await check('the sign-out dialog, erasing the local data')
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
    } finally {
      await own.stop()
      await tiles.close()
      rmSync(folder, { recursive: true, force: true })
    }
  },
}
