// One sync run: pull deliveries, then fetch their photos. The engine keeps what the status bar
// shows (running, progress, last success, last error, online) and never runs twice at once.
import type BetterSqlite3 from 'better-sqlite3'
import type { SyncStatus } from '../api/definition.ts'
import { downloadPendingPhotos } from '../photos/download-photos.ts'
import type { Logger } from '../app/types.ts'
import { pullDeliveries, type RejectedItem } from './pull-deliveries.ts'
import { ServiceError, type ServiceClient } from './service-client.ts'

export interface SyncRunSummary {
  deliveries: { received: number; stored: number; deleted: number; rejected: number }
  photos: { downloaded: number; failed: number }
  rejectedItems: RejectedItem[]
  durationMs: number
}

export interface SyncEngineOptions {
  sqlite: BetterSqlite3.Database
  dataDir: string
  client: ServiceClient
  log: Logger
  /** Told when the service refuses the token, so the session can ask the user to sign in. */
  onUnauthorized: () => void
}

const LAST_SUCCESS_KEY = 'sync.lastSuccessAt'

export class SyncEngine {
  private readonly options: SyncEngineOptions
  private current: Promise<SyncRunSummary> | null = null
  private abort = new AbortController()
  private online = false
  private lastAttemptAt: string | null = null
  private lastError: string | null = null
  private progress = { deliveriesReceived: 0, photosDownloaded: 0, photosPending: 0 }
  private readonly readState: BetterSqlite3.Statement<[string], { value: string }>
  private readonly writeState: BetterSqlite3.Statement<[string, string]>
  private readonly counts: BetterSqlite3.Statement<[], { deliveries: number; photos: number }>

  constructor(options: SyncEngineOptions) {
    this.options = options
    const { sqlite } = options
    this.readState = sqlite.prepare('SELECT value FROM app_state WHERE key = ?')
    this.writeState = sqlite.prepare(
      'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    this.counts = sqlite.prepare(`SELECT
      (SELECT count(*) FROM deliveries) AS deliveries,
      (SELECT count(*) FROM delivery_photos WHERE state = 'stored') AS photos`)
  }

  get running(): boolean {
    return this.current !== null
  }

  /** Starts a run, or joins the one under way. */
  run(): Promise<SyncRunSummary> {
    this.current ??= this.runOnce().finally(() => {
      this.current = null
    })
    return this.current
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
    return {
      online: this.online,
      running: this.running,
      lastSuccessAt: this.readState.get(LAST_SUCCESS_KEY)?.value ?? null,
      lastAttemptAt: this.lastAttemptAt,
      lastError: this.lastError,
      progress: { ...this.progress },
      cached: this.counts.get() ?? { deliveries: 0, photos: 0 },
    }
  }

  private async runOnce(): Promise<SyncRunSummary> {
    const started = Date.now()
    const { sqlite, dataDir, client, log } = this.options
    this.lastAttemptAt = new Date(started).toISOString()
    this.progress = { deliveriesReceived: 0, photosDownloaded: 0, photosPending: 0 }
    try {
      const pulled = await pullDeliveries({
        sqlite,
        client,
        dataDir,
        signal: this.abort.signal,
        onPage: (r) => {
          this.online = true
          this.progress.deliveriesReceived = r.received
        },
      })
      this.online = true
      const photos = await downloadPendingPhotos({
        sqlite,
        client,
        dataDir,
        signal: this.abort.signal,
        onProgress: (p) => {
          this.progress.photosDownloaded = p.downloaded
          this.progress.photosPending = p.pending
        },
      })
      this.writeState.run(LAST_SUCCESS_KEY, new Date().toISOString())
      this.lastError =
        pulled.rejected.length > 0 || photos.failed > 0
          ? describeProblems(pulled.rejected.length, photos.failed)
          : null
      const summary: SyncRunSummary = {
        deliveries: {
          received: pulled.received,
          stored: pulled.stored,
          deleted: pulled.deleted,
          rejected: pulled.rejected.length,
        },
        photos: { downloaded: photos.downloaded, failed: photos.failed },
        rejectedItems: pulled.rejected,
        durationMs: Date.now() - started,
      }
      log.info('sync finished', summary.deliveries)
      return summary
    } catch (error) {
      if (error instanceof ServiceError) {
        if (error.kind === 'unreachable') this.online = false
        if (error.kind === 'unauthorized') this.options.onUnauthorized()
        this.lastError =
          error.kind === 'unauthorized'
            ? 'The delivery service no longer accepts your sign-in. Please sign in again.'
            : error.message
      } else {
        this.lastError = 'The sync stopped because of an internal error. The details are in the log.'
      }
      log.error('sync failed', error)
      throw error
    }
  }
}

function describeProblems(rejected: number, photosFailed: number): string {
  const parts: string[] = []
  if (rejected > 0) parts.push(`${rejected} record${rejected === 1 ? '' : 's'} rejected as invalid`)
  if (photosFailed > 0) parts.push(`${photosFailed} photo${photosFailed === 1 ? '' : 's'} could not be fetched`)
  return `Last sync: ${parts.join(', ')}.`
}
