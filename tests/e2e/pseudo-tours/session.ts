// The session area in the pseudo-locale (see tour.ts), last of the tours: the sign-out dialog (and
// with the local data to be erased), then the sign-in screen empty, with a field left empty, with
// a wrong password, with the delivery service out of reach and with browser mode's bridge gone;
// then it signs in again, so that whatever runs after finds the console as it was.
import { expect, type Page } from '@playwright/test'
import { pseudo, type Tour } from './tour.ts'

/** The page's sign-in call answered by a refusal, or never reaching Porchlight, until `unroute`. */
async function signInFails(
  page: Page,
  how: { code: string; message: string } | 'unreachable',
): Promise<() => Promise<void>> {
  const pattern = '**/api/signIn'
  await page.route(pattern, (route) =>
    how === 'unreachable'
      ? route.abort('connectionrefused')
      : route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: how }),
        }),
  )
  return () => page.unroute(pattern)
}

export const sessionTour: Tour = {
  name: 'session',
  run: async ({ page, open, check }) => {
    await open('#/')
    const header = page.locator('header')
    await expect(header).toBeVisible()

    await header.locator('button[aria-haspopup="menu"]').click()
    await page.getByRole('menuitem', { name: pseudo('Sign out…') }).click()
    const dialog = page.getByRole('dialog', { name: pseudo('Sign out of Porchlight?') })
    await expect(dialog).toBeVisible()
    await check('the sign-out dialog')
    const erase = dialog.getByRole('checkbox', {
      name: pseudo('Also erase the local data from this computer'),
    })
    await erase.check()
    await expect(dialog.getByRole('button', { name: pseudo('Sign out and erase') })).toBeVisible()
    await check('the sign-out dialog, erasing the local data')
    await erase.uncheck()
    await dialog.getByRole('button', { name: pseudo('Sign out'), exact: true }).click()

    const form = page.getByRole('form', { name: pseudo('Sign in') })
    await expect(form).toBeVisible()
    await check('the sign-in screen')

    const submit = form.getByRole('button', { name: pseudo('Sign in'), exact: true })
    await submit.click()
    await expect(form.getByText(pseudo('Enter your user name'))).toBeVisible()
    await check('the sign-in screen, the user name left empty')

    await form.getByLabel(pseudo('User name')).fill('supervisor')
    await form.getByLabel(pseudo('Password')).fill('not-the-password')
    await submit.click()
    const problem = form.getByRole('alert')
    await expect(problem).toContainText(pseudo('The user name or password is not right.'))
    await check('the sign-in screen, a wrong password')

    // The delivery service out of reach: the core's refusal, said in the window's words.
    const offline = await signInFails(page, {
      code: 'offline',
      message: 'The delivery service cannot be reached, so you cannot sign in right now.',
    })
    await submit.click()
    await expect(problem).toContainText(
      pseudo(
        'The delivery service cannot be reached, so you cannot sign in right now. Check the network and try again.',
      ),
    )
    await check('the sign-in screen, the delivery service out of reach')
    await offline()

    // Browser mode's bridge gone (the porchlight command stopped).
    const gone = await signInFails(page, 'unreachable')
    await submit.click()
    await expect(problem).toContainText(
      pseudo(
        'Porchlight is not reachable. Check that the porchlight command is still running, then try again.',
      ),
    )
    await check('the sign-in screen, Porchlight out of reach')
    await gone()

    await form.getByLabel(pseudo('Password')).fill('demo-supervisor')
    await submit.click()
    await expect(header).toBeVisible()
    await expect(page.getByRole('navigation', { name: pseudo('Main') })).toBeVisible()
  },
}
