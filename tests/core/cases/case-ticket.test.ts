// A case carries the number of the help-desk ticket it is worked from: set when it is opened or
// later, sent to the service like any case change and seen by every console, refused when it is
// not a ticket number; the search box finds the case by the number or by the ticket's address in
// the help desk (Settings' ticket address, itself checked). A cache from before keeps its cases.
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import {
  sameTicket,
  ticketFromUrl,
  ticketUrl,
  ticketUrlTemplateProblem,
} from '../../../electron/core/api/ticket-url-template.ts'
import { createCaseStore } from '../../../electron/core/cases/store-cases.ts'
import { caseIdsWithTicket } from '../../../electron/core/cases/case-tables.ts'
import { parseCaseItem, type CaseRecord } from '../../../electron/core/contract/schemas.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import {
  AGENT,
  AGENT_B,
  localEvents,
  serviceCase,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

const ZENDESK = 'https://example.zendesk.com/agent/tickets/{ticket}'
const log = { info: () => {}, warn: () => {}, error: () => {} }

let svc: DeskService
let alex: TestConsole
let jordan: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 47 })
  alex = await signedInConsole(svc.front.url, dirs.make(), AGENT)
  jordan = await signedInConsole(svc.front.url, dirs.make(), AGENT_B)
})
afterAll(async () => {
  await alex?.close()
  await jordan?.close()
  await svc?.stop()
  dirs.removeAll()
})

describe("a case's ticket", () => {
  it('travels to the service and to another console, and is changed and cleared there', async () => {
    const deliveryId = svc.deliveries()[0]!.id
    const opened = await alex.h.openCase({ deliveryId, reason: 'not_received', ticket: ' #4521 ' })
    expect(opened.ticket).toBe('#4521')
    expect(opened.assigneeId).toBe(AGENT.id)
    const caseId = opened.id
    const ticketEntry = opened.timeline.find((t) => t.kind === 'ticket')!
    expect([ticketEntry.text, ticketEntry.send]).toEqual(['Ticket set to #4521', 'pending'])
    expect(localEvents(alex.dataDir, caseId).map((e) => e.type)).toEqual([
      'opened',
      'assigned',
      'ticket_set',
    ])

    await alex.core.syncOnce()
    expect(serviceCase(svc.service, caseId).ticket).toBe('#4521')
    await jordan.core.syncOnce()
    expect((await jordan.h.getCase({ caseId }))!.ticket).toBe('#4521')

    // Jordan changes it on a stale version: a ticket commutes, so the service takes it anyway.
    const changed = await jordan.h.setCaseTicket({ caseId, ticket: 'SF-00012345' })
    expect(changed.ticket).toBe('SF-00012345')
    await alex.h.addCaseNote({ caseId, body: 'Asked the depot.' })
    await alex.core.syncOnce()
    await jordan.core.syncOnce()
    await alex.core.syncOnce()
    expect(serviceCase(svc.service, caseId).ticket).toBe('SF-00012345')
    expect(localEvents(jordan.dataDir, caseId).map((e) => [e.type, e.state])).toEqual([
      ['ticket_set', 'sent'],
    ])
    const seen = (await alex.h.getCase({ caseId }))!
    expect(seen.ticket).toBe('SF-00012345')
    expect(seen.conflict).toBeNull()

    const cleared = await alex.h.setCaseTicket({ caseId, ticket: null })
    expect(cleared.ticket).toBeNull()
    expect(cleared.timeline.at(-1)!.text).toBe('Ticket cleared')
    await alex.core.syncOnce()
    expect(serviceCase(svc.service, caseId).ticket).toBeNull()
  })

  it('set on an unassigned case makes the case the setter’s, like a note', async () => {
    const deliveryId = svc.deliveries()[1]!.id
    const { id: caseId } = await alex.h.openCase({ deliveryId, reason: 'damaged' })
    await alex.h.assignCase({ caseId, to: 'nobody' })
    await alex.core.syncOnce()
    await jordan.core.syncOnce()
    const taken = await jordan.h.setCaseTicket({ caseId, ticket: '7781' })
    expect([taken.ticket, taken.assigneeId]).toEqual(['7781', AGENT_B.id])
  })

  it('is refused, in words, when it is not a ticket number', async () => {
    const caseId = crypto.randomUUID()
    for (const ticket of ['', '45 21', 'x'.repeat(65), '4521\u0000', 'tickets/4521', '<b>']) {
      const outcome = await dispatchCall(alex.core, 'setCaseTicket', { caseId, ticket }, log)
      expect(outcome, JSON.stringify(ticket)).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-argument',
          message: expect.stringContaining('A ticket number is 1 to 64 letters, digits'),
        },
      })
    }
    const opening = await dispatchCall(
      alex.core,
      'openCase',
      { deliveryId: svc.deliveries()[2]!.id, reason: 'other', ticket: 'no spaces please' },
      log,
    )
    expect(opening).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('is refused record by record when the service sends a bad one', () => {
    const good = svc.service.world.cases().find((c) => c.deleted !== true)!
    expect(parseCaseItem({ ...good, ticket: 'T-1' }).success).toBe(true)
    expect(parseCaseItem({ ...good, ticket: null }).success).toBe(true)
    const bad = parseCaseItem({ ...good, ticket: 'T 1\n' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['ticket'])
  })
})

describe('finding a case by its ticket', () => {
  it('finds it by the number, in either form, and by its address in the help desk', async () => {
    const deliveryId = svc.deliveries()[3]!.id
    const { id: caseId } = await alex.h.openCase({ deliveryId, reason: 'other', ticket: 'ZD-9001' })
    const ids = async (text: string) => {
      const found = await alex.h.findCasesByTicket({ text })
      return { ...found, cases: found.cases.map((c) => c.id) }
    }
    // Not sent yet: found from the change made here.
    expect(await ids('ZD-9001')).toEqual({
      ticket: 'ZD-9001',
      fromTicketLink: false,
      cases: [caseId],
    })
    await alex.core.syncOnce()
    // Sent: found by the service's record, letter case and a leading # do not count.
    expect((await ids('zd-9001')).cases).toEqual([caseId])
    expect((await ids('#ZD-9001')).cases).toEqual([caseId])
    expect((await ids('ZD-900')).cases).toEqual([])
    expect(await ids('José Núñez')).toEqual({ ticket: null, fromTicketLink: false, cases: [] })

    const link = 'https://example.zendesk.com/agent/tickets/ZD-9001'
    // Without a ticket address in Settings, a link is not read as a ticket.
    expect((await ids(link)).fromTicketLink).toBe(false)
    await alex.h.updateSettings({ ticketUrlTemplate: ZENDESK })
    try {
      expect(await ids(link)).toEqual({ ticket: 'ZD-9001', fromTicketLink: true, cases: [caseId] })
      expect((await ids(`${link}/events?tab=2`)).cases).toEqual([caseId])
      expect((await ids('https://other.zendesk.com/agent/tickets/ZD-9001')).fromTicketLink).toBe(
        false,
      )
      // Jordan's console finds it once it has synced; a ticket it changes locally moves it.
      await jordan.core.syncOnce()
      await jordan.h.updateSettings({ ticketUrlTemplate: ZENDESK })
      expect((await jordan.h.findCasesByTicket({ text: link })).cases.map((c) => c.id)).toEqual([
        caseId,
      ])
      await jordan.h.setCaseTicket({ caseId, ticket: 'ZD-9002' })
      expect((await jordan.h.findCasesByTicket({ text: link })).cases).toEqual([])
      expect(
        (await jordan.h.findCasesByTicket({ text: 'ZD-9002' })).cases.map((c) => c.id),
      ).toEqual([caseId])
    } finally {
      await alex.h.updateSettings({ ticketUrlTemplate: null })
      await jordan.h.updateSettings({ ticketUrlTemplate: null })
    }
  })

  it('is one probe of the ticket index, never a scan of the cases', () => {
    const sqlite = new BetterSqlite3(join(alex.dataDir, 'porchlight.sqlite'), { readonly: true })
    try {
      const plan = sqlite
        .prepare(`EXPLAIN QUERY PLAN ${caseIdsWithTicket.sql}`)
        .all('4521', '#4521', 50) as Array<{ detail: string }>
      expect(plan.map((p) => p.detail)).toEqual([
        expect.stringMatching(/^SEARCH cases USING (COVERING )?INDEX cases_ticket \(ticket=\?\)$/),
      ])
    } finally {
      sqlite.close()
    }
  })
})

describe('the ticket address in Settings', () => {
  it('is kept when it is an http(s) address with {ticket} once, and cleared with null', async () => {
    expect(
      (await alex.h.updateSettings({ ticketUrlTemplate: `  ${ZENDESK} ` })).ticketUrlTemplate,
    ).toBe(ZENDESK)
    expect((await alex.h.getSettings(undefined)).ticketUrlTemplate).toBe(ZENDESK)
    expect((await alex.h.updateSettings({ ticketUrlTemplate: null })).ticketUrlTemplate).toBeNull()
  })

  it('is refused, in words, otherwise', async () => {
    const refusals: Array<[string, RegExp]> = [
      ['https://example.zendesk.com/agent/tickets/', /\{ticket\} exactly once/],
      ['https://x.example/{ticket}/{ticket}', /\{ticket\} exactly once/],
      ['https://x.example/{ticket}?u={user}', /placeholder Porchlight does not fill: \{user\}/],
      ['javascript:alert(1)//{ticket}', /must start with https:\/\//],
      ['file:///etc/{ticket}', /must start with https:\/\//],
      ['https://{ticket}.example.com/', /host, with \{ticket\} after it/],
      ['https://me:secret@x.example/{ticket}', /user name or password/],
      ['https://x.example/a b/{ticket}', /must not contain spaces/],
      ['tickets/{ticket}', /not a web address/],
    ]
    for (const [template, words] of refusals) {
      expect(ticketUrlTemplateProblem(template), template).toMatch(words)
      const outcome = await dispatchCall(
        alex.core,
        'updateSettings',
        { ticketUrlTemplate: template },
        log,
      )
      expect(outcome, template).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(words) },
      })
    }
    expect((await alex.h.getSettings(undefined)).ticketUrlTemplate).toBeNull()
  })

  it('makes a ticket’s address and reads one back', () => {
    const freshdesk = 'http://support.example.com/a/tickets/{ticket}?view=full'
    expect(ticketUrlTemplateProblem(freshdesk)).toBeNull()
    expect(ticketUrl(ZENDESK, '#4521')).toBe('https://example.zendesk.com/agent/tickets/%234521')
    expect(ticketFromUrl(ZENDESK, ticketUrl(ZENDESK, '#4521'))).toBe('#4521')
    expect(ticketFromUrl(freshdesk, ticketUrl(freshdesk, 'FD-12'))).toBe('FD-12')
    expect(ticketFromUrl(freshdesk, 'http://support.example.com/a/tickets/FD-12')).toBeNull()
    expect(ticketFromUrl(ZENDESK, 'HTTPS://EXAMPLE.zendesk.com/agent/tickets/77')).toBe('77')
    expect(ticketFromUrl(ZENDESK, 'https://example.zendesk.com/agent/tickets/')).toBeNull()
    expect(ticketFromUrl(ZENDESK, 'https://example.zendesk.com/agent/tickets/a%20b')).toBeNull()
    expect(ticketFromUrl(ZENDESK, 'https://example.zendesk.com/agent/tickets/%E0%A4%A')).toBeNull()
    expect(sameTicket('#SF-12', 'sf-12')).toBe(true)
    expect(sameTicket('SF-12', 'SF-120')).toBe(false)
  })
})

describe('a cache from before tickets', () => {
  it('keeps its cases on upgrade, without a ticket, and stores one sent later', async () => {
    const dir = dirs.make()
    const old = await openDatabase(dir, {
      migrations: Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '014-case-ticket'),
      ),
    })
    const record: CaseRecord = {
      id: crypto.randomUUID(),
      version: 3,
      updatedAt: '2026-01-02T00:00:00Z',
      deliveryId: 'dlv_1',
      orderId: '114-1',
      status: 'open',
      reason: 'not_received',
      openedAt: '2026-01-01T00:00:00Z',
      openedBy: AGENT.id,
      assigneeId: null,
      resolution: null,
      notes: [],
    }
    old.sqlite
      .prepare(
        `INSERT INTO cases (id, version, updated_at, delivery_id, order_id, status, reason,
           opened_at, opened_by, assignee_id, resolution_json, notes_json)
         VALUES (?, 3, ?, 'dlv_1', '114-1', 'open', 'not_received', ?, ?, NULL, NULL, '[]')`,
      )
      .run(record.id, record.updatedAt, record.openedAt, AGENT.id)
    await old.close()

    const upgraded = await openDatabase(dir)
    try {
      const row = () =>
        upgraded.sqlite.prepare('SELECT version, ticket FROM cases WHERE id = ?').get(record.id)
      expect(row()).toEqual({ version: 3, ticket: null })
      createCaseStore(upgraded.sqlite).applyItems([{ ...record, version: 4, ticket: 'T-9' }])
      expect(row()).toEqual({ version: 4, ticket: 'T-9' })
      expect(caseIdsWithTicket.on(upgraded.sqlite).all({ ticket: 't-9', other: '#t-9' })).toEqual([
        { id: record.id },
      ])
    } finally {
      await upgraded.close()
    }
  })
})
