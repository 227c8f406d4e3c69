// The window itself never scrolls: on every page, at 1280×800 and 1024×768, in both themes, the
// frame (app bar, navigation, status bar) stays put and only the content regions scroll. Below
// 1280 px the navigation is an icon rail (its labels as tooltips and for screen readers), and the
// toggle at its foot switches and is remembered. Each page is photographed for a person to look at
// (test-results/screens/).
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

let service: DemoService
let consoleApp: RunningConsole

test.beforeAll(async () => {
  service = await startDemoService({ seed: 7, deliveries: 80 })
  consoleApp = await startConsole({ serviceUrl: service.url })
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await service?.close()
})

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const

/** How far the window itself can scroll, each way: 0 when only content regions scroll. */
function windowOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!
    return {
      x: root.scrollWidth - root.clientWidth,
      y: root.scrollHeight - root.clientHeight,
    }
  })
}

/** The elements that reach past the window's edges, named for the failure message. */
function elementsBeyondTheWindow(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        if (box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5) {
          return false
        }
        // Clipped by a scrolling region inside the window: that region scrolls, not the window.
        // An absolutely placed element is clipped only from its containing block up.
        const absolute = getComputedStyle(element).position === 'absolute'
        let clipsFrom: Element | null = absolute
          ? (element as HTMLElement).offsetParent
          : element.parentElement
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
          if (up === clipsFrom) clipsFrom = null
          if (!clipsFrom && getComputedStyle(up).overflow !== 'visible') return false
        }
        return true
      })
      .slice(0, 5)
      .map((element) => {
        const box = element.getBoundingClientRect()
        const name = element.getAttribute('aria-label') ?? element.textContent?.slice(0, 40)
        return `${element.tagName.toLowerCase()}.${element.className} "${name}" right ${box.right} bottom ${box.bottom}`
      })
      .join('\n'),
  )
}

async function pages(page: Page) {
  const delivery = (await service.world.deliveries()).find(
    (d): d is DeliveryRecord =>
      d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
  )!
  const main = page.getByRole('main')
  return [
    {
      name: 'search',
      hash: '#/',
      ready: () => expect(page.getByRole('searchbox', { name: 'Search deliveries' })).toBeVisible(),
    },
    {
      name: 'delivery',
      hash: `#/delivery/${delivery.id}`,
      ready: () => expect(page.locator('.leaflet-marker-icon').first()).toBeVisible(),
    },
    {
      name: 'cases',
      hash: '#/cases',
      ready: () =>
        expect(main.getByRole('link', { name: /^Open the case on order/ }).first()).toBeVisible(),
    },
    {
      name: 'reports',
      hash: '#/reports',
      ready: () => expect(main.getByRole('region', { name: 'Export' })).toBeVisible(),
    },
    {
      name: 'sync-report',
      hash: '#/sync-report',
      ready: () => expect(main.getByRole('heading', { level: 1 })).toBeVisible(),
    },
    {
      name: 'settings',
      hash: '#/settings',
      ready: () => expect(main.getByRole('region', { name: 'Map tiles' })).toBeVisible(),
    },
  ]
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no page lets the window scroll, at either size (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.setViewportSize(SIZES[0])
    await page.goto(consoleApp.url)
    await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
    for (const size of SIZES) {
      await page.setViewportSize(size)
      for (const { name, hash, ready } of await pages(page)) {
        await page.evaluate((target) => (window.location.hash = target), hash)
        await ready()
        await page.waitForTimeout(300)
        expect(
          await windowOverflow(page),
          `${name} at ${size.width}×${size.height}:\n${await elementsBeyondTheWindow(page)}`,
        ).toEqual({
          x: 0,
          y: 0,
        })
        await page.screenshot({
          path: join(
            test.info().project.outputDir,
            'screens',
            `${name}-${size.width}-${colorScheme}.png`,
          ),
        })
      }
    }
  })
}

test('below 1280 px the navigation is an icon rail; the toggle is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav).toHaveAttribute('data-width', 'rail')
  expect((await nav.boundingBox())!.width).toBeLessThanOrEqual(72)
  // Labels stay the links' names, and show as tooltips.
  const settings = nav.getByRole('link', { name: 'Settings' })
  await settings.hover()
  await expect(page.getByRole('tooltip', { name: 'Settings' })).toBeVisible()
  await settings.click()
  await expect(page).toHaveURL(/#\/settings/)

  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(nav).toHaveAttribute('data-width', 'full')
  await nav.getByRole('button', { name: 'Collapse the navigation to icons' }).click()
  await expect(nav).toHaveAttribute('data-width', 'rail')
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveAttribute('data-width', 'rail')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Show the navigation’s labels' })
    .click()
  await expect(nav).toHaveAttribute('data-width', 'full')
  await expect(nav.getByText('Sync report')).toBeVisible()
})

test('the theme is switched in Settings and remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const lightBackground = await background()
  await page.evaluate(() => (window.location.hash = '#/settings'))
  const appearance = page.getByRole('region', { name: 'Appearance' })
  const theme = appearance.getByRole('group', { name: 'Theme' })
  await expect(theme.getByRole('button', { name: 'As the system' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await theme.getByRole('button', { name: 'Dark' }).click()
  await expect.poll(background).not.toBe(lightBackground)
  const darkBackground = await background()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Appearance' })).toBeVisible()
  expect(await background()).toBe(darkBackground)
  await page
    .getByRole('region', { name: 'Appearance' })
    .getByRole('button', { name: 'As the system' })
    .click()
  await expect.poll(background).toBe(lightBackground)
})

test('each screen loads its own code when first opened; starting loads only search', async ({
  page,
}) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    const name = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(request.url())?.[1]
    if (name) scripts.push(name)
  })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await expect(page.getByRole('searchbox', { name: 'Search deliveries' })).toBeVisible()
  const screens = ['CasesScreen', 'CaseScreen', 'SettingsScreen', 'SyncReportScreen']
  for (const screen of [...screens, 'ReportsScreen', 'DeliveryScreen'])
    expect(scripts, `${screen} is loaded before it is opened`).not.toContain(screen)

  const navigation = page.getByRole('navigation', { name: 'Main' })
  await navigation.getByRole('link', { name: /^Cases/ }).click()
  await expect(page.getByRole('grid', { name: 'Cases' })).toBeVisible()
  expect(scripts).toContain('CasesScreen')
  expect(scripts).not.toContain('SettingsScreen')
  await navigation.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  expect(scripts).toContain('SettingsScreen')
})

test('the cases queue shows every column without scrolling sideways, at either size', async ({
  page,
}) => {
  await page.goto(`${consoleApp.url}#/cases`)
  await signInAndWaitForSync(page, { username: 'supervisor', password: 'demo-supervisor' })
  const table = page.getByRole('grid', { name: 'Cases' })
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await expect(table).toBeVisible()
    await page.waitForTimeout(300) // the grid sizes its columns to the width it is given
    // The grid scrolls its rows in one region; it must not scroll sideways, nor reach past the
    // main region's right edge.
    const sideways = await table.evaluate((element) => {
      const region = element.querySelector('.MuiDataGrid-virtualScroller')!
      const main = element.closest('main')!.getBoundingClientRect()
      return Math.max(
        region.scrollWidth - region.clientWidth,
        element.getBoundingClientRect().right - main.right,
      )
    })
    expect(sideways, `the queue scrolls sideways at ${size.width} px`).toBeLessThanOrEqual(0)
    // Every order number shows whole, never cut by its column.
    const cut = await table.locator('[role="row"][data-id] a').evaluateAll(
      (links) =>
        links.filter((link) => {
          const cell = link.closest('[role="rowheader"], [role="gridcell"]')!
          return link.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5
        }).length,
    )
    expect(cut, `order numbers cut at ${size.width} px`).toBe(0)
    // Where the city has no column of its own, it is under the customer's name.
    const cityColumn = table.getByRole('columnheader', { name: 'City' })
    if (size.width < 1280) await expect(cityColumn).toBeHidden()
  }
})

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

test('the frame and the session speak Spanish when Settings choose it', async ({ page }) => {
  const shot = (name: string) =>
    page.screenshot({
      path: join(test.info().project.outputDir, 'screens', `es-${name}.png`),
    })
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  await chooseLanguage(page, 'es')
  try {
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    const nav = page.getByRole('navigation', { name: 'Principal' })
    for (const place of ['Buscar', 'Informe de sincronización', 'Ajustes']) {
      await expect(nav.getByRole('link', { name: place })).toBeVisible()
    }
    await nav.getByRole('link', { name: 'Ajustes' }).hover()
    await expect(page.getByRole('tooltip', { name: 'Ajustes' })).toBeVisible()
    await shot('frame-rail-1024')

    await page.locator('header button[aria-haspopup="menu"]').click()
    await expect(page.getByRole('menuitem', { name: 'Cerrar sesión…' })).toBeVisible()
    await shot('user-menu-1024')
    await page.getByRole('menuitem', { name: 'Cerrar sesión…' }).click()
    const signOut = page.getByRole('dialog', { name: '¿Cerrar sesión en Porchlight?' })
    await signOut.getByRole('checkbox', { name: /Borrar también los datos locales/ }).check()
    await expect(signOut.getByRole('button', { name: 'Cerrar sesión y borrar' })).toBeVisible()
    await shot('sign-out-1024')
    await signOut.getByRole('button', { name: 'Seguir con la sesión iniciada' }).click()
    await expect(signOut).toBeHidden()

    await page.setViewportSize({ width: 1280, height: 800 })
    await expect(nav).toHaveAttribute('data-width', 'full')
    await expect(nav.getByText('Informe de sincronización')).toBeVisible()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('?')
    const shortcuts = page.getByRole('dialog', { name: 'Atajos de teclado' })
    await expect(shortcuts).toContainText('Buscar entregas')
    await expect(shortcuts).toContainText('Ctrl+Intro')
    await shot('shortcuts-1280')
    await shortcuts.getByRole('button', { name: 'Cerrar' }).click()
    await shot('frame-full-1280')

    // Signed out, the sign-in screen too, and a refusal in the catalogue's words.
    await page.locator('header button[aria-haspopup="menu"]').click()
    await page.getByRole('menuitem', { name: 'Cerrar sesión…' }).click()
    await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click()
    const form = page.getByRole('form', { name: 'Iniciar sesión' })
    await form.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(form.getByText('Escriba su nombre de usuario')).toBeVisible()
    await form.getByLabel('Nombre de usuario').fill('agent')
    await form.getByLabel(/^Contraseña/).fill('not-the-password')
    await form.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(form.getByRole('alert')).toHaveText(
      'El nombre de usuario o la contraseña no son correctos.',
    )
    await shot('sign-in-refused-1280')
    await page.setViewportSize({ width: 1024, height: 768 })
    await shot('sign-in-refused-1024')
    await form.getByLabel(/^Contraseña/).fill('demo-agent')
    await form.getByRole('button', { name: 'Iniciar sesión' }).click()
    await expect(nav).toBeVisible()
  } finally {
    await chooseLanguage(page, 'en')
  }
})
