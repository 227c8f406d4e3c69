// Assembles the core: the cache database, the session, the sync engine and its schedule, the
// API handlers, and (in demo mode) the built-in demo delivery service on 127.0.0.1.
import { existsSync } from 'node:fs'
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'
import {
  UserFacingError,
  type ApiHandlers,
  type Session as SessionView,
} from '../api/definition.ts'
import { serviceWaitWords } from '../api/service-wait.ts'
import { auditLogSummary } from '../audit/audit-log.ts'
import { createPhotoViewLog } from '../audit/photo-views.ts'
import { IdSchema } from '../contract/schemas.ts'
import { openDatabase } from '../db/open-database.ts'
import { getDelivery } from '../deliveries/get-delivery.ts'
import { photoFilePath, thumbnailPath } from '../photos/photo-files.ts'
import { folderDestination } from '../reports/export-jobs.ts'
import { createRedactingLogger } from '../logging/redacting-logger.ts'
import { ensurePrivateDir } from '../privacy/private-dir.ts'
import { createRetention } from '../retention/retention.ts'
import { startRetentionSchedule } from '../retention/retention-schedule.ts'
import { createDeliverySearch } from '../search/search-deliveries.ts'
import { Session } from '../session/session.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { readSyncReport } from '../sync/sync-report.ts'
import { ServiceError, createServiceClient } from '../sync/service-client.ts'
import { SyncEngine } from '../sync/sync-engine.ts'
import { startSyncSchedule } from '../sync/sync-schedule.ts'
import { createUpdateChecker } from '../updates/update-checker.ts'
import { DEMO_BASEMAP_FILE } from '../demo-basemap/basemap-file.ts'
import { createCaseDesk } from './case-handlers.ts'
import { createMaintenanceDesk, describeUpdate } from './maintenance-handlers.ts'
import { createMapDesk } from './map-handlers.ts'
import { createPrivacyDesk } from './privacy-handlers.ts'
import { createOutbox } from './outbox.ts'
import { createReportDesk } from './report-handlers.ts'
import type { PhotoFile, PhotoRequestOptions, PorchlightCore, PorchlightOptions } from './types.ts'

/** Retention runs at start and then hourly (and before each sync's photo step). */
const RETENTION_INTERVAL_MS = 60 * 60_000

/** Without a host logger: redacted lines on stderr. */
const consoleLogger = () =>
  createRedactingLogger((level, line) => console.error(`[porchlight] ${level} ${line}`))

export async function createPorchlight(options: PorchlightOptions): Promise<PorchlightCore> {
  const log: NonNullable<PorchlightOptions['log']> = options.log ?? consoleLogger()
  ensurePrivateDir(options.dataDir)
  const local = await openDatabase(options.dataDir)
  const { db, sqlite } = local

  let serviceUrl: string
  let demoAccounts: SessionView['demoAccounts'] = []
  let stopDemo: (() => Promise<void>) | null = null
  let seedKnownUsers = () => {}
  if (options.service.kind === 'demo') {
    // Loaded only in demo mode; the demo world draws its photos with sharp.
    const demo = await import('../demo-service/index.ts')
    const service = await demo.startDemoService({
      seed: options.service.seed,
      deliveries: options.service.deliveries,
      // Render the demo photos in the background from the start, so the first sync finds most
      // of them ready instead of waiting for each page's photos to be drawn.
      warmPhotoCache: true,
    })
    serviceUrl = service.url
    stopDemo = () => service.close()
    demoAccounts = demo.DEMO_ACCOUNTS.map(({ username, password, role }) => ({
      username,
      password,
      role,
    }))
    log.info(`demo delivery service on ${service.url}`)
    // The contract has no user directory; in the demo we know everyone, so show names.
    const knowUser = sqlite.prepare(
      'INSERT OR REPLACE INTO known_users (id, name, role) VALUES (?, ?, ?)',
    )
    seedKnownUsers = () => {
      for (const a of demo.DEMO_ACCOUNTS) knowUser.run(a.userId, a.name, a.role)
    }
    seedKnownUsers()
  } else {
    serviceUrl = options.service.url
  }

  const session = new Session(sqlite, options.tokenStore, log)
  await session.restore()
  const client = createServiceClient({ baseUrl: serviceUrl, getToken: () => session.currentToken })
  const photoViews = createPhotoViewLog(sqlite)
  const outbox = createOutbox({
    sqlite,
    client,
    photoViews,
    currentUserId: () => session.currentUser?.id ?? null,
  })
  const settings = createSettingsStore(sqlite)
  const retentionIntervalMs = options.retentionIntervalMs ?? RETENTION_INTERVAL_MS
  const retention = createRetention({
    sqlite,
    dataDir: options.dataDir,
    policy: () => {
      const current = settings.get()
      return { photoDays: current.photoRetentionDays, deliveryDays: current.deliveryRetentionDays }
    },
  })
  const engine = new SyncEngine({
    // Photos retention would remove are marked before the photo step, so they are never fetched.
    beforePhotos: retentionIntervalMs > 0 ? () => retention.run() : undefined,
    pushQueued: () => outbox.push(),
    countPending: () => outbox.pendingCount(),
    sqlite,
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
    writerThreadFile: options.syncWriterThreadFile,
  })
  const search = createDeliverySearch(sqlite)
  const logSyncError = (error: unknown) => {
    if (!(error instanceof ServiceError)) log.error('sync error', error)
  }
  const desk = createCaseDesk({
    sqlite,
    currentUser: () => session.currentUser,
    settings: () => settings.get(),
    pushSoon: () => {
      // Only when nothing else is talking to the service: a running sync pushes first anyway.
      if (!engine.running && session.currentUser) outbox.push().catch(logSyncError)
    },
  })
  const maps = createMapDesk({
    dataDir: options.dataDir,
    sqlite,
    settings: () => settings.get(),
    demoBasemap:
      options.service.kind === 'demo' ? (options.demoBasemapPath ?? DEMO_BASEMAP_FILE) : null,
    chooseMapFile: options.chooseMapFile,
    tileServerOverride: options.tileServer,
    log,
  })
  const reports = createReportDesk({
    sqlite,
    dbFile: local.file,
    dataDir: options.dataDir,
    currentUser: () => session.currentUser,
    thresholdM: () => settings.get().locationThresholdM,
    destination: options.exportDestination ?? folderDestination(join(options.dataDir, 'exports')),
    log,
  })
  const rememberUser = sqlite.prepare(
    'INSERT INTO known_users (id, name, role) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role',
  )
  // The host may pin the interval (tests and the command line turn the timer off).
  const intervalMs = () => options.syncIntervalMs ?? settings.get().syncIntervalMinutes * 60_000
  const schedule = (runNow: boolean) =>
    startSyncSchedule({
      runNow,
      engine,
      canSync: () => session.currentUser !== null,
      intervalMs: intervalMs(),
      onError: logSyncError,
    })
  let currentSchedule = schedule(true)

  // A pass never overlaps a sync's photo step (it could remove a file being written): it waits
  // for a run to end; a run that starts meanwhile joins the pass in its beforePhotos step.
  const runRetention = async () => {
    while (engine.running) await engine.idle()
    return retention.run()
  }
  const retentionSchedule =
    retentionIntervalMs > 0
      ? startRetentionSchedule({
          intervalMs: retentionIntervalMs,
          busy: () => engine.running,
          run: () => retention.run(),
          onError: (error) => log.error('retention pass failed', error),
        })
      : null
  const privacy = createPrivacyDesk({
    sqlite,
    dataDir: options.dataDir,
    settings: () => settings.get(),
    retention,
    runRetention,
    intervalMinutes: retentionIntervalMs > 0 ? Math.round(retentionIntervalMs / 60_000) : null,
    engine,
    session,
    log,
    eraseHostData: options.eraseHostData,
    afterErase: () => {
      seedKnownUsers()
      maps.eraseViewedTiles()
    },
  })

  const updates = createUpdateChecker({
    updater: options.updates?.updater ?? null,
    feedUrl: options.updates?.feedUrl ?? null,
    packaged: options.updates?.packaged ?? false,
    demo: options.service.kind === 'demo',
    log,
  })
  updates.start()
  const maintenance = createMaintenanceDesk({
    logFile: options.logFile ?? null,
    recentLogLines: () => log.recentLines?.(60) ?? [],
    openExternal: options.openExternal,
    updates,
    log,
    diagnostics: async () => {
      const status = engine.status()
      const last = retention.lastRun()
      const user = session.currentUser
      return {
        app: {
          name: 'Porchlight',
          version: options.about?.version ?? 'development',
          runtime: options.about?.runtime ?? { node: process.versions.node },
          platform: platform(),
          arch: arch(),
          osRelease: release(),
          locale: Intl.DateTimeFormat().resolvedOptions().locale,
        },
        session: {
          signedIn: user !== null,
          role: user?.role ?? null,
          demo: options.service.kind === 'demo',
          serviceUrl,
        },
        settings: settings.get(),
        sync: status,
        retention: last
          ? {
              lastRunAt: last.at,
              photosPurged: last.photosPurged,
              deliveriesPurged: last.deliveriesPurged,
            }
          : null,
        // Verifying walks the whole chain; the count is enough here (the CLI verifies).
        audit: { entries: auditLogSummary(sqlite).entries, intact: null },
        update: describeUpdate(updates.status()),
        dataDir: options.dataDir,
      }
    },
  })

  const sessionView = (): SessionView => ({
    user: session.currentUser,
    demo: options.service.kind === 'demo',
    serviceUrl,
    notice: options.tokenStore.notice ?? null,
    demoAccounts,
  })

  const requireUser = () => {
    if (!session.currentUser) throw new UserFacingError('signed-out', 'Please sign in first.')
  }

  const handlers: ApiHandlers = {
    getSession: async () => sessionView(),
    signIn: async ({ username, password }) => {
      try {
        const login = await client.login(username, password)
        await session.signedIn(login.token, login.user, { username, password })
        rememberUser.run(login.user.id, login.user.name, login.user.role)
      } catch (error) {
        if (error instanceof ServiceError) {
          if (error.kind === 'unauthorized') {
            throw new UserFacingError('bad-credentials', 'The user name or password is not right.')
          }
          if (error.kind === 'unreachable') {
            throw new UserFacingError(
              'offline',
              'The delivery service cannot be reached, so you cannot sign in right now. Check the network and try again.',
            )
          }
          const wait = error.kind === 'busy' ? client.serviceWait.now() : null
          if (wait) {
            throw new UserFacingError(
              'service-busy',
              `${serviceWaitWords(wait.until)}. Please sign in after that.`,
            )
          }
          throw new UserFacingError('sign-in-failed', `Sign-in failed: ${error.message}`)
        }
        throw error
      }
      engine.run().catch(logSyncError)
      return sessionView()
    },
    signOut: async () => {
      await session.signOut()
      return sessionView()
    },
    getSyncStatus: async () => engine.status(),
    syncNow: async () => {
      requireUser()
      engine.run().catch(logSyncError)
      return engine.status()
    },
    getSyncReport: async () => {
      requireUser()
      return readSyncReport(db)
    },
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const next = settings.update(patch)
      maps.settingsChanged(next)
      currentSchedule.stop()
      currentSchedule = schedule(false)
      return next
    },
    searchDeliveries: async ({ query, limit, awayFromAddress }) => {
      requireUser()
      return search(query, limit, {
        awayFromAddress,
        thresholdM: settings.get().locationThresholdM,
      })
    },
    getDelivery: async ({ id }) => {
      requireUser()
      return getDelivery(db, id, {
        thresholdM: settings.get().locationThresholdM,
        casesOf: desk.casesOf,
        repeatClaimsOf: desk.repeatClaimsOf,
      })
    },
    ...desk.handlers,
    ...maps.handlers,
    ...reports.handlers,
    ...privacy.handlers,
    ...maintenance.handlers,
  }

  const photoLookup = sqlite.prepare<
    [string],
    {
      sha256: string
      content_type: string
      state: string
      display_error: string | null
      has_thumbnail: number
      delivery_id: string
      photo_withheld: string | null
    }
  >(
    `SELECT p.sha256, p.content_type, p.state, p.display_error, p.has_thumbnail, p.delivery_id,
       d.photo_withheld FROM delivery_photos p
     JOIN deliveries d ON d.id = p.delivery_id WHERE p.id = ?`,
  )

  async function resolvePhoto(
    photoId: string,
    asked: PhotoRequestOptions = {},
  ): Promise<PhotoFile> {
    if (!IdSchema.safeParse(photoId).success)
      return { ok: false, status: 400, reason: 'Not a photo id.' }
    const user = session.currentUser
    if (!user) return { ok: false, status: 403, reason: 'Please sign in first.' }
    const row = photoLookup.get(photoId)
    if (!row) return { ok: false, status: 404, reason: 'No such photo in the local cache.' }
    if (row.photo_withheld !== null) {
      return { ok: false, status: 403, reason: 'Photos of this delivery are withheld.' }
    }
    if (row.state !== 'stored')
      return { ok: false, status: 404, reason: 'The photo has not been downloaded.' }
    if (row.display_error !== null) return { ok: false, status: 404, reason: row.display_error }
    if (asked.variant === 'thumbnail') {
      const thumb = thumbnailPath(options.dataDir, row.sha256)
      if (row.has_thumbnail !== 1 || !existsSync(thumb)) {
        return { ok: false, status: 404, reason: 'This photo has no thumbnail.' }
      }
      return { ok: true, path: thumb, contentType: 'image/webp', sha256: row.sha256 }
    }
    const path = photoFilePath(options.dataDir, row.sha256)
    if (!existsSync(path)) return { ok: false, status: 404, reason: 'The photo file is missing.' }
    // The full photo is what an agent looks at: who saw it, and for which case, is recorded.
    photoViews.record({
      photoId,
      deliveryId: row.delivery_id,
      caseId: asked.caseId ?? null,
      userId: user.id,
    })
    return { ok: true, path, contentType: row.content_type, sha256: row.sha256 }
  }

  return {
    handlers,
    resolvePhoto,
    getTile: (address) => maps.getTile(address),
    resolveExport: (jobId) => reports.exportFile(jobId),
    syncOnce: () => engine.run(),
    close: async () => {
      currentSchedule.stop()
      await reports.close()
      retentionSchedule?.stop()
      updates.stop()
      await engine.stop()
      await retention.idle()
      maps.close()
      await local.close()
      await stopDemo?.()
    },
  }
}
