// The cases area in the pseudo-locale (see tour.ts): the queue with its filters, find box, sorts
// and empty result; a case with notes of both kinds and a ticket; the note box's canned notes (the
// button and "/"); the ticket, resolve and reopen dialogs; assigning; a conflict with a change made
// on the service underneath; the supervisors' canned notes; and the open-case dialog of a delivery.
import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import type { CaseRecord, DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import type { DemoService } from '../../../electron/core/demo-service/index.ts'
import { pseudo, type Tour } from './tour.ts'

/** Another agent of the demo service, who changes a case underneath this console. */
const COLLEAGUE = 'u_alex_rivera'

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The cases still being worked, on the service. */
function activeCases(service: DemoService): CaseRecord[] {
  return service.world
    .cases()
    .filter((c): c is CaseRecord => c.deleted !== true && c.status !== 'resolved')
}

const WORKING = ['open', 'investigating', 'awaiting_customer'] as const
const WORKING_WORDS = {
  open: 'Open',
  investigating: 'Investigating',
  awaiting_customer: 'Awaiting customer',
}

/** The queue's rows in view. */
const rows = (page: Page) => page.locator('main .MuiDataGrid-row')

/** When the console last finished a sync, as its API says (the page keeps the bridge token). */
async function lastSynced(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const response = await fetch('/api/getSyncStatus', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Porchlight-Token': sessionStorage.getItem('porchlight.bridgeToken') ?? '',
      },
      body: '{}',
    })
    const answer = (await response.json()) as { value?: { lastSuccessAt: string | null } }
    return answer.value?.lastSuccessAt ?? null
  })
}

/** Opens the select named `label` (a pseudo string) and waits for its options. */
async function openSelect(page: Page, label: string) {
  await page.getByRole('combobox', { name: label }).click()
  await expect(page.getByRole('listbox')).toBeVisible()
}

export const casesTour: Tour = {
  name: 'cases',
  run: async ({ page, service, open, check }) => {
    // About thirty states, a case worked from note to reopening, and a conflict: more than a
    // test's usual two minutes on a busy machine.
    test.slow()
    const [worked, disputed] = activeCases(service)
    if (!worked || !disputed) throw new Error('the demo world has too few cases being worked')

    // The queue -------------------------------------------------------------------------------
    await open('#/cases')
    await expect(rows(page).first()).toBeVisible()
    await check('the queue')

    // Filters: a status chip, the assignee, a reason and an age, then their chips.
    await page.getByRole('button', { name: pseudo('Resolved'), exact: true }).click()
    await page.getByRole('button', { name: pseudo('Me'), exact: true }).click()
    await openSelect(page, pseudo('Reason'))
    await check('the reason menu')
    await page.getByRole('option', { name: pseudo('Not received') }).click()
    await openSelect(page, pseudo('Opened'))
    await check('the age menu')
    await page.getByRole('option').nth(1).click()
    await expect(page.getByRole('group', { name: pseudo('Showing only') })).toBeVisible()
    await check('filters applied, as chips')
    await page
      .getByRole('group', { name: pseudo('Showing only') })
      .getByRole('button', { name: pseudo('Clear filters') })
      .click()

    // Every status: the chips say so.
    for (const status of ['Open', 'Investigating', 'Awaiting customer']) {
      await page.getByRole('button', { name: pseudo(status), exact: true }).click()
    }
    await expect(page.getByText(pseudo('(every status)'))).toBeVisible()
    await check('every status')
    await page.getByRole('button', { name: pseudo('Clear filters') }).click()

    // The find box, with words that find a case.
    const find = page.getByRole('searchbox', { name: pseudo('Find in order, customer or notes') })
    await find.fill(worked.orderId.slice(-7))
    await expect(rows(page)).toHaveCount(1)
    await check('the find box used')

    // Words that find nothing: the empty result.
    await find.fill('zzqxv')
    await expect(
      page.getByRole('heading', { name: pseudo('No cases match these filters') }),
    ).toBeVisible()
    await check('no case matches')
    await page
      .getByRole('button', { name: pseudo('Clear filters') })
      .last()
      .click()
    await expect(rows(page).first()).toBeVisible()

    // Sorting: from the headers (status, then the age's second line) and from the sort menu.
    await page.getByRole('columnheader', { name: pseudo('Status') }).click()
    await page
      .getByRole('button', { name: pseudo('Sort by first action due, soonest first') })
      .click()
    await expect(
      page.getByRole('button', {
        name: pseudo('First action due, soonest first: sort latest first'),
      }),
    ).toBeVisible()
    await check('sorted by first action due')
    await openSelect(page, pseudo('Sort'))
    await check('the sort menu')
    await page.getByRole('option').first().click()

    // The supervisors' canned notes: the list, a new one, an edit, and a delete to confirm.
    await page.getByRole('button', { name: pseudo('Canned notes') }).click()
    const canned = page.getByRole('dialog', { name: pseudo('Canned notes') })
    await expect(canned.getByRole('listitem').first()).toBeVisible()
    await check('the canned notes')
    await canned.getByRole('button', { name: pseudo('New canned note') }).click()
    await canned.getByRole('textbox', { name: pseudo('Title') }).fill('Tour note')
    await canned.getByRole('textbox', { name: pseudo('Note') }).fill('Order ')
    await canned
      .getByRole('button', {
        name: pseudo('Insert {{placeholder}}').replace('{{placeholder}}', '{orderId}'),
      })
      .click()
    await check('a new canned note, with its preview')
    await canned.getByRole('button', { name: pseudo('Save') }).click()
    const saved = canned.getByRole('listitem').filter({ hasText: 'Tour note' })
    await saved.getByRole('button').first().click()
    await check('editing a canned note')
    await canned.getByRole('button', { name: pseudo('Cancel') }).click()
    await saved.getByRole('button').last().click()
    await expect(saved.getByRole('button', { name: pseudo('Keep') })).toBeVisible()
    await check('deleting a canned note, asked once more')
    await saved.getByRole('button', { name: pseudo('Delete'), exact: true }).click()
    await expect(saved).toHaveCount(0)
    await canned.getByRole('button', { name: pseudo('Close') }).click()

    // A case --------------------------------------------------------------------------------
    await open(`#/case/${worked.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(worked.orderId)
    await check('a case')

    // The note box: its canned-note menu, from the button and from "/".
    const note = page.getByRole('textbox', { name: pseudo('Note') })
    await page.getByRole('button', { name: pseudo('Canned note'), exact: true }).click()
    const menu = page.getByRole('menu', { name: pseudo('Canned notes') })
    await expect(menu.getByRole('menuitem').first()).toBeVisible()
    await check('the canned-note menu')
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await note.focus()
    await page.keyboard.press('/')
    await expect(menu).toBeVisible()
    await check('the canned-note menu from /')
    await menu
      .getByRole('menuitem')
      // One of the demo's canned replies to the customer (seeded in the language the core spoke
      // at the first start: here the pseudo-locale).
      .filter({ hasText: pseudo('Customer reply') })
      .first()
      .click()
    await expect(page.getByRole('button', { name: pseudo('Add reply') })).toBeEnabled()
    await check('a reply to the customer, written')
    await page.getByRole('button', { name: pseudo('Add reply') }).click()
    await expect(page.getByRole('button', { name: pseudo('Copy reply') })).toBeVisible()
    await note.fill('Checked the photo against the street view: it is the right porch.')
    await page
      .getByRole('button', { name: pseudo('Add note'), exact: true })
      .last()
      .click()
    await expect(note).toHaveValue('')

    // The help-desk ticket: its dialog, then the ticket on the case and on its timeline.
    await page
      .getByRole('button', { name: pseudo('Add a help-desk ticket') })
      .or(page.getByRole('button', { name: pseudo('Change the help-desk ticket') }))
      .click()
    const ticketDialog = page.getByRole('dialog')
    await expect(ticketDialog).toBeVisible()
    await check('the ticket dialog')
    await ticketDialog.getByRole('textbox').fill('4521')
    await ticketDialog.getByRole('button', { name: pseudo('Save ticket') }).click()
    await expect(ticketDialog).toBeHidden()
    await expect(page.getByRole('list', { name: pseudo('Timeline') })).toContainText('4521')
    await check('a case with notes of both kinds and a ticket')

    // The working status's menu.
    await openSelect(page, pseudo('Status'))
    await check('the status menu')
    await page.keyboard.press('Escape')

    // Unassign, then assign to me again.
    await page.getByRole('button', { name: pseudo('Unassign') }).click()
    await expect(page.getByRole('button', { name: pseudo('Assign to me') })).toBeVisible()
    await check('an unassigned case')
    await page.getByRole('button', { name: pseudo('Assign to me') }).click()
    await expect(page.getByRole('button', { name: pseudo('Unassign') })).toBeVisible()

    // Resolving: the dialog, its canned notes, the choice it asks for, then the resolution.
    await page.getByRole('button', { name: pseudo('Resolve…') }).click()
    const resolve = page.getByRole('dialog')
    await expect(resolve.getByRole('radio').first()).toBeVisible()
    await check('the resolve dialog')
    await resolve.getByRole('button', { name: pseudo('Resolve case') }).click()
    await expect(resolve.getByText(pseudo('Choose how the case was resolved.'))).toBeVisible()
    await check('the resolve dialog, asking how')
    await openSelect(page, pseudo('Canned note'))
    await check('the resolve dialog’s canned notes')
    await page.getByRole('option').nth(1).click()
    await resolve.getByRole('radio', { name: pseudo('Refund issued') }).check()
    await resolve.getByRole('button', { name: pseudo('Resolve case') }).click()
    await expect(resolve).toBeHidden()
    await expect(
      page.getByRole('heading', {
        name: pseudo('Resolution: {{resolution}}').replace(
          '{{resolution}}',
          pseudo('Refund issued'),
        ),
      }),
    ).toBeVisible()
    await check('a resolved case')

    // Reopening: the dialog, the reason it asks for, then the case open again.
    await page.getByRole('button', { name: pseudo('Reopen…') }).click()
    const reopen = page.getByRole('dialog')
    await expect(reopen.getByRole('textbox')).toBeVisible()
    await check('the reopen dialog')
    await reopen.getByRole('button', { name: pseudo('Reopen case') }).click()
    await expect(
      reopen.getByText(pseudo('Say why the case is reopened; the timeline keeps it.')),
    ).toBeVisible()
    await check('the reopen dialog, asking why')
    await reopen.getByRole('textbox').fill('The customer wrote again: the refund never arrived.')
    await reopen.getByRole('button', { name: pseudo('Reopen case') }).click()
    await expect(reopen).toBeHidden()
    await expect(page.getByRole('button', { name: pseudo('Resolve…') })).toBeVisible()
    await check('a reopened case')

    // A conflict: a colleague moves the other case on at the service; this console's change,
    // made on the version it still holds, is refused.
    const [theirStatus, myStatus] = WORKING.filter((status) => status !== disputed.status)
    const theirs = service.world.applyCaseEvent(
      disputed.id,
      {
        id: randomUUID(),
        type: 'status_changed',
        status: theirStatus!,
        baseVersion: disputed.version,
        occurredAt: iso(Date.now()),
      },
      COLLEAGUE,
    )
    expect(theirs.status).toBe(200)
    await open(`#/case/${disputed.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(disputed.orderId)
    await openSelect(page, pseudo('Status'))
    await page.getByRole('option', { name: pseudo(WORKING_WORDS[myStatus!]) }).click()
    const conflict = page.getByRole('region', {
      name: pseudo('Needs your decision: the case changed on the service'),
    })
    await expect(conflict).toBeVisible({ timeout: 15_000 })
    await check('a conflict to decide')
    await conflict.getByRole('button', { name: pseudo('Discard mine') }).click()
    await expect(conflict).toBeHidden()
    await check('a discarded change')

    // Opening a case from a delivery that has none.
    const withCase = new Set(
      service.world.cases().flatMap((c) => (c.deleted ? [] : [c.deliveryId])),
    )
    const free = (await service.world.deliveries()).find(
      (d): d is DeliveryRecord =>
        d.deleted !== true && d.status === 'delivered' && !withCase.has(d.id),
    )!
    await open(`#/delivery/${free.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(free.orderId)
    await page.keyboard.press('o')
    const opening = page.getByRole('dialog')
    await expect(opening.getByRole('radio').first()).toBeVisible()
    await check('the open-case dialog')
    await page.keyboard.press('Escape')
    await expect(opening).toBeHidden()

    // The tours after this one start from a console with nothing left to send: the photos viewed
    // here are recorded, and a sync sends the record.
    const before = await lastSynced(page)
    await page
      .locator('footer')
      .getByRole('button', { name: pseudo('Sync now') })
      .click()
    await expect.poll(() => lastSynced(page), { timeout: 60_000 }).not.toBe(before)
  },
}
