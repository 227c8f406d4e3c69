// The API handlers for privacy: what is kept and for how long, removing what expired, and signing
// out with the local data erased. Retention itself lives in retention/, erasing in privacy/.
import type BetterSqlite3 from 'better-sqlite3'
import { type ApiHandlers, type AppSettings } from '../api/definition.ts'
import { UserFacingError } from '../shared/errors.ts'
import type { RetentionOverview, UnsentWork } from '../api/privacy-schemas.ts'
import { auditLogSummary } from '../audit/audit-log.ts'
import { eraseLocalData } from '../privacy/erase-local-data.ts'
import { measureKept, type Retention } from '../retention/retention.ts'
import type { Session } from '../session/session.ts'
import type { SyncEngine } from '../sync/sync-engine.ts'
import type { Logger } from '../shared/logger.ts'

type PrivacyHandlerNames = 'getRetention' | 'runRetentionNow' | 'getUnsentWork' | 'signOutAndErase'

export function createPrivacyDesk(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  settings: () => AppSettings
  retention: Retention
  /** Runs a retention pass once no sync is between its pull and its photos (see porchlight.ts). */
  runRetention: () => Promise<unknown>
  /** Null when this host does not schedule retention. */
  intervalMinutes: number | null
  engine: SyncEngine
  session: Session
  log: Logger
  /** After the cache is emptied: what the host keeps outside it (Chromium's caches). */
  eraseHostData?: () => Promise<void>
  /** After the cache is emptied: put back what the core itself needs (demo user names). */
  afterErase: () => void
}) {
  const { sqlite } = options
  const unsentCaseChanges = sqlite.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE state IN ('pending', 'conflict')",
  )
  const unsentViews = sqlite.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM photo_views WHERE sent_at IS NULL',
  )

  const unsent = (): UnsentWork => ({
    caseChanges: unsentCaseChanges.get()?.n ?? 0,
    photoViews: unsentViews.get()?.n ?? 0,
  })

  const overview = (): RetentionOverview => {
    const settings = options.settings()
    const policy = {
      photoDays: settings.photoRetentionDays,
      deliveryDays: settings.deliveryRetentionDays,
    }
    return {
      ...policy,
      ...measureKept(sqlite, policy),
      auditLog: auditLogSummary(sqlite),
      lastRun: options.retention.lastRun(),
      running: options.retention.running,
      intervalMinutes: options.intervalMinutes,
    }
  }

  const handlers: Pick<ApiHandlers, PrivacyHandlerNames> = {
    getRetention: async () => {
      return overview()
    },
    runRetentionNow: async () => {
      await options.runRetention()
      return overview()
    },
    getUnsentWork: async () => unsent(),
    signOutAndErase: async ({ discardUnsent }) => {
      const waiting = unsent()
      const total = waiting.caseChanges + waiting.photoViews
      if (total > 0 && !discardUnsent) {
        throw new UserFacingError(
          'unsent-work',
          `${total === 1 ? 'One change has' : `${total} changes have`} not reached the delivery ` +
            'service yet. Erasing the local data loses them: confirm that you want that, or sign ' +
            'out without erasing.',
        )
      }
      const actorId = options.session.currentUser?.id ?? null
      // Nothing may write to the cache while it is emptied: end the sync and any removal pass.
      await options.engine.stop()
      if (options.retention.running) await options.retention.run().catch(() => undefined)
      await options.session.signOut()
      const outcome = await eraseLocalData({
        sqlite,
        dataDir: options.dataDir,
        actorId,
        discardedUnsent: total,
      })
      options.afterErase()
      await options.eraseHostData?.().catch((error: unknown) => {
        options.log.warn('erase: the browser caches could not all be cleared', error)
      })
      options.log.info(
        `signed out and erased the local data (${outcome.rowsDeleted} rows, ${outcome.foldersRemoved} folders)`,
      )
      return { rowsDeleted: outcome.rowsDeleted, foldersRemoved: outcome.foldersRemoved }
    },
  }
  return { handlers, unsent }
}
