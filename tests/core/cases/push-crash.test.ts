// Kills a console that is pushing many queued case events (SIGKILL, no chance to clean up) at
// seeded random moments, several times, against a slow service: each answer is held back after
// the service applied the event, so kills land between "applied" and "recorded as sent". After
// every kill the push resumes where it was; in the end every event was applied exactly once, in
// order, and every local event is 'sent' with the version it produced. Nothing is lost.
//
// Replay a failure with PORCHLIGHT_PUSH_CRASH_SEED=<the seed printed below>.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseWork } from '../../../electron/core/cases/case-work.ts'
import { createEvidenceReader } from '../../../electron/core/cases/evidence-snapshot.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { CASE_EVENTS_PATH } from '../../support/case-event-server.ts'
import { prng } from '../../support/records.ts'
import {
  AGENT,
  appliedOn,
  localEvents,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type LocalEvent,
} from './desk-harness.ts'

const CHILD = new URL('./push-crash-child.ts', import.meta.url).pathname
const KILLS = 6
const CASES = 9
/** Each case: opened, assigned (to its opener), note, status, assigned, note, status, resolved. */
const EVENTS_PER_CASE = 8
/** How long the service holds each answer after applying the event. */
const ANSWER_DELAY_MS = 25

const seed = process.env.PORCHLIGHT_PUSH_CRASH_SEED
  ? Number(process.env.PORCHLIGHT_PUSH_CRASH_SEED)
  : Math.floor(Math.random() * 2 ** 31)

let svc: DeskService
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 66 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

interface ChildOutcome {
  completed: boolean
  /** From "pushing" to the end. */
  ms: number
}

/** Runs the child; kills it `killAfterMs` after it starts pushing, unless it finishes first. */
function runChild(
  dataDir: string,
  url: string,
  token: string,
  killAfterMs: number | null,
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORCHLIGHT_TEST_TOKEN: token },
    })
    let stdout = ''
    let stderr = ''
    let started = 0
    let timer: NodeJS.Timeout | null = null
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      if (started === 0 && stdout.includes('pushing\n')) {
        started = performance.now()
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      const ms = started ? performance.now() - started : 0
      if (signal === 'SIGKILL') return resolve({ completed: false, ms })
      if (code === 0 && stdout.includes('"pushed"')) return resolve({ completed: true, ms })
      reject(new Error(`push crash child exited with ${code ?? signal}: ${stderr}`))
    })
  })
}

/** Opens the cache as the kill left it and checks it is whole. */
function checkIntegrity(dataDir: string): void {
  const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'))
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    sqlite.close()
  }
}

describe('a push killed at random moments', () => {
  it(
    'resumes after every kill, and every event is applied exactly once, in order',
    { timeout: 60_000 },
    async () => {
      console.log(`push crash seed: ${seed} (replay with PORCHLIGHT_PUSH_CRASH_SEED=${seed})`)
      const random = prng(seed)
      const { front, service } = svc
      const dataDir = dirs.make()

      // Sign in and fetch the deliveries once, as the app would have before going offline.
      const desk = await signedInConsole(front.url, dataDir)
      const token = (await desk.tokens.load())!
      await desk.close()

      // The queue: made with the desk's own case work on the cache, without its handlers, so
      // that no push starts in this process: only the child pushes.
      const local = await openDatabase(dataDir)
      const work = createCaseWork({
        sqlite: local.sqlite,
        currentUser: () => ({ id: AGENT.id, name: 'Alex Rivera', role: 'agent' }),
      })
      const evidence = createEvidenceReader(local.sqlite)
      const deliveries = svc.deliveries()
      const caseIds: string[] = []
      for (let n = 0; n < CASES; n++) {
        const deliveryId = deliveries[n % deliveries.length]!.id
        const caseId = work.open(
          deliveryId,
          'not_received',
          `Case ${n}: nothing arrived.`,
          (at) => {
            return evidence(deliveryId, 150, at)!
          },
        )
        work.addNote(caseId, `Case ${n}: called the customer.`)
        work.changeStatus(caseId, 'investigating')
        work.assign(caseId, 'me')
        work.addNote(caseId, `Case ${n}: driver says front door.`)
        work.changeStatus(caseId, 'awaiting_customer')
        work.resolve(caseId, 'refund_issued', `Case ${n}: refunded.`)
        caseIds.push(caseId)
      }
      await local.close()
      const queued = localEvents(dataDir)
      expect(queued).toHaveLength(CASES * EVENTS_PER_CASE)

      // The service answers slowly, after applying: most of a push is spent waiting there.
      front.inject(
        { method: 'POST', path: CASE_EVENTS_PATH },
        { kind: 'delay', ms: ANSWER_DELAY_MS },
        Infinity,
      )
      const ours = new Set(caseIds)
      const appliedIds = () =>
        service.world
          .appliedCaseEvents()
          .filter((a) => ours.has(a.caseId))
          .map((a) => a.event.id)

      /** What must hold after any kill: nothing sent that was not applied, nothing out of order. */
      function checkAfterKill(mine: LocalEvent[]): { sent: number; inDoubt: number } {
        expect(mine.map((e) => e.id)).toEqual(queued.map((e) => e.id))
        expect(mine.filter((e) => e.state !== 'pending' && e.state !== 'sent')).toEqual([])
        const applied = appliedIds()
        expect(new Set(applied).size).toBe(applied.length)
        const appliedSet = new Set(applied)
        for (const caseId of caseIds) {
          const ofCase = mine.filter((e) => e.case_id === caseId)
          const onService = appliedOn(service, caseId).map((a) => a.event.id)
          // The service holds a prefix of the case's events, in order.
          expect(onService).toEqual(ofCase.slice(0, onService.length).map((e) => e.id))
          // Every event recorded as sent was applied.
          const sent = ofCase.filter((e) => e.state === 'sent').length
          expect(sent).toBeLessThanOrEqual(onService.length)
        }
        const inDoubt = mine.filter((e) => e.state === 'pending' && appliedSet.has(e.id)).length
        // One event is in flight at a time: at most one can be applied but not yet recorded.
        expect(inDoubt).toBeLessThanOrEqual(1)
        return { sent: mine.filter((e) => e.state === 'sent').length, inDoubt }
      }

      const timeline: string[] = []
      let inDoubtKills = 0
      for (let kill = 1; kill <= KILLS; kill++) {
        // A run sends an event about every 30 ms once warm: kills spread over the whole queue.
        const delay = Math.round(40 + random() * 500)
        const outcome = await runChild(dataDir, front.url, token, delay)
        checkIntegrity(dataDir)
        const { sent, inDoubt } = checkAfterKill(localEvents(dataDir))
        if (inDoubt > 0) inDoubtKills++
        timeline.push(
          `${kill}: ${outcome.completed ? 'finished' : 'killed'} ${Math.round(outcome.ms)} ms ` +
            `after it started pushing; ${sent}/${queued.length} sent, ` +
            `${appliedIds().length} applied${inDoubt ? ' (1 applied, not yet recorded)' : ''}`,
        )
      }
      const last = await runChild(dataDir, front.url, token, null)
      expect(last.completed).toBe(true)
      const posts = front.posts.filter((p) => ours.has(p.caseId))
      console.log(
        `${timeline.join('\n')}\nfinal run: ${Math.round(last.ms)} ms; ` +
          `${posts.length} posts for ${queued.length} events; ` +
          `${inDoubtKills} kills landed between "applied" and "recorded"`,
      )

      const mine = localEvents(dataDir)
      expect(mine.every((e) => e.state === 'sent')).toBe(true)
      // Every event applied exactly once, in the order it was made, producing what was recorded.
      const applied = service.world.appliedCaseEvents().filter((a) => ours.has(a.caseId))
      expect(applied).toHaveLength(queued.length)
      expect(new Set(applied.map((a) => a.event.id)).size).toBe(queued.length)
      for (const caseId of caseIds) {
        const ofCase = mine.filter((e) => e.case_id === caseId)
        const onService = appliedOn(service, caseId)
        expect(onService.map((a) => a.event.id)).toEqual(ofCase.map((e) => e.id))
        expect(ofCase.map((e) => e.produced_version)).toEqual(onService.map((a) => a.version))
        expect(onService.map((a) => a.event.baseVersion ?? null)).toEqual([
          null,
          1,
          2,
          3,
          4,
          5,
          6,
          7,
        ])
        expect(service.world.case(caseId)).toMatchObject({
          status: 'resolved',
          assigneeId: AGENT.id,
          version: EVENTS_PER_CASE,
        })
      }
      // No refusals: retries of applied events were answered as already applied, never 409.
      expect(posts.filter((p) => p.status !== 200)).toEqual([])
    },
  )
})
