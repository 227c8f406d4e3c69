// The search area in the pseudo-locale (see tour.ts): the screen before a search; results for a
// customer's name and for an order id; no match, with and without the filters; the two filters on
// their own (away from the address, reused photo) and their flags' tooltips; the cases a ticket
// finds, a ticket's address no case carries, a web address that is not a ticket (with and without
// the help desk's ticket address in Settings), and a porchlight:// link that cannot be opened.
import { expect, type Page } from '@playwright/test'
import type { CaseRecord, DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { pseudo, type Tour } from './tour.ts'

/** One call of the page's own API (the bridge, with its token), as the screens make it. */
async function call(page: Page, name: string, arg: unknown): Promise<void> {
  const answer = await page.evaluate(
    async ({ name, arg }) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Porchlight-Token': window.sessionStorage.getItem('porchlight.bridgeToken') ?? '',
        },
        body: JSON.stringify({ arg }),
      })
      return (await response.json()) as { ok: boolean }
    },
    { name, arg },
  )
  expect(answer.ok, `${name} answered`).toBe(true)
}

const TEMPLATE = 'https://help.example.com/agent/tickets/{ticket}'

export const searchTour: Tour = {
  name: 'search',
  run: async ({ page, service, open, check }) => {
    const deliveries = (await service.world.deliveries()).filter(
      (d): d is DeliveryRecord => d.deleted !== true,
    )
    await open('#/')
    const box = page.locator('main input[type=search]')
    const rows = page.locator('main table tbody tr')
    // What the screen says when nothing matches (the only heading under the box then).
    const nothing = page.locator('main h2')
    await expect(box).toBeVisible()
    await expect(page.getByRole('heading', { name: pseudo('Find a delivery') })).toBeVisible()
    await check('before a search')

    // A customer's family name: several rows, some with a case or a withheld photo.
    const family = deliveries[0]!.customer.name.split(' ').at(-1)!
    await box.fill(family)
    await expect(rows.first()).toBeVisible()
    await check(`results for a name (${family})`)

    const order = deliveries.find((d) => d.photoWithheld !== null) ?? deliveries[1]!
    await box.fill(order.orderId)
    await expect(rows).toHaveCount(1)
    await check('results for an order id')
    const withheld = page.locator('main .result-flag.photo-withheld').first()
    if (await withheld.isVisible()) {
      await withheld.hover()
      await expect(page.getByRole('tooltip')).toBeVisible()
      await check('the withheld photo’s tooltip')
      await page.mouse.move(0, 0)
    }

    await box.fill('zzqx no such delivery')
    await expect(nothing).toContainText('zzqx no such delivery')
    await check('no match')

    await box.fill('')
    const away = page.getByRole('checkbox', {
      name: pseudo('Only delivered away from the address'),
    })
    const reused = page.getByRole('checkbox', { name: pseudo('Only with a reused photo') })
    await away.check()
    await expect(rows.first()).toBeVisible()
    await check('the away-from-the-address filter')
    await page.locator('main .result-flag.away').first().hover()
    await expect(page.getByRole('tooltip')).toBeVisible()
    await check('the away flag’s tooltip')
    await page.mouse.move(0, 0)

    await away.uncheck()
    await reused.check()
    await expect(rows.first().or(nothing)).toBeVisible()
    await check('the reused-photo filter')

    await away.check()
    await box.fill('zzqx')
    await expect(nothing).toContainText('zzqx')
    await check('no match with both filters')
    await away.uncheck()
    await reused.uncheck()

    await box.fill('https://help.example.com/tickets/123')
    await expect(page.locator('main .MuiAlert-root')).toBeVisible()
    await check('a web address, with no ticket address in Settings')

    // Two cases carrying one ticket, found by its number and by its address.
    const cases = service.world
      .cases()
      .filter((c): c is CaseRecord => c.deleted !== true)
      .slice(0, 2)
    for (const c of cases) await call(page, 'setCaseTicket', { caseId: c.id, ticket: 'PL-7731' })
    await call(page, 'updateSettings', { ticketUrlTemplate: TEMPLATE })
    try {
      await box.fill('')
      await page.reload()
      await box.fill('PL-7731')
      const found = page.locator('main section[aria-labelledby=ticket-cases-heading] li')
      await expect(found).toHaveCount(cases.length)
      await check('the cases a ticket number finds')
      await box.fill('https://help.example.com/agent/tickets/PL-0000')
      await expect(page.locator('main .MuiAlert-root')).toBeVisible()
      await check('a ticket address no case carries')
      await box.fill('https://elsewhere.example.com/x')
      await expect(page.locator('main .MuiAlert-root')).toBeVisible()
      await check('a web address that is not a ticket of the help desk')
    } finally {
      await call(page, 'updateSettings', { ticketUrlTemplate: null })
      for (const c of cases) await call(page, 'setCaseTicket', { caseId: c.id, ticket: null })
    }

    await box.fill('porchlight://nothing/here')
    await expect(page.locator('main .MuiAlert-root')).toBeVisible()
    await check('a porchlight link that cannot be opened')
    await box.fill('')
  },
}
