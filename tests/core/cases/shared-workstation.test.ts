// One computer, two agents. Alex works offline and signs out without erasing; Jordan signs in.
// Alex's unsent work is Alex's: it goes out only under Alex's sign-in (never under Jordan's, not
// even from a push that was under way when Alex signed out), Jordan sees that it waits and whose
// it is but not what it says, Jordan's own work on the same case is sent at once, and erasing
// Alex's work is a supervisor's decision that names Alex and is kept in the audit log.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { createPhotoViewLog } from '../../../electron/core/audit/photo-views.ts'
import { readReportCases } from '../../../electron/core/reports/report-cases.ts'
import { CASE_EVENTS_PATH } from '../../support/case-event-server.ts'
import {
  AGENT,
  AGENT_B,
  SUPERVISOR,
  appliedOn,
  localEvents,
  serviceCase,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 16, seed: 41 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

const ALEX_NOTE = 'Alex: the neighbour at 12 has a parcel that may be this one.'
const ALEX_OPENING = 'Alex: customer says a different porch is in the photo.'

async function signInAs(desk: TestConsole, account: { username: string; password: string }) {
  await desk.h.signIn({ username: account.username, password: account.password })
  await desk.core.syncOnce()
}

/** Alex opens a case online, then works offline (a note, a status change, a new case) and leaves. */
async function alexWorksOfflineAndLeaves(desk: TestConsole) {
  const [first, second] = svc.deliveries()
  const shared = await desk.h.openCase({ deliveryId: first!.id, reason: 'not_received' })
  await desk.core.syncOnce()
  // Opened, and assigned to Alex, who opened it.
  expect(serviceCase(svc.service, shared.id).version).toBe(2)

  await svc.front.down()
  await desk.h.addCaseNote({ caseId: shared.id, body: ALEX_NOTE })
  await desk.h.changeCaseStatus({ caseId: shared.id, status: 'investigating' })
  const alone = await desk.h.openCase({
    deliveryId: second!.id,
    reason: 'wrong_location',
    note: ALEX_OPENING,
  })
  await desk.core.syncOnce().catch(() => undefined)
  await desk.h.signOut(undefined)
  await svc.front.up()
  return { shared: shared.id, alone: alone.id }
}

describe('a computer shared by two agents', () => {
  it("sends each agent's work under their own sign-in, and never holds the next agent's", async () => {
    const desk = await signedInConsole(svc.front.url, dirs.make(), AGENT)
    try {
      const { shared, alone } = await alexWorksOfflineAndLeaves(desk)

      await signInAs(desk, AGENT_B)
      // Nothing of Alex's went out under Jordan's sign-in.
      expect(appliedOn(svc.service, shared)).toHaveLength(2)
      expect(svc.service.world.case(alone)).toBeNull()

      // Jordan sees the case as the service has it, and that Alex's changes wait, not what they say.
      const seen = await desk.h.getCase({ caseId: shared })
      expect(seen).toMatchObject({
        status: 'open',
        pendingChanges: 0,
        waitingForOthers: [{ userId: AGENT.id, name: 'Alex Rivera', changes: 2 }],
      })
      expect(JSON.stringify(seen)).not.toContain('neighbour at 12')
      expect(seen!.timeline.map((e) => e.send)).toEqual(['sent', 'sent'])
      // The case Alex opened offline is not on the service: Jordan has nothing of it but the count.
      expect(await desk.h.getCase({ caseId: alone })).toBeNull()
      const queue = await desk.h.listCases({ sort: 'oldest', limit: 200 })
      expect(queue.map((c) => c.id)).not.toContain(alone)
      expect(JSON.stringify(queue)).not.toContain('different porch')
      const status = await desk.h.getSyncStatus(undefined)
      expect(status.pendingChanges).toBe(0)
      expect(status.waitingForOthers).toEqual([
        { userId: AGENT.id, name: 'Alex Rivera', changes: 4 },
      ])
      expect(await desk.h.getCaseCounts(undefined)).toMatchObject({
        pendingChanges: 0,
        conflicts: 0,
      })

      // Jordan's own note on the same case goes out at once, on the version the service holds;
      // the case is Alex's, and stays Alex's.
      await desk.h.addCaseNote({ caseId: shared, body: 'Jordan: customer called back.' })
      await desk.core.syncOnce()
      const afterJordan = appliedOn(svc.service, shared)
      expect(afterJordan.map((a) => [a.event.type, a.userId, a.event.baseVersion])).toEqual([
        ['opened', AGENT.id, null],
        ['assigned', AGENT.id, 1],
        ['note_added', AGENT_B.id, 2],
      ])
      const jordans = await desk.h.getCase({ caseId: shared })
      expect(jordans!.timeline.find((e) => e.text === 'Jordan: customer called back.')?.send).toBe(
        'sent',
      )
      expect(jordans!.pendingChanges).toBe(0)

      // Alex comes back: Alex's work goes out under Alex's sign-in, in Alex's order. The note
      // commutes with Jordan's; the status change was made on version 2, the service is at 3:
      // a conflict for Alex to settle, having seen the case as it now is.
      await desk.h.signOut(undefined)
      await signInAs(desk, AGENT)
      const applied = appliedOn(svc.service, shared)
      expect(applied.map((a) => [a.event.type, a.userId])).toEqual([
        ['opened', AGENT.id],
        ['assigned', AGENT.id],
        ['note_added', AGENT_B.id],
        ['note_added', AGENT.id],
      ])
      expect(serviceCase(svc.service, alone)).toMatchObject({ openedBy: AGENT.id })
      const alexView = await desk.h.getCase({ caseId: shared })
      expect(alexView!.conflict).not.toBeNull()
      expect(alexView!.waitingForOthers).toEqual([])
      const conflictId = alexView!.conflict!.eventId

      // While it waits on Alex's decision, Jordan cannot see or settle it.
      await desk.h.signOut(undefined)
      await signInAs(desk, AGENT_B)
      const jordanAgain = await desk.h.getCase({ caseId: shared })
      expect(jordanAgain).toMatchObject({
        conflict: null,
        waitingForOthers: [{ userId: AGENT.id, changes: 1 }],
      })
      await expect(
        desk.h.resolveConflict({ caseId: shared, eventId: conflictId, choice: 'discard' }),
      ).rejects.toThrow(/not waiting on a decision/)

      await desk.h.signOut(undefined)
      await signInAs(desk, AGENT)
      await desk.h.resolveConflict({ caseId: shared, eventId: conflictId, choice: 'apply-again' })
      await desk.core.syncOnce()
      expect(serviceCase(svc.service, shared)).toMatchObject({ status: 'investigating' })
      expect(localEvents(desk.dataDir).every((e) => e.state === 'sent')).toBe(true)
    } finally {
      await svc.front.up()
      await desk.close()
    }
  })

  it('stops a push under way when its agent signs out, before it uses the next sign-in', async () => {
    const desk = await signedInConsole(svc.front.url, dirs.make(), AGENT)
    try {
      const [first, second] = svc.deliveries().slice(2)
      const one = await desk.h.openCase({ deliveryId: first!.id, reason: 'damaged' })
      const two = await desk.h.openCase({ deliveryId: second!.id, reason: 'damaged' })
      await desk.core.syncOnce()
      await svc.front.down()
      await desk.h.addCaseNote({ caseId: one.id, body: 'Alex: first note.' })
      await desk.h.addCaseNote({ caseId: two.id, body: 'Alex: second note.' })
      await desk.core.syncOnce().catch(() => undefined)
      await svc.front.up()

      // A slow service: the sync sends Alex's first note, whose answer is held back while Alex
      // signs out and Jordan signs in; Alex's second note is still to go.
      svc.front.inject({ method: 'POST', path: CASE_EVENTS_PATH }, { kind: 'delay', ms: 1500 }, 1)
      const run = desk.core.syncOnce()
      const noteApplied = () =>
        appliedOn(svc.service, one.id).some((a) => a.event.type === 'note_added')
      while (!noteApplied()) await new Promise((resolve) => setTimeout(resolve, 20))
      await desk.h.signOut(undefined)
      await desk.h.signIn({ username: AGENT_B.username, password: AGENT_B.password })
      await run
      await desk.core.syncOnce()

      const notes = [...appliedOn(svc.service, one.id), ...appliedOn(svc.service, two.id)].filter(
        (a) => a.event.type === 'note_added',
      )
      // The note already at the service when Alex left stays Alex's; the other waits for Alex.
      expect(notes.map((a) => [a.event.note, a.userId])).toEqual([['Alex: first note.', AGENT.id]])
      expect((await desk.h.getSyncStatus(undefined)).waitingForOthers).toEqual([
        { userId: AGENT.id, name: 'Alex Rivera', changes: 1 },
      ])
    } finally {
      svc.front.clearFaults()
      await svc.front.up()
      await desk.close()
    }
  })
})

describe("a supervisor's reports on a shared computer", () => {
  it('count and export what the service holds, never what someone else has not sent', async () => {
    const desk = await signedInConsole(svc.front.url, dirs.make(), AGENT)
    try {
      const { shared, alone } = await alexWorksOfflineAndLeaves(desk)
      const casesAs = async (viewerId: string) => {
        const sqlite = new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite'), {
          readonly: true,
        })
        try {
          const all = []
          for await (const c of readReportCases(sqlite, { viewerId })) all.push(c)
          return all
        } finally {
          sqlite.close()
        }
      }
      // Alex, back at this computer, would see Alex's own unsent work in a report.
      const alexSees = await casesAs(AGENT.id)
      expect(alexSees.map((c) => c.id)).toContain(alone)
      expect(alexSees.find((c) => c.id === shared)).toMatchObject({
        status: 'investigating',
        unsentChanges: 2,
      })

      await signInAs(desk, SUPERVISOR)
      const samSees = await casesAs(SUPERVISOR.id)
      expect(samSees.map((c) => c.id)).not.toContain(alone)
      expect(samSees.find((c) => c.id === shared)).toMatchObject({
        status: 'open',
        unsentChanges: 0,
      })
      // Nor any of its words: the export's Notes column carries the notes themselves. (Earlier
      // tests here sent the same words on other cases, so only this test's cases are read.)
      const mine = samSees.filter((c) => c.id === shared || c.id === alone)
      expect(JSON.stringify(mine)).not.toMatch(/neighbour at 12|different porch/)
      expect(alexSees.find((c) => c.id === shared)!.notes.map((n) => n.body)).toContain(ALEX_NOTE)

      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
      const filters = { from: day(-2), to: day(1), timeZone: 'UTC', locationFlag: 'any' as const }
      const figures = await desk.h.getReportFigures(filters)
      expect(figures.opened).toBe(samSees.filter((c) => c.openedAt >= filters.from).length)

      const job = (await desk.h.startReportExport({ format: 'csv', filters }))!
      let state = job
      while (state.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 50))
        state = (await desk.h.getReportExport({ jobId: job.id }))!
      }
      expect(state.state).toBe('done')
      const file = desk.core.resolveExport(job.id) as { path: string }
      const csv = readFileSync(file.path, 'utf8')
      expect(csv).toContain((serviceCase(svc.service, shared) as { orderId: string }).orderId)
      const sharedRow = csv.split('\r\n').find((line) => line.startsWith(shared))
      expect(sharedRow).toBeDefined()
      expect(sharedRow).not.toMatch(/neighbour at 12|different porch/)
      expect(csv).not.toContain(alone)
    } finally {
      await svc.front.up()
      await desk.close()
    }
  })
})

describe("erasing someone else's unsent work", () => {
  it('is refused to an agent, and is a supervisor’s named, audited decision', async () => {
    const desk = await signedInConsole(svc.front.url, dirs.make(), AGENT)
    try {
      const delivery = svc.deliveries()[4]!
      // Alex looks at the delivery's photo: the view is recorded on this computer, with its
      // audit entry, and not reported yet.
      const cache = new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite'))
      try {
        createPhotoViewLog(cache).record({
          photoId: delivery.photos[0]!.id,
          deliveryId: delivery.id,
          caseId: null,
          userId: AGENT.id,
        })
      } finally {
        cache.close()
      }
      await svc.front.down()
      const opened = await desk.h.openCase({ deliveryId: delivery.id, reason: 'damaged' })
      await desk.core.syncOnce().catch(() => undefined)
      await desk.h.signOut(undefined)
      await svc.front.up()
      await signInAs(desk, AGENT_B)

      // Alex's case and the photo Alex looked at wait for Alex.
      expect(await desk.h.getUnsentWork(undefined)).toEqual({
        caseChanges: 0,
        photoViews: 0,
        others: [{ userId: AGENT.id, name: 'Alex Rivera', caseChanges: 2, photoViews: 1 }],
      })
      await expect(desk.h.signOutAndErase({ discardUnsent: true })).rejects.toThrow(
        /Alex Rivera's 3 unsent changes have not reached the delivery service\. Only a supervisor can erase/,
      )
      await expect(
        desk.h.signOutAndErase({ discardUnsent: true, discardUnsentOf: [AGENT.id] }),
      ).rejects.toThrow(/Only a supervisor/)
      expect(localEvents(desk.dataDir)).toHaveLength(2)
      expect((await desk.h.getSession(undefined)).user?.id).toBe(AGENT_B.id)

      await desk.h.signOut(undefined)
      await signInAs(desk, SUPERVISOR)
      // A supervisor must name whose work goes.
      await expect(desk.h.signOutAndErase({ discardUnsent: true })).rejects.toThrow(
        /Alex Rivera's 3 unsent changes have not reached the delivery service yet/,
      )
      expect(localEvents(desk.dataDir)).toHaveLength(2)
      await desk.h.signOutAndErase({ discardUnsent: false, discardUnsentOf: [AGENT.id] })
      expect(localEvents(desk.dataDir)).toHaveLength(0)

      const sqlite = new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite'), { readonly: true })
      try {
        expect(verifyAuditLog(sqlite)).toMatchObject({ ok: true })
        const entries = sqlite
          .prepare<[], { kind: string; actor_id: string; payload_json: string }>(
            'SELECT kind, actor_id, payload_json FROM audit_log ORDER BY seq',
          )
          .all()
          .map((e) => ({ ...e, payload: JSON.parse(e.payload_json) as unknown }))
        expect(entries.slice(-2)).toMatchObject([
          {
            kind: 'unsent-work-discarded',
            actor_id: SUPERVISOR.id,
            payload: {
              authorId: AGENT.id,
              caseChanges: 2,
              photoViews: 1,
              cases: { [opened.id]: 2 },
            },
          },
          { kind: 'local-data-erased', actor_id: SUPERVISOR.id, payload: { discardedUnsent: 3 } },
        ])
      } finally {
        sqlite.close()
      }
    } finally {
      await svc.front.up()
      await desk.close()
    }
  })
})
