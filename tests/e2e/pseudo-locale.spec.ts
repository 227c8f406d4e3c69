// The whole window in the pseudo-locale (en-XA: English accented, bracketed and a third longer):
// no word bypasses the message catalogue, and no control's text runs past it. Each screen area's
// tour (pseudo-tours/) walks its states; the session's tour runs last and signs out.
import { test } from '@playwright/test'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { PSEUDO_LOCALE } from '../../electron/core/messages/languages.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'
import { expectAllLocalized } from './support/pseudo-locale.ts'
import { TOURS } from './pseudo-tours/index.ts'

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  service = await startDemoService({ seed: 7, deliveries: 80 })
  // The core speaks the pseudo-locale too, so its words (errors, the sync's problems) are read.
  consoleApp = await startConsole({ serviceUrl: service.url, extraArgs: ['--pseudo-locale'] })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

// Signed in (in English) before each tour; after a failed tour Playwright starts a fresh worker,
// service and console, so the next tour signs in from scratch.
test.beforeEach(async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
})

for (const tour of TOURS) {
  test(`${tour.name} speaks only the catalogue's words, and they fit`, async ({ page }) => {
    await page.setViewportSize(tour.size ?? { width: 1024, height: 768 })
    await tour.run({
      page,
      service,
      open: async (hash) => {
        const url = new URL(consoleApp.url)
        url.searchParams.set('locale', PSEUDO_LOCALE)
        url.hash = hash
        if (page.url().includes(`locale=${PSEUDO_LOCALE}`)) {
          await page.evaluate((target) => (window.location.hash = target), hash)
        } else {
          await page.goto(url.href)
        }
      },
      check: (state) => expectAllLocalized(page, `${tour.name}: ${state}`),
    })
  })
}
