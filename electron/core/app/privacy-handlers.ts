// The API handlers for privacy: what is kept and for how long, removing what expired, and signing
// out with the local data erased. Retention itself lives in retention/, erasing in privacy/.
import { signedInUser } from './signed-in-user.ts'
import type BetterSqlite3 from 'better-sqlite3'
import type { ApiHandlers, AppSettings } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import type { RetentionOverview, UnsentWork } from '../api/privacy-schemas.ts'
import { auditLogSummary } from '../audit/audit-log.ts'
import { eraseLocalData } from '../privacy/erase-local-data.ts'
import { currentLocale, t } from '../messages/messages.ts'
import { createUnsentWorkReader, type AuthorsUnsentWork } from '../privacy/unsent-work.ts'
import { measureKept, type Retention } from '../retention/retention.ts'
import type { Session } from '../session/session.ts'
import type { SyncEngine } from '../sync/sync-engine.ts'
import type { Logger } from '../common/logger.ts'

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
  const unsentWork = createUnsentWorkReader(sqlite)

  /** The user making the call: the dispatcher let only a signed-in user through (CALL_ACCESS). */
  const requireUser = () => signedInUser(() => options.session.currentUser)

  /** The signed-in user's unsent work, and everyone else's by name. */
  const unsentFor = (userId: string | null) => {
    const all = unsentWork.byAuthor()
    const mine = all.find((a) => a.userId === userId)
    return {
      caseChanges: mine?.caseChanges ?? 0,
      photoViews: mine?.photoViews ?? 0,
      others: all.filter((a) => a.userId !== userId),
    }
  }

  const unsent = (): UnsentWork => {
    const work = unsentFor(options.session.currentUser?.id ?? null)
    return {
      caseChanges: work.caseChanges,
      photoViews: work.photoViews,
      others: work.others.map(({ userId, name, caseChanges, photoViews }) => ({
        userId,
        name,
        caseChanges,
        photoViews,
      })),
    }
  }

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
      requireUser()
      return overview()
    },
    runRetentionNow: async () => {
      requireUser()
      await options.runRetention()
      return overview()
    },
    getUnsentWork: async () => unsent(),
    signOutAndErase: async ({ discardUnsent, discardUnsentOf }) => {
      const user = requireUser()
      const waiting = unsentFor(user.id)
      const refusal = eraseRefusal(user, waiting, { discardUnsent, discardUnsentOf })
      if (refusal) throw refusal
      const mine = waiting.caseChanges + waiting.photoViews
      const total = mine + waiting.others.reduce((sum, o) => sum + o.caseChanges + o.photoViews, 0)
      const actorId = user.id
      // Nothing may write to the cache while it is emptied: end the sync and any removal pass.
      await options.engine.stop()
      if (options.retention.running) await options.retention.run().catch(() => undefined)
      await options.session.signOut()
      const outcome = await eraseLocalData({
        sqlite,
        dataDir: options.dataDir,
        actorId,
        discardedUnsent: total,
        discardedOthers: waiting.others.map((o) => ({
          authorId: o.userId,
          caseChanges: o.caseChanges,
          photoViews: o.photoViews,
          cases: o.cases,
        })),
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

/**
 * "Alex Rivera's 2 unsent changes and Sam Lee's unsent change", in the language spoken, with a
 * count for the verb after it: singular only for one change of one person.
 */
function othersWork(others: ReadonlyArray<AuthorsUnsentWork>): { work: string; count: number } {
  const parts = others.map((o) =>
    t('settings:erase.personsWork', { name: o.name, count: o.caseChanges + o.photoViews }),
  )
  const work = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(parts)
  const total = others.reduce((sum, o) => sum + o.caseChanges + o.photoViews, 0)
  return { work, count: others.length === 1 ? total : Math.max(2, total) }
}

/** Why signing out with the data erased may not go ahead: unsent work nobody agreed to lose. */
function eraseRefusal(
  user: { role: string },
  waiting: {
    caseChanges: number
    photoViews: number
    others: readonly AuthorsUnsentWork[]
  },
  choice: { discardUnsent?: boolean; discardUnsentOf?: readonly string[] },
): UserFacingError | null {
  const { discardUnsent, discardUnsentOf } = choice
  // Someone else's unsent work is theirs: erasing it is a supervisor's decision, made knowing
  // whose it is, and recorded in the audit log.
  if (waiting.others.length > 0 && user.role !== 'supervisor') {
    return new UserFacingError(
      'forbidden',
      t('settings:erase.othersOnlySupervisor', othersWork(waiting.others)),
    )
  }
  const unnamed = waiting.others.filter((o) => !discardUnsentOf?.includes(o.userId))
  if (unnamed.length > 0) {
    return new UserFacingError(
      'unsent-work',
      t('settings:erase.othersConfirm', othersWork(unnamed)),
    )
  }
  const mine = waiting.caseChanges + waiting.photoViews
  if (mine > 0 && !discardUnsent) {
    return new UserFacingError('unsent-work', t('settings:erase.mineConfirm', { count: mine }))
  }
  return null
}
