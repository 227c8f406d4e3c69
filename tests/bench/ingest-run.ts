// One ingest run, in a process of its own: the app's SyncEngine pulls every delivery (and the
// cases) from the demo service into an empty cache, with the event loop and RSS watched. The
// engine has no switch to skip photos, so the run ends at its beforePhotos hook: the records
// and search index are stored by then, and stopping the engine there leaves the photo step with
// nothing to do. Then, in the same process, the baseline writes the very same rows with plain
// INSERTs in one transaction.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { createCaseWork } from '../../electron/core/cases/case-work.ts'
import { createEvidenceReader } from '../../electron/core/cases/evidence-snapshot.ts'
import type { Logger } from '../../electron/core/common/logger.ts'
import type { User } from '../../electron/core/contract/schemas.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { emailHandle } from '../../electron/core/deliveries/search-columns.ts'
import { createServiceClient } from '../../electron/core/service/service-client.ts'
import { SyncEngine } from '../../electron/core/sync/sync-engine.ts'
import type { ServiceClient } from '../../electron/core/service/service-client.ts'
import type { AppliedChanges, ChangeSpec } from './world-changes.ts'
import { profileWorkerThreads } from './profile-threads.ts'
import {
  maxRssBytes,
  startRssSampler,
  startStallMonitor,
  summarize,
  type StallReport,
} from './measure.ts'

export interface IngestRunArgs {
  url: string
  expected: number
  /** After the first sync: these changes made to the world, then taken in by a second sync. */
  changes?: { controlUrl: string; spec: ChangeSpec }
  /** Where the sync's writer threads write their CPU profiles (profile-threads.ts); none when unset. */
  profileDir?: string
}

export interface IngestRunResult {
  records: number
  seconds: number
  stall: StallReport
  /** The photo step's start after the records (listing what to fetch), not part of the target. */
  photoStepStall: StallReport
  peakRssBytes: number
  sampledPeakRssBytes: number
  /** Case notes written by an agent on the app's connection while the sync stored records. */
  notes: { written: number; medianMs: number; p95Ms: number; maxMs: number }
  baseline: { records: number; photos: number; seconds: number }
  /** The change sync into the cache the first sync filled (when asked for). */
  changeSync: ChangeSyncResult | null
}

export interface ChangeSyncResult {
  /** Deliveries changed, added and deleted in the world, as the sync received them. */
  changes: number
  applied: AppliedChanges
  seconds: number
  stall: StallReport
  peakRssBytes: number
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export async function ingestRun(args: IngestRunArgs): Promise<IngestRunResult> {
  if (args.profileDir) profileWorkerThreads(args.profileDir, 'page-writer-thread.ts')
  const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-ingest-'))
  const baselineDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-ingest-baseline-'))
  try {
    const local = await openDatabase(dataDir)
    let token: string | null = null
    const client = createServiceClient({ baseUrl: args.url, getToken: () => token })
    const signedIn = await client.login('agent', 'demo-agent')
    token = signedIn.token
    const notes = startNoteWriter(local.sqlite, signedIn.user, args.expected)

    // Filled in by the beforePhotos hook, when the records are stored.
    const marks: {
      recordsEnded?: number
      stall?: StallReport
      peakRssBytes?: number
      sampledPeakRssBytes?: number
      afterRecords?: ReturnType<typeof startStallMonitor>
    } = {}
    const monitor = startStallMonitor()
    const rss = startRssSampler()
    const engine: SyncEngine = new SyncEngine({
      sqlite: local.sqlite,
      dataDir,
      client,
      log: quiet,
      reauthenticate: async () => false,
      onUnauthorized: () => {},
      beforePhotos: async () => {
        marks.recordsEnded = performance.now()
        marks.stall = monitor.stop()
        marks.sampledPeakRssBytes = rss.stop()
        marks.peakRssBytes = maxRssBytes()
        marks.afterRecords = startStallMonitor()
        notes.stop()
        // Not awaited: stop() waits for this very run to end.
        void engine.stop()
      },
    })
    const started = performance.now()
    const summary = await engine.run()
    const photoStepStall = marks.afterRecords?.stop()
    const { recordsEnded, stall, peakRssBytes, sampledPeakRssBytes } = marks
    if (!recordsEnded || !stall || !photoStepStall || !peakRssBytes || !sampledPeakRssBytes) {
      throw new Error('the sync ended before its photo step')
    }
    if (summary.deliveries.stored !== args.expected || summary.deliveries.rejected !== 0) {
      throw new Error(`stored ${summary.deliveries.stored} of ${args.expected} deliveries`)
    }
    const seconds = (recordsEnded - started) / 1000

    const noteTimes = notes.stop()
    if (noteTimes.length === 0) throw new Error('no case note was written during the sync')
    const noteSummary = summarize(noteTimes)
    const changeSync = args.changes
      ? await changeSyncRun(local.sqlite, dataDir, client, args.changes)
      : null
    const baseline = await baselineInserts(local.sqlite, baselineDir)
    await local.close()
    return {
      records: summary.deliveries.stored,
      seconds,
      stall,
      photoStepStall,
      peakRssBytes,
      sampledPeakRssBytes,
      notes: {
        written: noteTimes.length,
        medianMs: noteSummary.median,
        p95Ms: noteSummary.p95,
        maxMs: noteSummary.max,
      },
      baseline,
      changeSync,
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(baselineDir, { recursive: true, force: true })
  }
}

/**
 * The change sync: the world is changed (through the bench's control door of the demo process),
 * then a second SyncEngine run on the same cache takes the changes in on the incremental path,
 * timed from run() to its beforePhotos hook like the first. It pushes the notes the first run's
 * agent wrote before it pulls (a few dozen events).
 */
async function changeSyncRun(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  client: ServiceClient,
  changes: NonNullable<IngestRunArgs['changes']>,
): Promise<ChangeSyncResult> {
  const response = await fetch(changes.controlUrl, {
    method: 'POST',
    body: JSON.stringify(changes.spec),
  })
  if (!response.ok) throw new Error(`the world was not changed: ${await response.text()}`)
  const applied = (await response.json()) as AppliedChanges
  let recordsEnded: number | undefined
  let stall: StallReport | undefined
  const monitor = startStallMonitor()
  const engine: SyncEngine = new SyncEngine({
    sqlite,
    dataDir,
    client,
    log: quiet,
    reauthenticate: async () => false,
    onUnauthorized: () => {},
    beforePhotos: async () => {
      recordsEnded = performance.now()
      stall = monitor.stop()
      void engine.stop()
    },
  })
  const started = performance.now()
  const summary = await engine.run()
  if (recordsEnded === undefined || stall === undefined) {
    throw new Error('the change sync ended before its photo step')
  }
  const expected = applied.updated + applied.added + applied.deleted
  const { received, rejected } = summary.deliveries
  if (received !== expected || rejected !== 0) {
    throw new Error(
      `the change sync received ${received} of ${expected} changes (${rejected} rejected)`,
    )
  }
  return {
    changes: received,
    applied,
    seconds: (recordsEnded - started) / 1000,
    stall,
    peakRssBytes: maxRssBytes(),
  }
}

/** At least this many notes are written during a sync that runs at the target rate. */
const NOTES = 50
const TARGET_RECORDS_PER_SECOND = 17_000

/**
 * An agent working a case while the first sync runs: once the first deliveries are stored, a case
 * is opened on one (not timed), then a note is added through the app's own case work on the app's
 * connection every so often until the records are stored, each timed to its commit. Spaced so
 * that a sync at the target rate gets NOTES of them; a slower one gets more.
 */
function startNoteWriter(sqlite: BetterSqlite3.Database, user: User, expected: number) {
  const work = createCaseWork({ sqlite, currentUser: () => user })
  const evidence = createEvidenceReader(sqlite)
  const firstDelivery = sqlite.prepare<[], string>('SELECT id FROM deliveries LIMIT 1').pluck()
  const intervalMs = Math.max(20, (expected / TARGET_RECORDS_PER_SECOND / NOTES) * 1000)
  const times: number[] = []
  let caseId: string | null = null
  let stopped = false
  const tick = () => {
    if (stopped) return
    if (caseId === null) {
      const deliveryId = firstDelivery.get()
      if (deliveryId !== undefined) {
        caseId = work.open(deliveryId, 'not_received', undefined, (at) => {
          const snapshot = evidence(deliveryId, 150, at)
          if (!snapshot) throw new Error(`delivery ${deliveryId} vanished`)
          return snapshot
        })
      }
    } else {
      const started = performance.now()
      work.addNote(caseId, `Called the customer, note ${times.length + 1}.`)
      times.push(performance.now() - started)
    }
    timer = setTimeout(tick, intervalMs)
  }
  let timer = setTimeout(tick, intervalMs)
  return {
    stop(): number[] {
      stopped = true
      clearTimeout(timer)
      return times
    },
  }
}

type Row = Record<string, unknown>

/**
 * The rows the sync stored, written again into a fresh cache with one plain INSERT per row (and
 * per search-index entry and photo row) in a single transaction: about as fast as SQLite takes
 * these rows on this machine. Reading them back is not timed.
 */
async function baselineInserts(
  source: BetterSqlite3.Database,
  dir: string,
): Promise<IngestRunResult['baseline']> {
  const deliveries = source.prepare('SELECT * FROM deliveries ORDER BY rowid').all() as Row[]
  const photos = source.prepare('SELECT * FROM delivery_photos ORDER BY rowid').all() as Row[]
  const searchText = deliveries.map((d) => [
    d.customer_name,
    emailHandle(d.customer_email as string | null),
    [d.address_line1, d.address_line2].filter(Boolean).join(' '),
    d.city,
  ])
  const target = await openDatabase(dir)
  const { sqlite } = target
  const insertInto = (table: string, sample: Row | undefined) => {
    const columns = Object.keys(sample ?? {})
    return sqlite.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    )
  }
  const insertDelivery = insertInto('deliveries', deliveries[0])
  const insertPhoto = insertInto('delivery_photos', photos[0])
  // The same statement text as the store's, so the index gets exactly the same entries.
  const insertFts = sqlite.prepare(`
    INSERT INTO deliveries_fts (rowid, customer_name, email_handle, street, city)
    VALUES (?, ?, ?, ?, ?)`)
  const writeAll = sqlite.transaction(() => {
    deliveries.forEach((row, index) => {
      const { lastInsertRowid } = insertDelivery.run(row)
      insertFts.run(lastInsertRowid, ...searchText[index]!)
    })
    for (const row of photos) insertPhoto.run(row)
  })
  const started = performance.now()
  writeAll()
  const seconds = (performance.now() - started) / 1000
  await target.close()
  return { records: deliveries.length, photos: photos.length, seconds }
}
