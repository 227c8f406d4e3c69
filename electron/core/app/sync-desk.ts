// The sync as the core runs it: the engine (push what was queued, pull, photos, look-alikes),
// its schedule while someone is signed in, and the API handlers of the status bar.
import type BetterSqlite3 from 'better-sqlite3'
import type { ApiHandlers } from '../api/definition.ts'
import type { Logger } from '../common/logger.ts'
import type { Retention } from '../retention/retention.ts'
import { ServiceError, type ServiceClient } from '../service/service-client.ts'
import type { Session } from '../session/session.ts'
import { SyncEngine } from '../sync/sync-engine.ts'
import { readSyncReport } from '../sync/sync-report.ts'
import { startSyncSchedule } from '../sync/sync-schedule.ts'
import type { createEvidenceDesk } from './evidence-desk.ts'
import type { createOutbox } from './outbox.ts'
import { watchPushForNews, type SyncNews } from './sync-news.ts'

type SyncHandlerNames = 'getSyncStatus' | 'syncNow' | 'getSyncReport'

export function createSyncDesk(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  client: ServiceClient
  session: Session
  outbox: ReturnType<typeof createOutbox>
  evidence: ReturnType<typeof createEvidenceDesk>
  /** Marks what it would remove before each photo step; null when retention is off. */
  retention: Retention | null
  /** The interval between syncs, read again whenever the schedule restarts. */
  intervalMs: () => number
  log: Logger
  onBackgroundError: (error: unknown) => void
  writerThreadFile?: string
  /** Reads the service's directory of people again (people-desk.ts). */
  refreshPeople?: () => Promise<void>
  /** Told of news after an outage (sync-news.ts), when the settings allow it. */
  onSyncNews?: (news: SyncNews) => void
}) {
  const { session, client, outbox, evidence, retention, log } = options
  // Every push, the sync's and the one after an action, is watched for news after an outage.
  const push = watchPushForNews(
    () => outbox.push(),
    (news) => options.onSyncNews?.(news),
  )
  const engine = new SyncEngine({
    onPhotoHashed: evidence.onPhotoHashed,
    afterPhotos: evidence.afterPhotos,
    // The directory of people is read after the pull, so the names of the people the new records
    // carry are at hand; photos retention would remove are marked before the photo step, so they
    // are never fetched.
    beforePhotos: async () => {
      await options.refreshPeople?.()
      if (retention) await retention.run()
    },
    pushQueued: () => push(),
    countPending: () => outbox.pendingCount(),
    waitingForOthers: () => outbox.waitingForOthers(),
    sqlite: options.sqlite,
    dataDir: options.dataDir,
    client,
    log,
    reauthenticate: async () => {
      const credentials = session.rememberedCredentials
      if (!credentials) return false
      const login = await client.login(credentials.username, credentials.password)
      if (login.user.id !== session.currentUser?.id) return false
      await session.renewToken(login.token)
      return true
    },
    onUnauthorized: () => void session.signOut(),
    writerThreadFile: options.writerThreadFile,
  })
  const logSyncError = (error: unknown) => {
    options.onBackgroundError(error)
    if (!(error instanceof ServiceError)) log.error('sync error', error)
  }
  const schedule = (runNow: boolean) =>
    startSyncSchedule({
      runNow,
      engine,
      canSync: () => session.currentUser !== null,
      intervalMs: options.intervalMs(),
      onError: logSyncError,
    })
  let currentSchedule = schedule(true)

  const handlers: Pick<ApiHandlers, SyncHandlerNames> = {
    getSyncStatus: async () => engine.status(),
    syncNow: async () => {
      engine.run().catch(logSyncError)
      return engine.status()
    },
    getSyncReport: async () => readSyncReport(options.sqlite),
  }
  return {
    engine,
    handlers,
    /** Starts a sync in the background; its failure is logged and shown, never thrown. */
    runSoon: () => void engine.run().catch(logSyncError),
    /** Sends queued work now, when nothing else is talking to the service. */
    pushSoon: () => {
      // A running sync pushes first anyway.
      if (!engine.running && session.currentUser) push().catch(logSyncError)
    },
    /** The interval may have changed: the schedule starts again, without a sync at once. */
    restartSchedule: () => {
      currentSchedule.stop()
      currentSchedule = schedule(false)
    },
    stopSchedule: () => currentSchedule.stop(),
  }
}

export type SyncDesk = ReturnType<typeof createSyncDesk>
