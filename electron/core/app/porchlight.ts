// Assembles the core: the cache database, the session, the sync engine and its schedule, the
// API handlers, and (in demo mode) the built-in demo delivery service on 127.0.0.1.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  UserFacingError,
  type ApiHandlers,
  type Session as SessionView,
} from '../api/definition.ts'
import { createPhotoViewLog } from '../audit/photo-views.ts'
import { IdSchema } from '../contract/schemas.ts'
import { openDatabase } from '../db/open-database.ts'
import { getDelivery } from '../deliveries/get-delivery.ts'
import { photoFilePath, thumbnailPath } from '../photos/photo-files.ts'
import { folderDestination } from '../reports/export-jobs.ts'
import { createDeliverySearch } from '../search/search-deliveries.ts'
import { Session } from '../session/session.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { readSyncReport } from '../sync/sync-report.ts'
import { ServiceError, createServiceClient } from '../sync/service-client.ts'
import { SyncEngine } from '../sync/sync-engine.ts'
import { startSyncSchedule } from '../sync/sync-schedule.ts'
import { createCaseDesk } from './case-handlers.ts'
import { createOutbox } from './outbox.ts'
import { createReportDesk } from './report-handlers.ts'
import type {
  Logger,
  PhotoFile,
  PhotoRequestOptions,
  PorchlightCore,
  PorchlightOptions,
} from './types.ts'

const consoleLogger: Logger = {
  info: (m, d) => console.info(`[porchlight] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[porchlight] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[porchlight] ${m}`, d ?? ''),
}

export async function createPorchlight(options: PorchlightOptions): Promise<PorchlightCore> {
  const log = options.log ?? consoleLogger
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const local = await openDatabase(options.dataDir)
  const { db, sqlite } = local

  let serviceUrl: string
  let demoAccounts: SessionView['demoAccounts'] = []
  let stopDemo: (() => Promise<void>) | null = null
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
    for (const a of demo.DEMO_ACCOUNTS) knowUser.run(a.userId, a.name, a.role)
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
  const engine = new SyncEngine({
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
  })
  const search = createDeliverySearch(sqlite)
  const logSyncError = (error: unknown) => {
    if (!(error instanceof ServiceError)) log.error('sync error', error)
  }
  const settings = createSettingsStore(sqlite)
  const desk = createCaseDesk({
    sqlite,
    currentUser: () => session.currentUser,
    settings: () => settings.get(),
    pushSoon: () => {
      // Only when nothing else is talking to the service: a running sync pushes first anyway.
      if (!engine.running && session.currentUser) outbox.push().catch(logSyncError)
    },
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
    ...reports.handlers,
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
    resolveExport: (jobId) => reports.exportFile(jobId),
    syncOnce: () => engine.run(),
    close: async () => {
      currentSchedule.stop()
      await reports.close()
      await engine.stop()
      await local.close()
      await stopDemo?.()
    },
  }
}
