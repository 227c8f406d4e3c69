// Kills the headless sync (`porchlight sync`, SIGKILL: no chance to clean up) at random moments,
// again and again, while deliveries, photos, case changes made offline and the photo-view audit
// are on their way. Between runs the service's data changes and the console does more work
// offline, so every run has something in flight. Each kill is aimed either at a random moment
// of the run or at a random moment after a request of one kind arrives (the sign-in, a case
// event, a photo-view batch, a page of deliveries or cases, a photo); where it landed is read
// from what the service had seen. After every kill the cache is whole and nothing is recorded as
// sent that the service did not apply; after the last, one run finishes and then: the cache
// passes integrity_check and foreign_key_check, holds every live record once at its newest
// version and every photo verified by its hash, the service applied every queued case event
// exactly once and in order per case (a resend is recognised by the event id), and recorded
// every photo view once, with one audit entry each on the console.
//
// `npm test` runs 25 kills; `npm run test:crash` runs 200 (PORCHLIGHT_CRASH_KILLS=N for any
// other number). Replay a run with PORCHLIGHT_CRASH_SEED=<the seed printed below>.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { photoFilePath } from '../../../electron/core/photos/photo-files.ts'
import { snapshotCache } from '../../support/cache-snapshot.ts'
import {
  startFaultServer,
  TEST_ACCOUNT,
  type FaultServer,
  type RequestRecord,
} from '../../support/fault-server.ts'
import { prng } from '../../support/records.ts'
import { KillWorld, workOffline } from './kill-world.ts'

const CLI = new URL('../../../electron/core/cli/porchlight.ts', import.meta.url).pathname
const KILLS = Number(process.env.PORCHLIGHT_CRASH_KILLS ?? 25)
/** PORCHLIGHT_CRASH_VERBOSE=1 prints each run: how it was aimed and how it ended. */
const verbose = process.env.PORCHLIGHT_CRASH_VERBOSE === '1'
const seed = process.env.PORCHLIGHT_CRASH_SEED
  ? Number(process.env.PORCHLIGHT_CRASH_SEED)
  : Math.floor(Math.random() * 2 ** 31)

/** What a request was for, which is where a kill after it landed. */
type Phase =
  | 'start-up'
  | 'service check'
  | 'sign-in'
  | 'case push'
  | 'audit upload'
  | 'deliveries pull'
  | 'cases pull'
  | 'photos'
const REQUEST_PHASES: Phase[] = [
  'service check',
  'sign-in',
  'case push',
  'audit upload',
  'deliveries pull',
  'cases pull',
  'photos',
]

function phaseOf(request: RequestRecord): Phase | null {
  if (request.path === '/v1/health') return 'service check'
  if (request.path === '/v1/auth/login') return 'sign-in'
  if (/^\/v1\/cases\/[^/]+\/events$/.test(request.path)) return 'case push'
  if (request.path === '/v1/audit/photo-views') return 'audit upload'
  if (request.path === '/v1/sync/deliveries') return 'deliveries pull'
  if (request.path === '/v1/sync/cases') return 'cases pull'
  if (request.path.startsWith('/v1/photos/')) return 'photos'
  return null
}

/** How a run is to be killed: at a moment after its start, or after its n-th request of a kind. */
type Aim =
  | { kind: 'time'; ms: number; label: 'random' | 'start-up' }
  | { kind: 'request'; phase: Phase; nth: number; afterMs: number }

interface RunOutcome {
  killed: boolean
  ms: number
  /** From the start to the sign-in's arrival at the service, when it got that far. */
  signInMs: number | null
  /** Where the kill landed: the phase of the last request the service saw, and whether it was unanswered. */
  landed: { phase: Phase; inFlight: boolean } | null
}

describe('a sync killed anywhere', () => {
  let server: FaultServer
  let dataDir: string
  let compileCache: string

  beforeAll(async () => {
    server = await startFaultServer()
    dataDir = mkdtempSync(join(tmpdir(), 'porchlight-kill-'))
    compileCache = mkdtempSync(join(tmpdir(), 'porchlight-kill-compile-cache-'))
  })
  afterAll(async () => {
    server.onRequest = null
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    if (compileCache) rmSync(compileCache, { recursive: true, force: true })
  })

  /** Runs `porchlight sync` on the cache; kills it as `aim` says, unless it finishes first. */
  function runSync(aim: Aim | null): Promise<RunOutcome> {
    return new Promise((resolve, reject) => {
      const started = performance.now()
      const first = server.requests.length
      const child = spawn(
        process.execPath,
        [
          CLI,
          'sync',
          '--api',
          server.url,
          '--user',
          TEST_ACCOUNT.username,
          '--data-dir',
          dataDir,
          '--json',
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            PORCHLIGHT_PASSWORD: TEST_ACCOUNT.password,
            // Node keeps what it compiled (TypeScript stripped, bytecode) for the next start:
            // a start then costs half as much. What is killed is the same command.
            NODE_COMPILE_CACHE: compileCache,
          },
        },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      let landed: RunOutcome['landed'] = null
      let timer: NodeJS.Timeout | null = null
      const signInMs = () => {
        const signIn = server.requests.slice(first).find((r) => phaseOf(r) === 'sign-in')
        return signIn ? signIn.at - started : null
      }
      const kill = () => {
        if (child.exitCode !== null || child.signalCode !== null) return
        const seen = server.requests.slice(first)
        const last = seen.at(-1)
        const phase = last ? phaseOf(last) : null
        landed = { phase: phase ?? 'start-up', inFlight: last ? last.status === 0 : false }
        child.kill('SIGKILL')
      }
      if (aim?.kind === 'time') timer = setTimeout(kill, aim.ms)
      if (aim?.kind === 'request') {
        let count = 0
        server.onRequest = (request) => {
          if (phaseOf(request) !== aim.phase || ++count !== aim.nth) return
          server.onRequest = null
          timer = setTimeout(kill, aim.afterMs)
        }
      }
      child.on('error', reject)
      child.on('exit', (code, signal) => {
        server.onRequest = null
        if (timer) clearTimeout(timer)
        const ms = performance.now() - started
        if (signal === 'SIGKILL') return resolve({ killed: true, ms, landed, signInMs: signInMs() })
        if (code === 0 && stdout.trim().startsWith('{'))
          return resolve({ killed: false, ms, landed: null, signInMs: signInMs() })
        reject(new Error(`porchlight sync exited with ${code ?? signal}:\n${stderr}\n${stdout}`))
      })
    })
  }

  it(
    `survives ${KILLS} kills: every record once, every photo verified, every case event and photo view exactly once`,
    { timeout: 120_000 + KILLS * 12_000 },
    async () => {
      console.log(`kill test seed: ${seed} (replay with PORCHLIGHT_CRASH_SEED=${seed})`)
      const random = prng(seed)
      const world = new KillWorld(server, random)
      await world.build()
      // Network latency (no CPU), so that kills land inside requests as well as between them.
      server.inject({ path: /^\/v1\/photos\// }, { kind: 'delay', ms: 10 }, Infinity)
      server.inject({ path: /^\/v1\/sync\// }, { kind: 'delay', ms: 8 }, Infinity)
      // The service holds each answer after applying the event or recording the views: a kill
      // then lands between "the service has it" and "the console wrote down that it has it".
      server.caseEvents.holdAnswersMs = 12
      // The schema is made first, uninterrupted (a migration cut short has its own test).
      await (await openDatabase(dataDir)).close()

      const landed = new Map<string, number>()
      let inFlight = 0
      let completed = 0
      let kills = 0
      let appliedNotRecorded = 0
      let eventsInDoubt = new Set<string>()
      let viewsInDoubt = new Set<string>()
      let viewsNotRecorded = 0
      let madeEvents = 0
      let madeViews = 0
      let runMs = 4_000
      let startupMs = 1_500
      let round = 0
      while (kills < KILLS) {
        round++
        if (round > 1) await world.changeUpstream(round % 40 === 0)
        if (round > 1) {
          const done = await workOffline(dataDir, random)
          madeEvents += done.caseEvents
          madeViews += done.photoViews
          if (verbose) console.log(`round ${round}: made offline ${JSON.stringify(done)}`)
        }
        const aim = aimFor(random, runMs, startupMs)
        const outcome = await runSync(aim)
        if (outcome.signInMs !== null) startupMs = outcome.signInMs
        if (verbose)
          console.log(`run ${round}: aimed ${JSON.stringify(aim)}; ${JSON.stringify(outcome)}`)
        if (!outcome.killed) {
          completed++
          runMs = outcome.ms
          continue
        }
        kills++
        const where = outcome.landed ?? { phase: 'start-up' as const, inFlight: false }
        landed.set(where.phase, (landed.get(where.phase) ?? 0) + 1)
        if (where.inFlight) inFlight++
        // A kill that landed between "the service has it" and "the console wrote that down".
        const after = checkAfterKill(dataDir, server)
        if (after.eventsInDoubt.some((id) => !eventsInDoubt.has(id))) appliedNotRecorded++
        if (after.viewsInDoubt.some((id) => !viewsInDoubt.has(id))) viewsNotRecorded++
        eventsInDoubt = new Set(after.eventsInDoubt)
        viewsInDoubt = new Set(after.viewsInDoubt)
      }
      const last = await runSync(null)
      expect(last.killed).toBe(false)

      const events = server.caseEvents
      const resentEvents = [...events.receipts.values()].filter((r) => r.received > 1).length
      const resentViews = [...events.photoViews.values()].filter((r) => r.received > 1).length
      const order = REQUEST_PHASES.filter((p) => landed.has(p))
      const phases = ['start-up' as Phase, ...order]
        .filter((p) => landed.has(p))
        .map((p) => `${p} ${landed.get(p)}`)
        .join(', ')
      console.log(
        [
          `${kills} kills in ${round} runs (${completed} more finished before their kill came; then one final run, ${Math.round(last.ms)} ms)`,
          `where the kills landed: ${phases}; ${inFlight} with a request unanswered`,
          `case events made offline: ${madeEvents}; kills after the service had applied one and before the console recorded it: ${appliedNotRecorded}; events sent again and recognised by their id: ${resentEvents}`,
          `photo views recorded: ${madeViews}; kills after the service had recorded a batch and before the console did: ${viewsNotRecorded}; views sent again and recognised by their id: ${resentViews}`,
        ].join('\n'),
      )

      checkFinal(dataDir, server, world)
      // The test did what it says: work of every kind was in flight when kills came.
      expect(madeEvents).toBeGreaterThan(0)
      expect(madeViews).toBeGreaterThan(0)
      expect(landed.size).toBeGreaterThanOrEqual(Math.min(4, KILLS))
    },
  )
})

/**
 * A third of the kills at a random moment of a run, the others a random moment after the n-th
 * request of a random kind (n within what a run usually sends of that kind).
 */
function aimFor(random: () => number, runMs: number, startupMs: number): Aim {
  const roll = random()
  if (roll < 0.25) return { kind: 'time', label: 'random', ms: Math.round(random() * runMs) }
  if (roll < 0.33) return { kind: 'time', label: 'start-up', ms: Math.round(random() * startupMs) }
  const aims: Array<[Phase, number]> = [
    ['sign-in', 1],
    ['case push', 4],
    ['case push', 4],
    ['audit upload', 1],
    ['audit upload', 2],
    ['deliveries pull', 2],
    ['cases pull', 1],
    ['photos', 3],
    ['photos', 3],
  ]
  const [phase, most] = aims[Math.floor(random() * aims.length)]!
  return {
    kind: 'request',
    phase,
    nth: 1 + Math.floor(random() * most),
    afterMs: Math.round(random() * 30),
  }
}

interface LocalEvent {
  seq: number
  id: string
  case_id: string
  state: string
  produced_version: number | null
}

function localEvents(sqlite: BetterSqlite3.Database): LocalEvent[] {
  return sqlite
    .prepare<[], LocalEvent>(
      'SELECT seq, id, case_id, state, produced_version FROM case_events ORDER BY seq',
    )
    .all()
}

/** After a kill: the cache is whole, and nothing is recorded as sent that the service lacks. */
function checkAfterKill(dataDir: string, server: FaultServer) {
  const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'))
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    const { receipts, applied, photoViews } = server.caseEvents
    const mine = localEvents(sqlite)
    expect(mine.filter((e) => e.state !== 'pending' && e.state !== 'sent')).toEqual([])
    // Per case, the service holds a prefix of the console's events, in the console's order, and
    // every event the console recorded as sent is in it.
    const appliedOf = new Map<string, string[]>()
    for (const a of applied)
      appliedOf.set(a.caseId, [...(appliedOf.get(a.caseId) ?? []), a.eventId])
    const ofCase = new Map<string, LocalEvent[]>()
    for (const e of mine) ofCase.set(e.case_id, [...(ofCase.get(e.case_id) ?? []), e])
    for (const [caseId, events] of ofCase) {
      const onService = appliedOf.get(caseId) ?? []
      expect(onService).toEqual(events.slice(0, onService.length).map((e) => e.id))
      expect(events.filter((e) => e.state === 'sent').length).toBeLessThanOrEqual(onService.length)
    }
    const eventsInDoubt = mine
      .filter((e) => e.state === 'pending' && receipts.get(e.id)?.applied === true)
      .map((e) => e.id)
    const unsentViews = sqlite
      .prepare<[], string>('SELECT id FROM photo_views WHERE sent_at IS NULL')
      .pluck()
      .all()
    const sentViews = sqlite
      .prepare<[], string>('SELECT id FROM photo_views WHERE sent_at IS NOT NULL')
      .pluck()
      .all()
    expect(sentViews.filter((id) => !photoViews.has(id))).toEqual([])
    const viewsInDoubt = unsentViews.filter((id) => photoViews.has(id))
    return { eventsInDoubt, viewsInDoubt }
  } finally {
    sqlite.close()
  }
}

/** After the final run: everything there, once, verified. */
function checkFinal(dataDir: string, server: FaultServer, world: KillWorld): void {
  const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'))
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    const snapshot = snapshotCache(sqlite, dataDir)

    // Every live record once, at the newest version the service holds; nothing deleted.
    expect(snapshot.deliveries).toEqual(world.liveDeliveries())
    expect(snapshot.ftsRows).toBe(snapshot.deliveries.length)
    expect(snapshot.cases).toEqual(server.caseEvents.liveCases())

    // Every photo of a live delivery stored and verified by its hash; erased ones never.
    const rows = new Map(snapshot.photos.map((p) => [p.id, p]))
    let verified = 0
    for (const { id } of snapshot.deliveries) {
      for (const photo of world.expected.get(id)!.photos) {
        const row = rows.get(photo.id)
        expect(row, `photo ${photo.id} of ${id}`).toBeDefined()
        if (world.erased.has(photo.id)) {
          expect(row!.state, photo.id).toBe('failed')
          continue
        }
        expect(row!.state, photo.id).toBe('stored')
        const path = photoFilePath(dataDir, photo.sha256)
        expect(existsSync(path), path).toBe(true)
        expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(photo.sha256)
        verified++
      }
    }
    expect(verified).toBeGreaterThan(100)
    expect(snapshot.corruptFiles).toEqual([])
    expect(snapshot.leftovers).toEqual([])

    // Every queued case event applied exactly once, in the order it was made on its case,
    // producing the version the console recorded.
    const { receipts, applied, photoViews } = server.caseEvents
    const mine = localEvents(sqlite)
    expect(mine.filter((e) => e.state !== 'sent')).toEqual([])
    expect(applied.map((a) => a.eventId).sort()).toEqual(mine.map((e) => e.id).sort())
    for (const e of mine) expect(receipts.get(e.id)).toMatchObject({ applied: true })
    const ofCase = new Map<string, LocalEvent[]>()
    for (const e of mine) ofCase.set(e.case_id, [...(ofCase.get(e.case_id) ?? []), e])
    for (const [caseId, events] of ofCase) {
      const onService = applied.filter((a) => a.caseId === caseId)
      expect(onService.map((a) => a.eventId)).toEqual(events.map((e) => e.id))
      expect(events.map((e) => e.produced_version)).toEqual(onService.map((a) => a.version))
    }
    // A resend is answered as already applied, never refused.
    for (const r of receipts.values()) expect(r.answers.every((s) => s === 200)).toBe(true)

    // Every photo view reported once, by its viewer, and audited once on the console.
    const views = sqlite
      .prepare<[], { id: string; sent_at: string | null; user_id: string }>(
        'SELECT id, sent_at, user_id FROM photo_views',
      )
      .all()
    expect(views.filter((v) => v.sent_at === null)).toEqual([])
    expect([...photoViews.keys()].sort()).toEqual(views.map((v) => v.id).sort())
    for (const v of photoViews.values()) expect(v.userId).toBe(TEST_ACCOUNT.user.id)
    const audited = sqlite
      .prepare<[], string>(
        "SELECT json_extract(payload_json, '$.viewId') FROM audit_log WHERE kind = 'photo-view'",
      )
      .pluck()
      .all()
    expect(audited.sort()).toEqual(views.map((v) => v.id).sort())
    expect(verifyAuditLog(sqlite)).toMatchObject({ ok: true })
  } finally {
    sqlite.close()
  }
}
