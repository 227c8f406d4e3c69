// Settings end to end: an agent opens Settings from the navigation with the keyboard, changes how
// often Porchlight syncs, and after a reload the core (which keeps it in SQLite) still has it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { expectNoSeriousViolations, signInAndWaitForSync } from './support/console-page.ts'

const screenshots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  service = await startDemoService({ seed: 11, deliveries: 40 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

test('the sync interval is saved in the core and survives a reload', async ({ page }) => {
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)

  // Keyboard only: the navigation link, then the select and its menu.
  const navigation = page.getByRole('navigation', { name: 'Main' })
  await navigation.getByRole('link', { name: 'Settings' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused()
  await expect(navigation.getByRole('link', { name: 'Settings' })).toHaveAttribute(
    'aria-current',
    'page',
  )

  const interval = page.getByRole('combobox', { name: 'Sync automatically' })
  await expect(interval).toHaveText('Every 5 minutes') // the core's default
  await expect(page.getByRole('region', { name: 'Delivery service' })).toContainText(service.url)
  await expect(page.getByRole('region', { name: 'Delivery service' })).toContainText(
    'Real delivery service',
  )
  await expect(page.getByRole('region', { name: 'Signed in as' })).toContainText('Agent')

  await interval.focus()
  await page.keyboard.press('Enter')
  const listbox = page.getByRole('listbox', { name: 'Sync automatically' })
  await expect(listbox).toBeVisible()
  await expect(listbox.getByRole('option')).toHaveText([
    'Off',
    'Every minute',
    'Every 5 minutes',
    'Every 15 minutes',
    'Every 30 minutes',
    'Every hour',
    'Every 4 hours',
  ])
  await expect(listbox.getByRole('option', { name: 'Every 5 minutes' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(listbox).toBeHidden()

  const saved = page.getByRole('alert').filter({ hasText: 'Saved.' })
  await expect(saved).toContainText('Porchlight syncs every 15 minutes.')
  await expect(interval).toHaveText('Every 15 minutes')
  await expect(interval).toBeFocused()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: join(screenshots, 'settings.png') })

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400) // let MUI's colour transitions settle before the screenshot
  await page.screenshot({ path: join(screenshots, 'settings-dark.png') })
  await expectNoSeriousViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })

  await page.reload()
  await signInAndWaitForSync(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Sync automatically' })).toHaveText(
    'Every 15 minutes',
  )

  // "Off" is a choice too, and it is said plainly.
  await page.getByRole('combobox', { name: 'Sync automatically' }).click()
  await page.getByRole('option', { name: 'Off' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Saved.' })).toContainText(
    'Automatic sync is off.',
  )
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Sync automatically' })).toHaveText('Off')

  // The notification after an outage: on by default, switched off by keyboard, remembered.
  const notify = page.getByRole('switch', { name: 'Tell me when changes made offline are sent' })
  await expect(notify).toBeChecked()
  await notify.focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('alert').filter({ hasText: 'Saved.' })).toContainText(
    'No notifications after an outage.',
  )
  await page.reload()
  await expect(notify).not.toBeChecked()
})

test('a change the core refuses is undone and can be tried again', async ({ page }) => {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/getSettings', async (route) => {
    await held
    return route.continue()
  })
  await page.route('**/api/updateSettings', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'internal', message: 'The settings file could not be written.' },
      }),
    }),
  )

  await page.goto(`${consoleApp.url}#/settings`)
  await signInAndWaitForSync(page)
  await expect(page.getByRole('status', { name: 'Loading the settings' })).toBeVisible()
  release()
  const interval = page.getByRole('combobox', { name: 'Sync automatically' })
  const before = await interval.textContent()
  expect(before).toBeTruthy()

  await interval.click()
  await page.getByRole('option', { name: 'Every hour' }).click()
  const failed = page.getByRole('alert').filter({ hasText: 'The change was not saved.' })
  await expect(failed).toContainText('The settings file could not be written.')
  await expect(interval).toHaveText(before ?? '')
  await expectNoSeriousViolations(page)

  await page.unroute('**/api/updateSettings')
  await failed.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Saved.' })).toContainText(
    'Porchlight syncs every hour.',
  )
  await expect(interval).toHaveText('Every hour')
  await expect(failed).toHaveCount(0)
})

test('Español turns the whole window Spanish at once, and the choice is kept', async ({ page }) => {
  await page.goto(`${consoleApp.url}#/settings`)
  await signInAndWaitForSync(page)
  await page.getByRole('combobox', { name: 'Language' }).click()
  await page.getByRole('option', { name: 'Español' }).click()

  // At once, without a reload: Settings, the status bar and what Settings show from the core.
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveText('Español')
  await expect(page.getByRole('combobox', { name: 'Sincronizar automáticamente' })).toHaveText(
    /^Cada \d+ minutos?$|^Cada hora$|^Desactivada$/,
  )
  const statusBar = page.getByLabel('Estado de la sincronización')
  await expect(statusBar.getByRole('button', { name: 'Sincronizar ahora' })).toBeVisible()
  await expect(statusBar).toContainText('Última sincronización')
  await expect(page.getByRole('region', { name: 'Datos guardados en este equipo' })).toContainText(
    'Eliminar ahora los datos vencidos',
  )
  await expect(page.locator('html')).toHaveAttribute('lang', /^es/)
  // The frame around Settings too: the whole window changed.
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Ajustes' }),
  ).toHaveAttribute('aria-current', 'page')
  for (const [width, height] of [
    [1024, 768],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(screenshots, `settings-es-${width}.png`), fullPage: true })
  }

  // Kept with the settings: a reload opens in Spanish, and so does the sync report.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible()
  await page.goto(`${consoleApp.url}#/sync-report`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Informe de sincronización' }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Última ejecución', exact: true })).toContainText(
    'Entregas recibidas',
  )
  await page.screenshot({ path: join(screenshots, 'sync-report-es-1280.png'), fullPage: true })

  // Back to the system's language (English here) for the tests after this one.
  await page.goto(`${consoleApp.url}#/settings`)
  await page.getByRole('combobox', { name: 'Idioma' }).click()
  await page.getByRole('option', { name: /^Como el sistema/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})

test('"As the system" speaks the browser’s language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' })
  const page = await context.newPage()
  try {
    await page.goto(`${consoleApp.url}#/settings`)
    // Signed in already, or asked to sign in (the form found by its fields, in any language).
    const heading = page.getByRole('heading', { level: 1, name: 'Ajustes' })
    const password = page.locator('input[type="password"]')
    await expect(heading.or(password)).toBeVisible()
    if (await password.isVisible()) {
      await page.locator('input:not([type="password"])').first().fill('agent')
      await password.fill('demo-agent')
      await page.keyboard.press('Enter')
    }
    await expect(heading).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveText(
      'Como el sistema (Español)',
    )
    await expect(
      page.getByLabel('Estado de la sincronización').getByRole('button', {
        name: 'Sincronizar ahora',
      }),
    ).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es-ES')
  } finally {
    await context.close()
  }
})
