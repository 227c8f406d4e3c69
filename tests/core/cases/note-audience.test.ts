// A note says who it is written for: the team (internal) or the customer (a reply the agent
// sends). Canned notes carry it, the note carries it to the service and back, and a cache from
// before knows its greeting notes for the customer replies they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { createCannedNotes } from '../../../electron/core/cases/canned-notes.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import {
  AGENT,
  AGENT_B,
  SUPERVISOR,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let alex: TestConsole
let jordan: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 43 })
  alex = await signedInConsole(svc.front.url, dirs.make(), AGENT)
  jordan = await signedInConsole(svc.front.url, dirs.make(), AGENT_B)
})
afterAll(async () => {
  await alex?.close()
  await jordan?.close()
  await svc?.stop()
  dirs.removeAll()
})

describe('who a note is written for', () => {
  it('travels with the note to the service and to another console', async () => {
    const deliveryId = svc.deliveries()[0]!.id
    const caseId = (await alex.h.openCase({ deliveryId, reason: 'not_received' })).id
    await alex.h.addCaseNote({ caseId, body: 'Checked the driver’s route.' })
    const replied = await alex.h.addCaseNote({
      caseId,
      body: 'Hello, we have sent a replacement.',
      audience: 'customer',
    })
    const notes = replied.timeline.filter((t) => t.kind === 'note')
    expect(notes.map((n) => [n.text, n.audience, n.send])).toEqual([
      ['Checked the driver’s route.', 'internal', expect.any(String)],
      ['Hello, we have sent a replacement.', 'customer', expect.any(String)],
    ])
    // Only notes say whom they are for.
    expect(replied.timeline.find((t) => t.kind === 'opened')!.audience).toBeNull()

    await alex.core.syncOnce()
    const onService = svc.service.world.case(caseId) as { notes: Array<{ audience?: string }> }
    expect(onService.notes.map((n) => n.audience)).toEqual([undefined, 'customer'])

    await jordan.core.syncOnce()
    const seen = (await jordan.h.getCase({ caseId }))!
    expect(seen.timeline.filter((t) => t.kind === 'note').map((n) => [n.audience, n.send])).toEqual(
      [
        ['internal', 'sent'],
        ['customer', 'sent'],
      ],
    )
  })

  it('is refused when it is neither', async () => {
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    const outcome = await dispatchCall(
      alex.core,
      'addCaseNote',
      { caseId: crypto.randomUUID(), body: 'x', audience: 'everyone' },
      log,
    )
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})

describe('canned notes', () => {
  it('come with the greeting replies for the customer and the rest internal', async () => {
    const notes = await alex.h.listCannedNotes(undefined)
    const byTitle = Object.fromEntries(notes.map((n) => [n.title, n.audience]))
    expect(byTitle).toMatchObject({
      'Refund issued': 'customer',
      'Replacement sent': 'customer',
      'Proof of delivery attached': 'customer',
      'Found by customer': 'internal',
      'Delivered to neighbour': 'internal',
    })
  })

  it('keep what a supervisor says they are for', async () => {
    const boss = await signedInConsole(svc.front.url, dirs.make(), SUPERVISOR)
    try {
      const saved = await boss.h.saveCannedNote({
        title: 'Asked the depot',
        body: 'Asked the depot for the scan of {orderId}.',
        audience: 'internal',
      })
      expect(saved.find((n) => n.title === 'Asked the depot')!.audience).toBe('internal')
      const id = saved.find((n) => n.title === 'Asked the depot')!.id
      const changed = await boss.h.saveCannedNote({
        id,
        title: 'Asked the depot',
        body: 'Hello {customerName}, we asked the depot.',
        audience: 'customer',
      })
      expect(changed.find((n) => n.id === id)!.audience).toBe('customer')
    } finally {
      await boss.close()
    }
  })

  it('seeded before notes had an audience are sorted by their greeting on upgrade', async () => {
    const dir = dirs.make()
    const old = await openDatabase(dir, {
      migrations: Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '012-note-audience'),
      ),
    })
    const insert = old.sqlite.prepare(
      `INSERT INTO canned_notes (id, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, NULL)`,
    )
    insert.run('a', 'Refund issued', 'Hello {customerName}, refunded.', '2026-01-01T00:00:00Z')
    insert.run('b', 'Found', 'The customer found {orderId}.', '2026-01-01T00:00:00Z')
    await old.close()

    const upgraded = await openDatabase(dir)
    try {
      const notes = createCannedNotes(upgraded.sqlite).list()
      expect(notes.map((n) => [n.id, n.audience])).toEqual([
        ['b', 'internal'],
        ['a', 'customer'],
      ])
    } finally {
      await upgraded.close()
    }
  })
})
