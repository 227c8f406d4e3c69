// The frame area in the pseudo-locale (see tour.ts): the app bar and its user menu, the side
// navigation as an icon rail (each tooltip) and full width, the keyboard shortcuts dialog, the
// update notice, and the cache's health (replaced, damaged, recovering) as the window shows it.
// The states the demo never reaches (an update, a damaged cache) are the core's answers stood in
// for on the page's own calls; their words are made as the core would make them in this locale.
import { expect, type Page } from '@playwright/test'
import {
  describeDamage,
  describeRecovery,
  type CacheRecovery,
} from '../../../electron/core/db/recovery/recovery-report.ts'
import { PSEUDO_LOCALE } from '../../../electron/core/messages/languages.ts'
import { speak } from '../../../electron/core/messages/messages.ts'
import { pseudo, type Tour } from './tour.ts'

/** The core's answer to one call of the page, stood in for until `unroute`. */
async function answer(page: Page, call: string, value: unknown): Promise<() => Promise<void>> {
  const pattern = `**/api/${call}`
  await page.route(pattern, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) }),
  )
  return () => page.unroute(pattern)
}

/** Words the core would write, in the pseudo-locale (the core itself speaks Settings' language). */
function asTheCoreWouldSay<T>(words: () => T): T {
  speak({ language: PSEUDO_LOCALE, locale: 'en' })
  try {
    return words()
  } finally {
    speak({ language: 'en', locale: 'en' })
  }
}

/** A recovery that saved most, and lost two unsent changes, three audit entries and some views. */
const RECOVERY: CacheRecovery = {
  at: '2026-12-07T09:30:00.000Z',
  problem: { kind: 'corrupt', detail: 'database disk image is malformed' },
  keptAs: 'porchlight.sqlite.damaged-20261207T0930',
  salvaged: true,
  recovered: {
    caseChanges: 5,
    caseChangesWaiting: 2,
    auditEntries: 40,
    photoViews: 3,
    exports: 1,
    evidenceSnapshots: 2,
    settings: true,
    signIn: true,
  },
  lost: {
    caseChanges: [
      { seq: 7, caseId: null, orderId: '112-0859601-2222839', waiting: true },
      { seq: 8, caseId: null, orderId: '112-0859601-2222839', waiting: true },
    ],
    caseChangesUncounted: false,
    auditEntries: [{ from: 41, to: 43 }],
    other: ['photo views'],
  },
  auditChain: { intact: true, detail: null },
}

export const frameTour: Tour = {
  name: 'frame',
  run: async ({ page, open, check }) => {
    await open('#/')
    const header = page.locator('header')
    await expect(header).toBeVisible()
    const nav = page.getByRole('navigation', { name: pseudo('Main') })
    // 1024 px wide: the navigation is an icon rail.
    await expect(nav).toHaveAttribute('data-width', 'rail')
    await check('the app bar, the icon rail')

    // The tooltip open now (one closing may linger beside it).
    const tooltip = page.locator('[role="tooltip"]:not(.MuiTooltip-popperClose)')
    for (const label of ['Search', 'Reports', 'Sync report', 'Settings']) {
      await nav.getByRole('link', { name: pseudo(label) }).hover()
      await expect(tooltip).toBeVisible()
      await check(`the rail's tooltip for ${label}`)
    }
    const expand = nav.getByRole('button', { name: pseudo('Show the navigation’s labels') })
    await expand.hover()
    await expect(tooltip).toBeVisible()
    await check("the rail's toggle and its tooltip")
    await expand.click()
    await expect(nav).toHaveAttribute('data-width', 'full')
    await page.mouse.move(600, 400)
    await check('the navigation at full width')
    await nav.getByRole('button', { name: pseudo('Collapse the navigation to icons') }).click()
    await expect(nav).toHaveAttribute('data-width', 'rail')

    await header.locator('button[aria-haspopup="menu"]').click()
    await expect(page.getByRole('menu')).toBeVisible()
    await check('the user menu')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toBeHidden()
    // Gone for good (a closing menu still holds the keys, as every open dialog or menu does).
    await expect(page.locator('.MuiModal-root')).toHaveCount(0)

    // "?" from anywhere but a box being typed in.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('?')
    const shortcuts = page.getByRole('dialog', { name: pseudo('Keyboard shortcuts') })
    await expect(shortcuts).toBeVisible()
    await check('the keyboard shortcuts dialog')
    await shortcuts.getByRole('button', { name: pseudo('Close') }).click()
    await expect(shortcuts).toBeHidden()

    // An update downloaded and ready (the demo never offers one).
    const noUpdate = await answer(page, 'getUpdateStatus', {
      state: 'ready',
      version: '0.2.0',
      lastCheckAt: new Date().toISOString(),
    })
    await page.reload()
    await expect(page.getByRole('button', { name: pseudo('Restart now') })).toBeVisible()
    await check('the update notice')
    await page.getByRole('button', { name: pseudo('Later') }).click()
    await noUpdate()

    // A cache replaced at start: what was lost, and the recovery's own paragraph.
    const recovered = await answer(page, 'getCacheHealth', {
      state: 'ok',
      recovery: {
        at: new Date().toISOString(),
        summary: asTheCoreWouldSay(() => describeRecovery(RECOVERY)),
        unsentChangesLost: 2,
      },
    })
    await page.reload()
    const notice = page.getByRole('dialog', {
      name: pseudo('Porchlight replaced its damaged cache'),
    })
    await expect(notice).toBeVisible()
    await check('the notice of a replaced cache')
    await recovered()

    // Damage met while running: the window gives way to "Recover now"; then recovering.
    const damaged = await answer(page, 'getCacheHealth', {
      state: 'damaged',
      message: asTheCoreWouldSay(() =>
        describeDamage('database disk image is malformed', 'recover-now'),
      ),
    })
    await page.reload()
    await expect(page.getByRole('button', { name: pseudo('Recover now') })).toBeVisible()
    await check('the damaged cache')
    await damaged()
    const recovering = await answer(page, 'getCacheHealth', { state: 'recovering' })
    await page.reload()
    await expect(
      page.getByRole('status').filter({
        hasText: pseudo('Recovering the local cache… this can take a minute.'),
      }),
    ).toBeVisible()
    await check('the cache being recovered')
    await recovering()
    await page.reload()
    await expect(header).toBeVisible()
  },
}
