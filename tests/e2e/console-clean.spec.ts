// The console's main pages log nothing in Chromium: no console error or warning, no uncaught
// error, no Content-Security-Policy violation and no CSP issue in the DevTools Issues panel (read
// over the DevTools protocol, as Lighthouse does). And the policy is the one SECURITY.md promises:
// styles by a fresh per-page nonce, no 'unsafe-inline' for <style> elements, every style element
// MUI/emotion injects carrying that nonce.
import { expect, test, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  service = await startDemoService({ seed: 7, deliveries: 60 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

/** Everything the page says is wrong, from the console, the page and the Issues panel. */
async function listenForProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A map tile the map dropped when it moved on is not a problem; nothing else may fail.
    if (!/\/tiles\//.test(request.url())) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`)
    }
  })
  await page.exposeFunction('reportCspViolation', (text: string) =>
    problems.push(`CSP violation: ${text}`),
  )
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`)
    })
  })
  const devtools = await page.context().newCDPSession(page)
  devtools.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') {
      problems.push(`CSP issue: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails)}`)
    }
  })
  await devtools.send('Audits.enable')
  return problems
}

async function visit(page: Page, hash: string, ready: () => Promise<void>) {
  await page.evaluate((target) => (window.location.hash = target), hash)
  await ready()
  // Late requests (tiles, thumbnails, polls) get a moment to report.
  await page.waitForTimeout(500)
}

test('the main pages log no error, warning or CSP issue', async ({ page }) => {
  const problems = await listenForProblems(page)
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord =>
      d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
  )!

  await page.goto(consoleApp.url)
  await expect(page.getByLabel('User name')).toBeVisible()
  await signInAndWaitForSync(page)
  const main = page.getByRole('main')

  await visit(page, '#/', async () => {
    await expect(page.getByRole('searchbox', { name: 'Search deliveries' })).toBeVisible()
  })
  await visit(page, `#/delivery/${delivery.id}`, async () => {
    const photo = page.getByRole('img', { name: /^Delivery photo 1 of/ })
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
  })
  await visit(page, '#/cases', async () => {
    await expect(main.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible()
    await expect(main.getByRole('link', { name: /^Open the case on order/ }).first()).toBeVisible()
  })
  await main
    .getByRole('link', { name: /^Open the case on order/ })
    .first()
    .click()
  await expect(page).toHaveURL(/#\/case\//)
  await expect(main.getByRole('list', { name: 'Timeline' })).toBeVisible()
  await page.waitForTimeout(500)
  await visit(page, '#/sync-report', async () => {
    await expect(main.getByRole('heading', { level: 1 })).toBeVisible()
  })
  await visit(page, '#/settings', async () => {
    await expect(main.getByRole('region', { name: 'Map tiles' })).toBeVisible()
  })

  // Reports are a supervisor's page. Signing out while the case counts' poll (every 3 s) is on
  // its way: the sign-out waits for it, so the core never refuses a call made while signed in.
  await page.getByRole('button', { name: /Alex Rivera/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/getCaseCounts', async (route) => {
    await held
    await route.continue()
  })
  await page.waitForRequest('**/api/getCaseCounts')
  await page
    .getByRole('dialog', { name: 'Sign out of Porchlight?' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click()
  await page.waitForTimeout(500)
  // From here on, the route lets every poll through at once.
  release()
  // The status bar lingers for a moment after signing out; wait for the sign-in form itself.
  await expect(page.getByLabel('User name')).toBeVisible()
  await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
  await visit(page, '#/reports', async () => {
    await expect(main.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()
    await expect(main.getByRole('region', { name: 'Export' })).toBeVisible()
  })

  expect(problems).toEqual([])
})

test('styles come in by a fresh nonce per page load, never by unsafe-inline', async ({ page }) => {
  const policies: string[] = []
  page.on('response', (response) => {
    const policy = response.headers()['content-security-policy']
    if (policy && response.request().resourceType() === 'document') policies.push(policy)
  })
  await page.goto(consoleApp.url)
  await expect(page.getByLabel('User name').or(page.getByLabel('Sync status'))).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('User name').or(page.getByLabel('Sync status'))).toBeVisible()

  expect(policies).toHaveLength(2)
  const nonces = policies.map((policy) => {
    const styleSrc = policy.split('; ').find((d) => d.startsWith('style-src '))
    expect(styleSrc).toMatch(/^style-src 'self' 'nonce-[A-Za-z0-9+/]+=*'$/)
    expect(policy).toContain("style-src-attr 'unsafe-inline'")
    return /'nonce-([^']+)'/.exec(styleSrc!)![1]!
  })
  expect(nonces[0]).not.toBe(nonces[1])

  // Every <style> MUI injected carries this load's nonce (browsers hide the attribute's value;
  // the property keeps it), and the page's styles are in force: the body has the theme's font.
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('style')].map((style) => style.nonce),
  )
  expect(styles.length).toBeGreaterThan(0)
  expect(new Set(styles)).toEqual(new Set([nonces[1]]))
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Roboto')
})
