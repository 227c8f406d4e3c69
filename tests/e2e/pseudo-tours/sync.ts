// The sync area in the pseudo-locale (see tour.ts): the sync report of the shared console, then a
// console of its own against a delivery service that misbehaves on cue (tests/support/
// fault-server.ts): records it rejects and photos it cannot fetch, a run under way, offline with
// a change waiting to be sent, and the service asking Porchlight to wait.
import { expect, type Page } from '@playwright/test'
import { PSEUDO_LOCALE } from '../../../electron/core/messages/languages.ts'
import { startFaultServer, TEST_ACCOUNT } from '../../support/fault-server.ts'
import { makeCase, makeDelivery, makeJpeg, photoRecord, uuidOf } from '../../support/records.ts'
import { startConsole } from '../support/browser-mode.ts'
import { signInAndWaitForSync } from '../support/console-page.ts'
import { pseudo, type Tour } from './tour.ts'

const statusBar = (page: Page) => page.locator('footer')
const syncNow = (page: Page) => statusBar(page).getByRole('button', { name: pseudo('Sync now') })

/** Adds an internal note to a case through the API, as the case screen does. */
async function addNote(page: Page, consoleUrl: string, caseId: string) {
  const token = new URL(consoleUrl).searchParams.get('token') ?? ''
  const answer = await page.evaluate(
    async ({ token, caseId }) => {
      const response = await fetch('/api/addCaseNote', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Porchlight-Token': token },
        body: JSON.stringify({ arg: { caseId, body: 'Called the customer back.' } }),
      })
      return response.status
    },
    { token, caseId },
  )
  expect(answer).toBe(200)
}

export const syncTour: Tour = {
  name: 'sync',
  run: async ({ page, open, check }) => {
    // The shared console: a report of runs that went well.
    await open('#/sync-report')
    await expect(page.locator('main h1')).toBeVisible()
    await expect(page.getByRole('table').first()).toBeVisible()
    await check('the sync report, all well')
    await statusBar(page).locator('[tabindex="0"]').first().focus()
    await expect(page.getByRole('tooltip')).toBeVisible()
    await check('the status bar online, its last sync in a tooltip')

    // A service of its own: one record of each stream it sends breaks the contract, one photo
    // is gone.
    const server = await startFaultServer()
    const invalid = makeDelivery('2', { photos: [] })
    const erased = await makeJpeg(5)
    server.putPhoto('ph-3-1', erased.bytes)
    server.erasePhoto('ph-3-1')
    server.deliveries.append(
      makeDelivery('1', { photos: [] }),
      { ...invalid, address: { ...invalid.address, location: { lat: 95.2, lng: -122.3 } } },
      makeDelivery('3', { photos: [photoRecord('ph-3-1', erased)] }),
    )
    server.cases.append(makeCase(1, '1'), { ...makeCase(2, '1'), status: 'escalated' })
    const own = await startConsole({ serviceUrl: server.url, extraArgs: ['--pseudo-locale'] })
    try {
      await page.goto(own.url)
      await signInAndWaitForSync(page, TEST_ACCOUNT)
      const url = new URL(own.url)
      url.searchParams.set('locale', PSEUDO_LOCALE)
      url.hash = '#/sync-report'
      await page.goto(url.href)
      await expect(
        page.getByRole('grid', { name: pseudo('Records rejected in the last run') }),
      ).toBeVisible()
      await check('the sync report with rejected records, and the problems in the status bar')
      await statusBar(page).getByRole('link').focus()
      await expect(page.getByRole('tooltip')).toBeVisible()
      await check('the status bar’s problems, in a tooltip')

      // A run under way: the service asks it to wait a few seconds, which it does.
      server.inject({ path: '/v1/sync/deliveries' }, { kind: 'status', status: 503, retryAfter: 8 })
      await syncNow(page).click()
      await expect(
        page.getByRole('progressbar', { name: pseudo('Sync in progress') }),
      ).toBeVisible()
      await check('a sync under way, waiting for the service')
      await expect(syncNow(page)).toBeEnabled({ timeout: 60_000 })

      // Offline: nothing answers; a note written meanwhile waits to be sent.
      server.inject(() => true, { kind: 'drop-before-headers' }, 10_000)
      await syncNow(page).click()
      await expect(statusBar(page).getByText(pseudo('Offline'))).toBeVisible({ timeout: 60_000 })
      await addNote(page, own.url, uuidOf(1))
      await expect(
        statusBar(page).getByText(pseudo('Offline — {{count, number}} change waiting').slice(0, 8)),
      ).toBeVisible()
      await check('offline, with a change waiting to be sent')
      await statusBar(page).getByText(pseudo('Offline').slice(0, 5)).first().hover()
      await expect(page.getByRole('tooltip')).toBeVisible()
      await check('offline, in a tooltip')
      await page.mouse.move(0, 0)

      // Back, and the service asks Porchlight to wait two minutes before anything else.
      server.clearFaults()
      server.inject(() => true, { kind: 'status', status: 429, retryAfter: 120 }, 1)
      await syncNow(page).click()
      await expect(
        statusBar(page)
          .getByText(/\d:\d\d/)
          .first(),
      ).toBeVisible({ timeout: 60_000 })
      await check('the service asks to wait, a change still waiting')
      await page.mouse.move(0, 0)
      await page.reload()
      await expect(
        page.getByRole('region', { name: pseudo('Last run'), exact: true }),
      ).toBeVisible()
      await check('the sync report of a run the service stopped')
    } finally {
      await own.stop()
      await server.close()
    }
  },
}
