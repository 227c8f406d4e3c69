// Assembles the core: the cache database, the session, the sync engine and its schedule, the
// API handlers, and (in demo mode) the built-in demo delivery service on 127.0.0.1.
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { createPhotoViewLog } from '../audit/photo-views.ts'
import { createServiceGuard } from '../cache-identity/service-guard.ts'
import type { Logger } from '../common/logger.ts'
import { ensurePrivateDir } from '../common/private-dir.ts'
import { createKnownUsers } from '../db/known-users.ts'
import { DEMO_BASEMAP_FILE } from '../demo-basemap/basemap-file.ts'
import { createDeliveryReader } from '../deliveries/get-delivery.ts'
import { createRedactingLogger } from '../logging/redacting-logger.ts'
import { createProofSheets } from '../proof-sheet/proof-sheets.ts'
import { folderDestination, type ExportDestination } from '../reports/export-jobs.ts'
import type { User } from '../contract/schemas.ts'
import { createRetention, type Retention, type RetentionPolicy } from '../retention/retention.ts'
import { startRetentionSchedule } from '../retention/retention-schedule.ts'
import { createDeliverySearch } from '../search/search-deliveries.ts'
import { createServiceClient } from '../service/service-client.ts'
import { Session } from '../session/session.ts'
import { processLocales, PSEUDO_LOCALE, resolveLanguage } from '../messages/languages.ts'
import { speak } from '../messages/messages.ts'
import { createSettingsStore } from '../settings/settings.ts'
import type { SyncEngine } from '../sync/sync-engine.ts'
import { createUpdateChecker, type UpdateChecker } from '../updates/update-checker.ts'
import type { ApiHandlers, AppSettings, DeliveryDetail } from '../api/definition.ts'
import { guardCache, type UnguardedCore } from './cache-guard.ts'
import { createCaseDesk } from './case-handlers.ts'
import { diagnosticsFacts } from './diagnostics-facts.ts'
import { queueEarlierWork } from './demo-earlier-work.ts'
import { createEvidenceDesk } from './evidence-desk.ts'
import { createMaintenanceDesk } from './maintenance-handlers.ts'
import { createMapDesk, type MapDesk } from './map-handlers.ts'
import { openServiceCache } from './open-service-cache.ts'
import { createOutbox } from './outbox.ts'
import { createPeopleDesk } from './people-desk.ts'
import { createPhotoDesk, type PhotoDesk } from './photo-desk.ts'
import { createPrivacyDesk } from './privacy-handlers.ts'
import { createReportDesk } from './report-handlers.ts'
import { startServiceChoice } from './service-choice.ts'
import { createSessionDesk } from './session-desk.ts'
import { createSyncDesk, type SyncDesk } from './sync-desk.ts'
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
  const { service, serviceUrl, demo, chosen, local, knownUsers, seedKnownUsers } = await openCache(
    options,
    log,
  )
  const { session, client, photoViews, outbox } = await connect(options, log, serviceUrl, local)
  const dataDir = chosen.dir
  const { sqlite } = local
  const currentUser = () => session.currentUser
  const { settingsStore, settings, speakAsSettingsSay } = openSettings(sqlite, options)
  const retentionIntervalMs = options.retentionIntervalMs ?? RETENTION_INTERVAL_MS
  const retention = createRetention({ sqlite, dataDir, policy: () => retentionPolicy(settings()) })
  const evidence = createEvidenceDesk({
    ...{ sqlite, dataDir, log },
    indexThreadFile: options.hashIndexThreadFile,
  })
  const people = createPeopleDesk({ sqlite, listPeople: () => client.listPeople(), log })
  const sync = createSyncDesk({
    ...{ sqlite, dataDir, client, session, outbox, evidence, log, onBackgroundError },
    refreshPeople: () => people.refresh(),
    retention: retentionIntervalMs > 0 ? retention : null,
    // The host may pin the interval (tests and the command line turn the timer off).
    intervalMs: () => options.syncIntervalMs ?? settings().syncIntervalMinutes * 60_000,
    writerThreadFile: options.syncWriterThreadFile,
    onSyncNews: (news) => {
      if (settings().notifyAfterOutage) options.onSyncNews?.(news)
    },
  })
  const { engine } = sync
  const photos = createPhotoDesk({ sqlite, dataDir, photoViews, currentUser })
  const desk = createCaseDesk({ sqlite, currentUser, settings, pushSoon: sync.pushSoon })
  const maps = createMapDesk({
    // Map files and viewed tiles are no service's data: a separate cache shares the folder's.
    dataDir: options.dataDir,
    sqlite,
    settings,
    demoBasemap: demo ? (options.demoBasemapPath ?? DEMO_BASEMAP_FILE) : null,
    chooseMapFile: options.chooseMapFile,
    tileServerOverride: options.tileServer,
    log,
  })
  const exportDestination = options.exportDestination ?? folderDestination(join(dataDir, 'exports'))
  const reports = createReportDesk({
    ...{ sqlite, dbFile: local.file, dataDir, currentUser, log, destination: exportDestination },
    thresholdM: () => settings().locationThresholdM,
  })
  const { passes, privacy } = startPrivacy({
    ...{ sqlite, dataDir, settings, retention, retentionIntervalMs, engine, session, log },
    onBackgroundError,
    eraseHostData: options.eraseHostData,
    afterErase: () => {
      evidence.reset()
      seedKnownUsers()
      maps.eraseViewedTiles()
    },
  })

  const { updates, maintenance } = startMaintenance(options, log, (updates) =>
    diagnosticsFacts({
      ...{ about: options.about, demo, serviceUrl, dataDir, sqlite, session, settings },
      ...{ engine, retention, updates },
    }),
  )
  const sessions = createSessionDesk({
    session,
    client,
    knownUsers,
    tokenStore: options.tokenStore,
    demo,
    serviceUrl,
    demoAccounts: service.demoAccounts,
    afterSignIn: sync.runSoon,
  })

  const { readDelivery, proofSheets } = deliveryReaders({
    ...{ sqlite, settings, desk, photos, currentUser, destination: exportDestination },
  })
  const handlers: UnguardedCore['handlers'] = {
    ...sessions.handlers,
    ...sync.handlers,
    ...deliveryHandlers({ sqlite, settingsStore, speakAsSettingsSay, readDelivery, maps, sync }),
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
    currentUser,
    syncOnce: () => engine.run(),
    close: async () => {
      sync.stopSchedule()
      await reports.close()
      passes.stop()
      updates.stop()
      await engine.stop()
      await retention.idle()
      maps.close()
      await local.close()
      await service.stop?.()
    },
  }
}

/**
 * Retention's passes: at start and on its interval, never beside a sync's photo step (it could
 * remove a file being written). "Remove now" waits for a run to end; a run that starts meanwhile
 * joins the pass in its beforePhotos step.
 */
function startRetentionPasses(options: {
  retention: Retention
  engine: SyncEngine
  retentionIntervalMs: number
  log: Logger
  onBackgroundError: (error: unknown) => void
}) {
  const { retention, engine } = options
  const schedule =
    options.retentionIntervalMs > 0
      ? startRetentionSchedule({
          intervalMs: options.retentionIntervalMs,
          busy: () => engine.running,
          run: () => retention.run(),
          onError: (error) => {
            options.onBackgroundError(error)
            options.log.error('retention pass failed', error)
          },
        })
      : null
  return {
    runNow: async () => {
      while (engine.running) await engine.idle()
      return retention.run()
    },
    stop: () => schedule?.stop(),
  }
}

/** The service (the demo one started here), its cache opened, and the people it knows. */
async function openCache(options: PorchlightOptions, log: Logger) {
  ensurePrivateDir(options.dataDir)
  const service = await startServiceChoice(options.service, log)
  const serviceUrl = service.url
  const { chosen, local } = await openServiceCache({
    dataDir: options.dataDir,
    serviceUrl,
    otherService: options.otherService,
    onRefused: async () => service.stop?.(),
  })
  if (chosen.note) log.info(chosen.note)

  // The contract has no user directory; in the demo we know everyone, so show names.
  const knownUsers = createKnownUsers(local.sqlite)
  const seedKnownUsers = () => {
    for (const a of service.knownUsers)
      knownUsers.remember({ id: a.userId, name: a.name, role: a.role })
  }
  seedKnownUsers()
  const queued = queueEarlierWork(local.sqlite, service.earlierWork)
  if (queued > 0) log.info(`demo: ${queued} case changes made offline wait to be sent`)
  const demo = options.service.kind === 'demo'
  return { service, serviceUrl, demo, chosen, local, knownUsers, seedKnownUsers }
}

/** The session (restored), the service client that carries its token, and the outbox. */
async function connect(
  options: PorchlightOptions,
  log: Logger,
  serviceUrl: string,
  local: { sqlite: BetterSqlite3.Database },
) {
  const { sqlite } = local
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
  return { session, client, photoViews, outbox }
}

/** Updates, diagnostics for support, and opening links. */
function startMaintenance(
  options: PorchlightOptions,
  log: NonNullable<PorchlightOptions['log']>,
  facts: (updates: UpdateChecker) => ReturnType<typeof diagnosticsFacts>,
) {
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
    diagnostics: async () => facts(updates),
  })
  return { updates, maintenance }
}

/**
 * The settings, and the language they choose (or the system's), which the exports, the PDF and
 * the menu speak from now on.
 */
function openSettings(sqlite: BetterSqlite3.Database, options: PorchlightOptions) {
  const settingsStore = createSettingsStore(sqlite)
  const settings = () => settingsStore.get()
  const speakAsSettingsSay = (next: AppSettings) => {
    const speaking = resolveLanguage(
      options.pseudoLocale ? PSEUDO_LOCALE : next.language,
      options.systemLocales ?? processLocales(),
    )
    speak(speaking)
    options.onLanguage?.(speaking)
  }
  speakAsSettingsSay(settings())
  return { settingsStore, settings, speakAsSettingsSay }
}

/** Settings (a change reaches the maps and the sync's schedule), and finding and reading deliveries. */
function deliveryHandlers(options: {
  sqlite: BetterSqlite3.Database
  settingsStore: ReturnType<typeof createSettingsStore>
  speakAsSettingsSay: (settings: AppSettings) => void
  readDelivery: (id: string) => Promise<DeliveryDetail | null>
  maps: MapDesk
  sync: SyncDesk
}): Pick<ApiHandlers, 'getSettings' | 'updateSettings' | 'searchDeliveries' | 'getDelivery'> {
  const { settingsStore } = options
  const search = createDeliverySearch(options.sqlite)
  return {
    getSettings: async () => settingsStore.get(),
    updateSettings: async (patch) => {
      const next = settingsStore.update(patch)
      if (patch.language !== undefined) options.speakAsSettingsSay(next)
      options.maps.settingsChanged(next)
      options.sync.restartSchedule()
      return next
    },
    searchDeliveries: async ({ query, limit, awayFromAddress, reusedPhoto }) =>
      search(query, limit, {
        awayFromAddress,
        reusedPhoto,
        thresholdM: settingsStore.get().locationThresholdM,
      }),
    getDelivery: async ({ id }) => options.readDelivery(id),
  }
}

/** A delivery as its screen reads it, and the proof-of-delivery sheets made from it. */
function deliveryReaders(options: {
  sqlite: BetterSqlite3.Database
  settings: () => AppSettings
  desk: ReturnType<typeof createCaseDesk>
  photos: PhotoDesk
  currentUser: () => User | null
  destination: ExportDestination
}) {
  const { desk } = options
  const read = createDeliveryReader(options.sqlite)
  const readDelivery = async (id: string) =>
    read(id, {
      thresholdM: options.settings().locationThresholdM,
      casesOf: desk.casesOf,
      repeatClaimsOf: desk.repeatClaimsOf,
    })
  const proofSheets = createProofSheets({
    sqlite: options.sqlite,
    currentUser: options.currentUser,
    delivery: readDelivery,
    photoFile: fullPhotoOf(options.photos),
    destination: options.destination,
  })
  return { readDelivery, proofSheets }
}

/** A stored photo's file for the proof-of-delivery sheet, or why not. */
function fullPhotoOf(photos: PhotoDesk) {
  return async (photoId: string) => {
    const file = await photos.resolvePhoto(photoId, { variant: 'full' })
    return file.ok ? file : { ok: false as const, reason: file.reason }
  }
}

/** Retention's passes, and the privacy handlers (retention settings, "Remove now", erasing). */
function startPrivacy(
  options: Omit<Parameters<typeof createPrivacyDesk>[0], 'runRetention' | 'intervalMinutes'> & {
    retentionIntervalMs: number
    onBackgroundError: (error: unknown) => void
  },
) {
  const { retentionIntervalMs, onBackgroundError, ...rest } = options
  const passes = startRetentionPasses({ ...rest, retentionIntervalMs, onBackgroundError })
  const privacy = createPrivacyDesk({
    ...rest,
    runRetention: passes.runNow,
    intervalMinutes: retentionIntervalMs > 0 ? Math.round(retentionIntervalMs / 60_000) : null,
  })
  return { passes, privacy }
}

/** How long photos and deliveries are kept, from the settings. */
function retentionPolicy(settings: AppSettings): RetentionPolicy {
  return { photoDays: settings.photoRetentionDays, deliveryDays: settings.deliveryRetentionDays }
}
