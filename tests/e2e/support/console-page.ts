// What every browser test does with the console's page: sign in as a person would, and check
// the screen with axe.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Signs in (as the demo agent unless told otherwise) if needed, then waits for a sync. */
export async function signInAndWaitForSync(
  page: Page,
  account: { username: string; password: string } = { username: 'agent', password: 'demo-agent' },
): Promise<void> {
  const userName = page.getByLabel('User name')
  const statusBar = page.getByLabel('Sync status')
  await expect(userName.or(statusBar)).toBeVisible()
  if (await userName.isVisible()) {
    await userName.fill(account.username)
    await page.getByLabel(/^Password/).fill(account.password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }
  // The first sync pulls every record and photo; the status bar says when it is done.
  await expect(statusBar.getByText(/Last synced/)).toBeVisible({ timeout: 90_000 })
}

/**
 * axe finds no serious or critical violation on the whole page, as it stands once settled.
 * Transitions are held still while axe reads the page: a button that a background sync has just
 * enabled again fades from its disabled grey for 250 ms, and axe would judge that passing frame.
 */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  // The page's CSP admits only styles bearing its nonce, so the sheet borrows it.
  await page.evaluate(() => {
    const still = document.createElement('style')
    still.id = 'axe-holds-transitions'
    still.nonce = document.querySelector<HTMLStyleElement>('style[nonce]')?.nonce ?? ''
    still.textContent =
      '*, *::before, *::after { transition: none !important; animation: none !important; }'
    document.head.append(still)
    if (getComputedStyle(document.body).transitionProperty !== 'none') {
      throw new Error('the page refused the style that holds transitions still')
    }
  })
  const results = await new AxeBuilder({ page }).analyze()
  await page.evaluate(() => document.getElementById('axe-holds-transitions')?.remove())
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
  ).toEqual([])
}
