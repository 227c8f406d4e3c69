// One sync run: pull deliveries and cases, then fetch photos. The engine keeps what the status
// bar shows (running, progress, last success, last error, online), records each run and what
// it rejected in the cache (the sync report), and never runs twice at once.
import type BetterSqlite3 from 'better-sqlite3'
import type { SyncStatus } from '../api/definition.ts'
import type { RunServiceWait } from '../api/service-wait-schemas.ts'
import type { Logger } from '../common/logger.ts'
import { downloadPendingPhotos, type PhotoDownloadProgress } from '../photos/download-photos.ts'
import type { PerceptualHash } from '../photos/perceptual-hash.ts'
import { startPageWriter } from './page-writer.ts'
import { pullStream, type RejectedItem } from './pull-stream.ts'
import { ServiceError, type ServiceClient } from '../service/service-client.ts'
import { createAppState, type AppState } from '../db/app-state.ts'
import { rowCounts } from '../deliveries/delivery-tables.ts'
import { photoCountIn } from '../deliveries/photo-table.ts'
import { finishRun, lastFinishedRun, startRun } from './sync-tables.ts'
import { t } from '../messages/messages.ts'

/** What a run stopped before its photo step reports of it. */
const NO_PHOTOS: PhotoDownloadProgress = { downloaded: 0, failed: 0, undisplayable: 0, pending: 0 }

export interface SyncRunSummary {
  deliveries: { received: number; stored: number; deleted: number; rejected: number }
  photos: { downloaded: number; failed: number; undisplayable: number; withheld: number }
  cases: { received: number; stored: number; deleted: number; rejected: number }
  outbox: { pushed: number; conflicts: number }
  rejectedItems: Array<{ stream: string; id: string | null; reason: string }>
  resynced: boolean
  durationMs: number
}

export interface SyncEngineOptions {
  sqlite: BetterSqlite3.Database
  dataDir: string
  client: ServiceClient
  log: Logger
  /** Signs in again with what the user gave this session; false when that is not possible. */
  reauthenticate: () => Promise<boolean>
  /** Told when the service refuses the token for good, so the session asks the user. */
  onUnauthorized: () => void
  pageSize?: number
  photoConcurrency?: number
  /** Sends what this console queued (case events, photo views) before pulling. */
  pushQueued?: () => Promise<{ pushed: number; conflicts: number }>
  /** How many changes made here wait to be sent, for the status bar. */
  countPending?: () => number
  /** Other users' changes made here, waiting for them to sign in, for the status bar. */
  waitingForOthers?: () => SyncStatus['waitingForOthers']
  /**
   * Runs after the pull and before the photo step: retention marks the photos it would remove,
   * so they are never fetched (retention/retention.ts).
   */
  beforePhotos?: () => Promise<unknown>
  /** Told the perceptual hash of each photo file downloaded (photo-match/fingerprints.ts). */
  onPhotoHashed?: (sha256: string, hash: PerceptualHash) => void
  /** Runs after the photo step: look-alike photos are flagged (photo-match/match-photos.ts). */
  afterPhotos?: (signal: AbortSignal) => Promise<unknown>
  /**
   * The writer thread's built file, where the core is bundled (the app); by default its
   * TypeScript source next to this module (tests, commands, browser mode).
   */
  writerThreadFile?: string | URL
  /**
   * Whether a sync into an empty cache bulk-loads its deliveries (deliveries/bulk-load.ts).
   * True unless told; false keeps every sync on the incremental path (tests compare the two).
   */
  bulkLoad?: boolean
}

const LAST_SUCCESS_KEY = 'sync.lastSuccessAt'
const PHOTO_COUNT_MAX_AGE_MS = 30_000

export class SyncEngine {
  private readonly options: SyncEngineOptions
  private current: Promise<SyncRunSummary> | null = null
  private abort = new AbortController()
  private online = false
  private lastAttemptAt: string | null = null
  private lastError: string | null = null
  private progress = {
    deliveriesReceived: 0,
    casesReceived: 0,
    photosDownloaded: 0,
    photosPending: 0,
  }
  private readonly statements
  private readonly appState: AppState
  private photoCount: { value: number; at: number } | null = null

  constructor(options: SyncEngineOptions) {
    this.options = options
    const { sqlite } = options
    this.appState = createAppState(sqlite)
    this.statements = {
      // Kept as rows are written (migration 006): counting a million rows here would hold the
      // UI. Erasing the local data empties row_counts with the rest.
      counts: rowCounts.on(sqlite),
      photosIn: photoCountIn.on(sqlite),
      startRun: startRun.on(sqlite),
      finishRun: finishRun.on(sqlite),
      lastRun: lastFinishedRun.on(sqlite),
    }
  }

  get running(): boolean {
    return this.current !== null
  }

  /** Starts a run, or joins the one under way. */
  run(): Promise<SyncRunSummary> {
    this.current ??= this.runRecorded().finally(() => {
      this.current = null
      this.photoCount = null
    })
    return this.current
  }

  /** Resolves once the run under way (if any) has ended, however it ended. */
  async idle(): Promise<void> {
    await this.current?.catch(() => undefined)
  }

  /** Stops the run under way (pages already stored stay stored) and waits for it to end. */
  async stop(): Promise<void> {
    this.abort.abort()
    await this.current?.catch(() => undefined)
    this.abort = new AbortController()
  }

  /** Asks the service whether it is up, for the online indicator between runs. */
  async checkOnline(): Promise<boolean> {
    this.online = await this.options.client.health()
    return this.online
  }

  status(): SyncStatus {
    const last = this.statements.lastRun.get()
    const summary = last?.summary_json ? (JSON.parse(last.summary_json) as SyncRunSummary) : null
    const counts = this.statements.counts.get() ?? { deliveries: 0, withheld: 0 }
    return {
      online: this.online,
      running: this.running,
      lastSuccessAt: this.appState.get(LAST_SUCCESS_KEY),
      lastAttemptAt: this.lastAttemptAt,
      lastError: this.lastError,
      progress: { ...this.progress },
      cached: { deliveries: counts.deliveries, photos: this.storedPhotos() },
      pendingChanges: this.options.countPending?.() ?? 0,
      waitingForOthers: this.options.waitingForOthers?.() ?? [],
      lastRun: last
        ? {
            finishedAt: last.finished_at,
            outcome: last.outcome as 'complete' | 'failed' | 'stopped',
            rejected: summary ? summary.deliveries.rejected + summary.cases.rejected : 0,
            photosFailed: summary ? summary.photos.failed + summary.photos.undisplayable : 0,
          }
        : null,
      serviceAsksWaitUntil: this.waitUntil(),
    }
  }

  /** Until when the service asked us to send nothing, while that is ahead. */
  private waitUntil(): string | null {
    const wait = this.options.client.serviceWait.now()
    return wait ? new Date(wait.until).toISOString() : null
  }

  /**
   * The wait the service asked for that held this run: asked during it, or asked before it and
   * not yet over when it started. Null when nothing held it.
   */
  private serviceWaitOf(started: number, askedBefore: number): string | null {
    const { serviceWait } = this.options.client
    const wait = serviceWait.latest()
    if (wait === null || wait.until <= started) return null
    const record: RunServiceWait = {
      askedAt: new Date(wait.askedAt).toISOString(),
      until: new Date(wait.until).toISOString(),
      request: wait.request,
      status: wait.status,
      times: serviceWait.asked() - askedBefore,
    }
    return JSON.stringify(record)
  }

  /**
   * Photos kept: counted at most every PHOTO_COUNT_MAX_AGE_MS and after each run. Photos change
   * state one at a time in several places (downloads, retention, a changed record), so the count
   * is not kept as they do; at a million photos counting takes tens of milliseconds, too long to
   * repeat on every two-second status poll.
   */
  private storedPhotos(refresh = false): number {
    const now = Date.now()
    if (refresh || this.photoCount === null || now - this.photoCount.at > PHOTO_COUNT_MAX_AGE_MS) {
      this.photoCount = {
        value: this.statements.photosIn.get({ state: 'stored' })?.n ?? 0,
        at: now,
      }
    }
    return this.photoCount.value
  }

  private async runRecorded(): Promise<SyncRunSummary> {
    const startedAt = new Date()
    this.lastAttemptAt = startedAt.toISOString()
    this.progress = {
      deliveriesReceived: 0,
      casesReceived: 0,
      photosDownloaded: 0,
      photosPending: 0,
    }
    const runId = Number(this.statements.startRun.run({ at: this.lastAttemptAt }).lastInsertRowid)
    const askedBefore = this.options.client.serviceWait.asked()
    const serviceWait = () => this.serviceWaitOf(startedAt.getTime(), askedBefore)
    try {
      const summary = await this.runWithSignIn(runId, startedAt.getTime())
      const outcome = this.abort.signal.aborted ? 'stopped' : 'complete'
      this.statements.finishRun.run({
        id: runId,
        at: new Date().toISOString(),
        outcome,
        error: null,
        summaryJson: JSON.stringify(summary),
        serviceWaitJson: serviceWait(),
      })
      if (outcome === 'complete') this.appState.set(LAST_SUCCESS_KEY, new Date().toISOString())
      const problems = summary.deliveries.rejected + summary.cases.rejected
      const photoProblems = summary.photos.failed + summary.photos.undisplayable
      this.lastError =
        problems + photoProblems > 0 ? describeProblems(problems, photoProblems) : null
      this.options.log.info('sync finished', {
        ...summary,
        rejectedItems: summary.rejectedItems.length,
      })
      return summary
    } catch (error) {
      this.lastError = this.describeFailure(error)
      this.statements.finishRun.run({
        id: runId,
        at: new Date().toISOString(),
        outcome: 'failed',
        error: this.lastError,
        summaryJson: null,
        serviceWaitJson: serviceWait(),
      })
      this.options.log.error('sync failed', error)
      throw error
    }
  }

  /** A 401 signs in again once with the session's credentials, then asks the user. */
  private async runWithSignIn(runId: number, started: number): Promise<SyncRunSummary> {
    try {
      return await this.runSteps(runId, started)
    } catch (error) {
      if (!(error instanceof ServiceError && error.kind === 'unauthorized')) throw error
      const renewed = await this.options.reauthenticate().catch((failure: unknown) => {
        // Asked to wait is not refused: the user stays signed in, and the run ends in those words.
        if (failure instanceof ServiceError && failure.kind === 'busy') throw failure
        return false
      })
      if (!renewed) {
        this.options.onUnauthorized()
        throw error
      }
      try {
        return await this.runSteps(runId, started)
      } catch (again) {
        if (again instanceof ServiceError && again.kind === 'unauthorized')
          this.options.onUnauthorized()
        throw again
      }
    }
  }

  private async runSteps(runId: number, started: number): Promise<SyncRunSummary> {
    const { sqlite, dataDir, client } = this.options
    const signal = this.abort.signal
    const common = { sqlite, client, dataDir, runId, signal, pageSize: this.options.pageSize }
    try {
      // Push first: the agent's work reaches the service as early as possible, and the pull
      // that follows brings back the cases as the service now holds them.
      const outbox = (await this.options.pushQueued?.()) ?? { pushed: 0, conflicts: 0 }
      // Online only once the service has answered: an empty outbox asked it nothing, and saying
      // "online" at the start of every run while it is down makes the bar (and a screen reader)
      // flip between online and offline on each attempt.
      if (outbox.pushed + outbox.conflicts > 0) this.online = true
      // Pages are stored on a thread of their own; it lives as long as this run's pull.
      const writer = startPageWriter({
        databaseFile: sqlite.name,
        threadFile: this.options.writerThreadFile,
        bulkLoad: this.options.bulkLoad,
      })
      let deliveries, cases
      try {
        deliveries = await pullStream({
          ...common,
          stream: 'deliveries',
          writer,
          onPage: (r) => {
            this.online = true
            this.progress.deliveriesReceived = r.received
          },
        })
        cases = await pullStream({
          ...common,
          stream: 'cases',
          writer,
          onPage: (r) => {
            this.progress.casesReceived = r.received
          },
        })
      } finally {
        await writer.close()
      }
      // Stopped during the pull (the app is closing): the steps after it are left for the next
      // run. Retention's pass and the photo step take long on a big cache and would hold the
      // close; and the service may never have answered, so it is not said to be online.
      const photos = signal.aborted ? NO_PHOTOS : await this.photoSteps(signal)
      const rejectedItems: RejectedItem[] = [...deliveries.rejected, ...cases.rejected]
      return {
        deliveries: {
          received: deliveries.received,
          stored: deliveries.stored,
          deleted: deliveries.deleted,
          rejected: deliveries.rejected.length,
        },
        cases: {
          received: cases.received,
          stored: cases.stored,
          deleted: cases.deleted,
          rejected: cases.rejected.length,
        },
        photos: {
          downloaded: photos.downloaded,
          failed: photos.failed,
          undisplayable: photos.undisplayable,
          withheld: this.statements.counts.get()?.withheld ?? 0,
        },
        outbox,
        rejectedItems,
        resynced: deliveries.resynced || cases.resynced,
        durationMs: Date.now() - started,
      }
    } catch (error) {
      if (error instanceof ServiceError && error.kind === 'unreachable') this.online = false
      throw error
    }
  }

  /** After the pull: retention's marks, the photo download, then look-alike flags. */
  private async photoSteps(signal: AbortSignal): Promise<PhotoDownloadProgress> {
    const { sqlite, dataDir, client } = this.options
    this.online = true
    await this.options.beforePhotos?.()
    if (signal.aborted) return NO_PHOTOS
    const photos = await downloadPendingPhotos({
      sqlite,
      client,
      dataDir,
      signal,
      concurrency: this.options.photoConcurrency,
      onProgress: (p) => {
        this.progress.photosDownloaded = p.downloaded
        this.progress.photosPending = p.pending
      },
      onHashed: this.options.onPhotoHashed,
    })
    await this.options.afterPhotos?.(signal)
    return photos
  }

  private describeFailure(error: unknown): string {
    if (error instanceof ServiceError) {
      return error.kind === 'unauthorized' ? t('sync:error.signInRefused') : error.message
    }
    return t('sync:error.internal')
  }
}

function describeProblems(rejected: number, photoProblems: number): string {
  const parts: string[] = []
  if (rejected > 0) parts.push(t('sync:lastSync.rejected', { count: rejected }))
  if (photoProblems > 0) parts.push(t('sync:lastSync.photosFailed', { count: photoProblems }))
  return t('sync:error.lastSyncProblems', { what: parts.join(', ') })
}
