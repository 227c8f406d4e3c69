// Assembles the core: the cache database, the session, the sync engine and its schedule, the
// API handlers, and (in demo mode) the built-in demo delivery service on 127.0.0.1.
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'
import { type Session as SessionView } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import { serviceWaitWords } from '../api/service-wait-schemas.ts'
import { auditLogSummary } from '../audit/audit-log.ts'
import {
  holdsServiceData,
  readCacheOwner,
  recordCacheOwner,
} from '../cache-identity/cache-owner.ts'
import { chooseCache } from '../cache-identity/choose-cache.ts'
import { createServiceGuard } from '../cache-identity/service-guard.ts'
import { createPhotoViewLog } from '../audit/photo-views.ts'
import { createKnownUsers } from '../db/known-users.ts'
import { openDatabase } from '../db/open-database.ts'
import { getDelivery } from '../deliveries/get-delivery.ts'
import { createProofSheets } from '../proof-sheet/proof-sheets.ts'
import { folderDestination } from '../reports/export-jobs.ts'
import { createRedactingLogger } from '../logging/redacting-logger.ts'
import { ensurePrivateDir } from '../common/private-dir.ts'
import { createRetention } from '../retention/retention.ts'
import { startRetentionSchedule } from '../retention/retention-schedule.ts'
import { createDeliverySearch } from '../search/search-deliveries.ts'
import { Session } from '../session/session.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { readSyncReport } from '../sync/sync-report.ts'
import { ServiceError, createServiceClient } from '../service/service-client.ts'
import { SyncEngine } from '../sync/sync-engine.ts'
import { startSyncSchedule } from '../sync/sync-schedule.ts'
import { createUpdateChecker } from '../updates/update-checker.ts'
import { DEMO_BASEMAP_FILE } from '../demo-basemap/basemap-file.ts'
import { guardCache, type UnguardedCore } from './cache-guard.ts'
import { createCaseDesk } from './case-handlers.ts'
import { createEvidenceDesk } from './evidence-desk.ts'
import { createMaintenanceDesk, describeUpdate } from './maintenance-handlers.ts'
import { createMapDesk } from './map-handlers.ts'
import { createPhotoDesk } from './photo-desk.ts'
import { createPeopleDesk } from './people-desk.ts'
import { createPrivacyDesk } from './privacy-handlers.ts'
import { createOutbox } from './outbox.ts'
import { createReportDesk } from './report-handlers.ts'
import type { PorchlightCore, PorchlightOptions } from './types.ts'

/** Retention runs at start and then hourly (and before each sync's photo step). */
const RETENTION_INTERVAL_MS = 60 * 60_000

/** Without a host logger: redacted lines on stderr. */
const consoleLogger = () =>
  createRedactingLogger((level, line) => console.error(`[porchlight] ${level} ${line}`))

export async function createPorchlight(options: PorchlightOptions): Promise<PorchlightCore> {
  const log: NonNullable<PorchlightOptions['log']> = options.log ?? consoleLogger()
  // The guard builds the core again when the cache must be recovered (app/cache-guard.ts).
  return guardCache({ log }, (onBackgroundError) => createCore(options, log, onBackgroundError))
}

async function createCore(
  options: PorchlightOptions,
  log: NonNullable<PorchlightOptions['log']>,
  onBackgroundError: (error: unknown) => void,
): Promise<UnguardedCore> {
  ensurePrivateDir(options.dataDir)

  let serviceUrl: string
  let demoAccounts: SessionView['demoAccounts'] = []
  let stopDemo: (() => Promise<void>) | null = null
  let knownDemoUsers: ReadonlyArray<{ userId: string; name: string; role: string }> = []
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
    knownDemoUsers = demo.DEMO_ACCOUNTS
  } else {
    serviceUrl = options.service.url
  }

  // The cache of this data folder that was filled from this service (cache-identity/). The
  // service is asked what it is briefly: offline, the console still opens its cache (by address).
  const probe = () =>
    createServiceClient({ baseUrl: serviceUrl, getToken: () => null }).describe(3_000)
  let chosen
  try {
    chosen = await chooseCache({
      dataDir: options.dataDir,
      url: serviceUrl,
      probe,
      otherService: options.otherService,
    })
  } catch (error) {
    await stopDemo?.()
    throw error
  }
  const dataDir = chosen.dir
  if (chosen.note) log.info(chosen.note)
  const local = await openDatabase(dataDir)
  const { db, sqlite } = local
  // Empty, or made before caches recorded their service: this service's from now on. Otherwise
  // it is this service's already, and learns the address it is reached at now.
  // (With its identity where it states one: the built-in demo service is at a new port each time.)
  if (!readCacheOwner(sqlite) || !holdsServiceData(sqlite) || chosen.probe?.reached)
    recordCacheOwner(sqlite, serviceUrl, chosen.probe ?? (await probe()))

  // The contract has no user directory; in the demo we know everyone, so show names.
  const knownUsers = createKnownUsers(sqlite)
  const seedKnownUsers = () => {
    for (const a of knownDemoUsers)
      knownUsers.remember({ id: a.userId, name: a.name, role: a.role })
  }
  seedKnownUsers()

  const session = new Session(sqlite, options.tokenStore, log, {
    remember: options.rememberSignIn ?? true,
  })
  await session.restore()
  const client = createServiceClient({ baseUrl: serviceUrl, getToken: () => session.currentToken })
  const guard = createServiceGuard({ sqlite, url: serviceUrl, client })
  const photoViews = createPhotoViewLog(sqlite)
  const outbox = createOutbox({
    sqlite,
    client,
    photoViews,
    currentUserId: () => session.currentUser?.id ?? null,
    // Every push (the first step of every sync run, too): the service must still be the one this
    // cache was filled from, or nothing is sent and nothing pulled.
    beforePush: () => guard.verify(),
  })
  const settings = createSettingsStore(sqlite)
  const retentionIntervalMs = options.retentionIntervalMs ?? RETENTION_INTERVAL_MS
  const retention = createRetention({
    sqlite,
    dataDir,
    policy: () => {
      const current = settings.get()
      return { photoDays: current.photoRetentionDays, deliveryDays: current.deliveryRetentionDays }
    },
  })
  const evidence = createEvidenceDesk({ sqlite, dataDir })
  const people = createPeopleDesk({ sqlite, listPeople: () => client.listPeople(), log })
  const engine = new SyncEngine({
    onPhotoHashed: evidence.onPhotoHashed,
    afterPhotos: evidence.afterPhotos,
    // Photos retention would remove are marked before the photo step, so they are never fetched.
    // The directory of people is read after the pull, so the names of the people the new
    // records carry are at hand.
    beforePhotos: async () => {
      await people.refresh()
      if (retentionIntervalMs > 0) await retention.run()
    },
    pushQueued: () => outbox.push(),
    countPending: () => outbox.pendingCount(),
    waitingForOthers: () => outbox.waitingForOthers(),
    sqlite,
    dataDir,
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
  const photos = createPhotoDesk({
    sqlite,
    dataDir,
    photoViews,
    currentUser: () => session.currentUser,
  })
  const logSyncError = (error: unknown) => {
    onBackgroundError(error)
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
    // Map files and viewed tiles are no service's data: a separate cache shares the folder's.
    dataDir: options.dataDir,
    sqlite,
    settings: () => settings.get(),
    demoBasemap:
      options.service.kind === 'demo' ? (options.demoBasemapPath ?? DEMO_BASEMAP_FILE) : null,
    chooseMapFile: options.chooseMapFile,
    tileServerOverride: options.tileServer,
    log,
  })
  const exportDestination = options.exportDestination ?? folderDestination(join(dataDir, 'exports'))
  const reports = createReportDesk({
    sqlite,
    dbFile: local.file,
    dataDir,
    currentUser: () => session.currentUser,
    thresholdM: () => settings.get().locationThresholdM,
    destination: exportDestination,
    log,
  })
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
          onError: (error) => {
            onBackgroundError(error)
            log.error('retention pass failed', error)
          },
        })
      : null
  const privacy = createPrivacyDesk({
    sqlite,
    dataDir,
    settings: () => settings.get(),
    retention,
    runRetention,
    intervalMinutes: retentionIntervalMs > 0 ? Math.round(retentionIntervalMs / 60_000) : null,
    engine,
    session,
    log,
    eraseHostData: options.eraseHostData,
    afterErase: () => {
      evidence.reset()
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
        dataDir,
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

  const proofSheets = createProofSheets({
    sqlite,
    currentUser: () => session.currentUser,
    delivery: (id) =>
      getDelivery(db, id, {
        thresholdM: settings.get().locationThresholdM,
        casesOf: desk.casesOf,
        repeatClaimsOf: desk.repeatClaimsOf,
      }),
    photoFile: async (photoId) => {
      const file = await photos.resolvePhoto(photoId, { variant: 'full' })
      return file.ok ? file : { ok: false, reason: file.reason }
    },
    destination: exportDestination,
  })
  const handlers: UnguardedCore['handlers'] = {
    getSession: async () => sessionView(),
    signIn: async ({ username, password }) => {
      try {
        const login = await client.login(username, password)
        await session.signedIn(login.token, login.user, { username, password })
        knownUsers.remember(login.user)
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
      engine.run().catch(logSyncError)
      return engine.status()
    },
    getSyncReport: async () => {
      return readSyncReport(sqlite)
    },
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const next = settings.update(patch)
      maps.settingsChanged(next)
      currentSchedule.stop()
      currentSchedule = schedule(false)
      return next
    },
    searchDeliveries: async ({ query, limit, awayFromAddress, reusedPhoto }) => {
      return search(query, limit, {
        awayFromAddress,
        reusedPhoto,
        thresholdM: settings.get().locationThresholdM,
      })
    },
    getDelivery: async ({ id }) => {
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
    ...photos.handlers,
    ...evidence.handlers,
    ...people.handlers,
    ...proofSheets.handlers,
  }

  return {
    handlers,
    cache: { dir: dataDir, note: chosen.note },
    sqlite,
    recovery: local.recovery,
    resolvePhoto: photos.resolvePhoto,
    getTile: (address) => maps.getTile(address),
    resolveExport: (jobId) => reports.exportFile(jobId),
    currentUser: () => session.currentUser,
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
