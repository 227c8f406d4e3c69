// The report calls through the real API (the dispatcher every host uses) of a real console synced
// from the demo delivery service: an agent is refused every one of them whatever it sends; a
// supervisor gets figures, runs exports in the background with progress, can cancel one, and
// every export is in the export log with who, what, which filters and how many rows.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, type CallName } from '../../../electron/core/api/definition.ts'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { reportCalls } from '../../../electron/core/api/report-schemas.ts'
import { notASupervisor } from '../../../electron/core/app/report-handlers.ts'
import {
  AGENT,
  SUPERVISOR,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from '../cases/desk-harness.ts'

const FILTERS = { from: '2025-04-01', to: '2025-06-01', timeZone: 'America/Los_Angeles' }
const REPORT_CALLS = Object.keys(reportCalls) as CallName[]
const quiet = { info: () => {}, warn: () => {}, error: () => {} }

let svc: DeskService
let agent: TestConsole
let supervisor: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 200, seed: 21 })
  agent = await signedInConsole(svc.front.url, dirs.make(), AGENT)
  supervisor = await signedInConsole(svc.front.url, dirs.make(), SUPERVISOR)
})
afterAll(async () => {
  await agent?.close()
  await supervisor?.close()
  await svc?.stop()
  dirs.removeAll()
})

const call = (desk: TestConsole, name: CallName, arg?: unknown) =>
  dispatchCall(desk.core, name, arg, quiet)

async function finished(desk: TestConsole, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const outcome = await call(desk, 'getReportExport', { jobId })
    const job = (outcome as { ok: true; value: { state: string } }).value
    if (job.state !== 'running') return job as Record<string, unknown>
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the export did not finish')
}

describe('the role check', () => {
  it('covers every report call', () => {
    expect(REPORT_CALLS.every((name) => CALL_NAMES.includes(name))).toBe(true)
    expect(REPORT_CALLS).toHaveLength(7)
  })

  it('refuses an agent every report and export call, in words', async () => {
    const jobId = '00000000-0000-4000-8000-000000000000'
    const args: Record<string, unknown> = {
      getReportFigures: FILTERS,
      startReportExport: { format: 'csv', filters: FILTERS },
      getReportExport: { jobId },
      cancelReportExport: { jobId },
      revealReportExport: { jobId },
    }
    for (const name of REPORT_CALLS) {
      expect(await call(agent, name, args[name]), name).toEqual({
        ok: false,
        error: { code: 'forbidden', message: notASupervisor() },
      })
    }
    // Nothing was written or recorded on the agent's console.
    expect(existsSync(join(agent.dataDir, 'exports'))).toBe(false)
    expect(agent.core.resolveExport(jobId)).toMatchObject({ ok: false, status: 403 })
  })

  it('checks the argument before anything else, for everyone', async () => {
    const outcome = await call(supervisor, 'getReportFigures', { ...FILTERS, to: '2025-01-01' })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect((outcome as { error: { message: string } }).error.message).toContain(
      'The period ends before it starts',
    )
  })
})

describe('a supervisor', () => {
  it('gets the figures of the synced cases', async () => {
    const outcome = await call(supervisor, 'getReportFigures', FILTERS)
    expect(outcome.ok).toBe(true)
    const figures = (outcome as { value: { opened: number; openNow: number } }).value
    const cases = svc.service.world.cases().filter((c) => c.deleted !== true)
    const inPeriod = cases.filter(
      (c) =>
        'openedAt' in c &&
        Date.parse(c.openedAt) >= Date.parse('2025-04-01T07:00:00Z') &&
        Date.parse(c.openedAt) < Date.parse('2025-06-02T07:00:00Z'),
    )
    expect(figures.opened).toBe(inPeriod.length)
    expect(figures.openNow).toBe(
      cases.filter((c) => 'status' in c && c.status !== 'resolved').length,
    )
    const options = await call(supervisor, 'getReportOptions')
    expect(options).toMatchObject({ ok: true, value: { areas: expect.any(Array) } })
  })

  it('exports in the background with progress, and the export is recorded', async () => {
    const started = await call(supervisor, 'startReportExport', {
      format: 'xlsx',
      filters: FILTERS,
    })
    expect(started).toMatchObject({
      ok: true,
      value: {
        state: 'running',
        format: 'xlsx',
        fileName: 'porchlight-cases-2025-04-01-to-2025-06-01.xlsx',
        downloadable: true,
      },
    })
    const jobId = (started as { value: { id: string } }).value.id
    const job = await finished(supervisor, jobId)
    expect(job).toMatchObject({ state: 'done', step: 'Done', error: null })
    expect(job.done).toBe(job.total)
    const file = supervisor.core.resolveExport(jobId)
    expect(file).toMatchObject({ ok: true, name: 'porchlight-cases-2025-04-01-to-2025-06-01.xlsx' })
    const path = (file as { path: string }).path
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK')
    // Readable by its owner alone, like the CSV and the PDF.
    expect(statSync(path).mode & 0o777).toBe(0o600)
    // Only the finished file is in the folder: no temporary name left over.
    expect(readdirSync(join(supervisor.dataDir, 'exports'))).toEqual([
      'porchlight-cases-2025-04-01-to-2025-06-01.xlsx',
    ])

    const log = await call(supervisor, 'listReportExports')
    expect(log).toMatchObject({
      ok: true,
      value: [
        {
          userId: SUPERVISOR.id,
          userName: 'Sam Okafor',
          format: 'xlsx',
          outcome: 'done',
          rows: job.done,
          fileName: 'porchlight-cases-2025-04-01-to-2025-06-01.xlsx',
          via: 'app',
        },
      ],
    })
    const filters = JSON.parse((log as { value: Array<{ filters: string }> }).value[0]!.filters)
    expect(filters).toMatchObject(FILTERS)

    // A second export of the same period is not written over the first.
    const again = await call(supervisor, 'startReportExport', { format: 'xlsx', filters: FILTERS })
    expect((again as { value: { fileName: string } }).value.fileName).toBe(
      'porchlight-cases-2025-04-01-to-2025-06-01 (2).xlsx',
    )
    await finished(supervisor, (again as { value: { id: string } }).value.id)
  })

  it('can cancel an export: no file, and the log says so', async () => {
    const started = await call(supervisor, 'startReportExport', { format: 'pdf', filters: FILTERS })
    const jobId = (started as { value: { id: string } }).value.id
    const cancelled = await call(supervisor, 'cancelReportExport', { jobId })
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled' } })
    expect(supervisor.core.resolveExport(jobId)).toMatchObject({ ok: false, status: 404 })
    const names = readdirSync(join(supervisor.dataDir, 'exports'))
    expect(names.filter((n) => n.endsWith('.pdf') || n.endsWith('.part'))).toEqual([])
    const db = new BetterSqlite3(join(supervisor.dataDir, 'porchlight.sqlite'), { readonly: true })
    try {
      const rows = db.prepare('SELECT format, outcome, user_id FROM export_log ORDER BY seq').all()
      expect(rows.at(-1)).toEqual({ format: 'pdf', outcome: 'cancelled', user_id: SUPERVISOR.id })
      // Each export is in the hash-chained audit log too, with who did it and how it ended.
      const chained = db
        .prepare(
          "SELECT actor_id, json_extract(payload_json, '$.format') AS format, json_extract(payload_json, '$.outcome') AS outcome FROM audit_log WHERE kind = 'export' ORDER BY seq",
        )
        .all()
      expect(chained).toHaveLength(rows.length)
      expect(chained.at(-1)).toEqual({
        actor_id: SUPERVISOR.id,
        format: 'pdf',
        outcome: 'cancelled',
      })
    } finally {
      db.close()
    }
  })

  it("cannot read another user's export", async () => {
    const started = await call(supervisor, 'startReportExport', { format: 'csv', filters: FILTERS })
    const jobId = (started as { value: { id: string } }).value.id
    await finished(supervisor, jobId)
    // The agent's console has no such job, and would not hand it out anyway.
    expect(await call(agent, 'getReportExport', { jobId })).toMatchObject({ ok: false })
  })
})
