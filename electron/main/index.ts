// The Electron shell: app lifecycle and wiring. Everything Porchlight does lives in the
// Electron-free core; this file only gives it what differs on the desktop (where data lives, how
// the sign-in is protected, which service to use) and connects it to the window.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, Menu, Notification, safeStorage, screen, session, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import { createPorchlight } from '../core/app/porchlight.ts'
import type { PorchlightCore, ServiceChoice } from '../core/app/types.ts'
import {
  OtherServiceCacheError,
  type OtherServiceChoice,
} from '../core/cache-identity/choose-cache.ts'
import { APP_START_URL, devServerUrlFrom, trustedOriginsFor } from './app-origin.ts'
import { updateFeedFrom } from '../core/updates/update-checker.ts'
import { openInBrowser } from './external-links.ts'
import { createFileLogger } from './file-log.ts'
import { createDialogDestination } from './export-dialog.ts'
import { registerIpcHandlers } from './ipc.ts'
import { createMapFileChooser } from './map-file-dialog.ts'
import { denyAllPermissions, guardWebContents } from './navigation.ts'
import {
  handleAppProtocol,
  handlePhotoProtocol,
  handleTileProtocol,
  registerPrivilegedSchemes,
} from './protocols.ts'
import {
  dataDirOverride,
  demoBasemapPath,
  ensurePrivateDir,
  isInsecureRemote,
  serviceChoiceFrom,
  SettingsError,
} from './settings.ts'
import { createTokenStore } from './token-store.ts'
import { createElectronUpdater } from './updater.ts'
import { createMainWindow } from './window.ts'
import { askAboutOtherService } from './other-service-dialog.ts'
import { applicationMenu, sendMenuCommand } from './app-menu.ts'
import { MENU_PLACES } from '../core/api/menu-schemas.ts'
import { reportProblem } from './report-problem.ts'
import { createSyncNotifier } from './sync-notifications.ts'
import { keepWindowState, placeWindow, readWindowState } from './window-state.ts'
import { rememberSpokenLanguage, speakAsLastTime } from './shell-language.ts'
import { t } from '../core/messages/messages.ts'
import { createLinkOpener, listenForLinks, registerLinkScheme, showHashIn } from './open-links.ts'

/** How long quitting waits for the core to finish writing before it gives up on it. */
const CORE_CLOSE_TIMEOUT_MS = 10_000

// This file is bundled to out/main/index.js; its siblings are out/preload and out/renderer.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const preloadPath = join(outDir, 'preload', 'index.cjs')
const rendererRoot = join(outDir, 'renderer')
const syncWriterThreadFile = join(outDir, 'main', 'page-writer-thread.js')
const hashIndexThreadFile = join(outDir, 'main', 'hash-index-thread.js')

const { log, file: logFile } = createFileLogger({ console: !app.isPackaged })
const devServerUrl = devServerUrlFrom(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)
const trustedOrigins = trustedOriginsFor(devServerUrl)

let core: PorchlightCore | null = null
let coreStarting: Promise<PorchlightCore | null> | null = null
let removeIpcHandlers: (() => void) | null = null
let mainWindow: BrowserWindow | null = null
let shutdown: 'running' | 'closing' | 'done' = 'running'

async function failStartup(error: unknown): Promise<void> {
  const detail = error instanceof SettingsError ? error.message : t('shell:startFailed')
  if (!(error instanceof SettingsError)) log.error('startup failed', error)
  shutdown = 'closing'
  await closeCore().catch((closeError: unknown) =>
    log.error('closing after a failed start', closeError),
  )
  shutdown = 'done'
  dialog.showErrorBox(t('app:name'), detail)
  app.exit(1)
}

/** porchlight:// links from other programs; they wait while the console starts. */
const links = createLinkOpener({
  canShow: () => core !== null && shutdown === 'running',
  show: showPlace,
  dialog,
  log,
})

/** Shows one of the console's places (`#/cases`), in the window or a new one. */
function showPlace(hash: string): void {
  if (mainWindow === null) openMainWindow(hash)
  else showHashIn(mainWindow, hash, log)
}

/**
 * The application menu, in the language the core speaks: its places move the page, its commands
 * go to the page. Set again when Settings change the language.
 */
const setApplicationMenu = applicationMenu(Menu, {
  platform: process.platform,
  packaged: app.isPackaged,
  actions: {
    go: (place) => showPlace(MENU_PLACES[place]),
    command: (command) => {
      if (mainWindow !== null) sendMenuCommand(mainWindow, command, log)
    },
    reportProblem: () => {
      const running = core
      if (running === null) return
      void reportProblem({
        dialog,
        shell,
        window: () => mainWindow,
        diagnostics: () => running.handlers.getDiagnostics(undefined),
        defaultFolder: app.getPath('downloads'),
        log,
      })
    },
  },
})

/** A second launch without a link: show the window we have (or open it again on macOS). */
function showTheWindow(): void {
  if (mainWindow === null) {
    if (core !== null && shutdown === 'running') openMainWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

/** Opens the console's window, at `hash` (`#/case/…`) when a link asked for a place. */
function openMainWindow(hash = ''): void {
  const dataDir = app.getPath('userData')
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const window = createMainWindow({
    preloadPath,
    startUrl: `${devServerUrl ?? APP_START_URL}${hash}`,
    placement: placeWindow(readWindowState(dataDir, log), workAreas),
    log,
  })
  keepWindowState(window, dataDir, log)
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
}

async function startCore(
  service: ServiceChoice,
  otherService: OtherServiceChoice,
): Promise<PorchlightCore | null> {
  const dataDir = app.getPath('userData')
  await ensurePrivateDir(dataDir)
  const tokenStore = await createTokenStore({ dir: dataDir, safeStorage, log })
  const started = await createPorchlight({
    dataDir,
    service,
    tokenStore,
    otherService,
    log,
    demoBasemapPath: demoBasemapPath({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
    chooseMapFile: createMapFileChooser(() => mainWindow),
    systemLocales: app.getPreferredSystemLanguages(),
    onLanguage: (speaking) => {
      rememberSpokenLanguage(dataDir, speaking, log)
      if (core !== null) setApplicationMenu()
    },
    onSyncNews: createSyncNotifier({
      Notification,
      show: (hash) => {
        if (mainWindow) showHashIn(mainWindow, hash, log)
      },
      log,
    }),
    syncWriterThreadFile,
    hashIndexThreadFile,
    logFile,
    exportDestination: createDialogDestination({
      dialog,
      shell,
      window: () => mainWindow,
      defaultFolder: app.getPath('downloads'),
    }),
    openExternal: openInBrowser,
    updates: {
      updater: app.isPackaged ? createElectronUpdater(log) : null,
      feedUrl: updateFeed(),
      packaged: app.isPackaged,
    },
    about: {
      version: app.getVersion(),
      runtime: {
        electron: process.versions.electron ?? '',
        chromium: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    },
    // Chromium's own caches may hold map tiles and page data of customers' records.
    eraseHostData: async () => {
      await session.defaultSession.clearCache()
      await session.defaultSession.clearStorageData()
    },
  })
  if (shutdown !== 'running') {
    // Quit was asked for while the core was starting: let it go straight away.
    await started.close()
    return null
  }
  return started
}

/** The update feed from PORCHLIGHT_UPDATE_URL; a bad value turns updates off and is logged. */
function updateFeed(): string | null {
  try {
    return updateFeedFrom(process.env)
  } catch (error) {
    log.warn(`updates are off: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

async function start(service: ServiceChoice): Promise<void> {
  denyAllPermissions(session.defaultSession)
  handleAppProtocol(rendererRoot, log)

  coreStarting = startCore(service, 'refuse')
  const started = await coreStarting.catch(async (error: unknown) => {
    // The data folder was filled from another delivery service: the person decides.
    if (!(error instanceof OtherServiceCacheError)) throw error
    log.warn(error.message)
    if ((await askAboutOtherService(dialog, error)) === 'quit') return null
    coreStarting = startCore(service, 'separate')
    return coreStarting
  })
  if (started === null && shutdown === 'running') {
    shutdown = 'done'
    app.quit()
    return
  }
  // A quit that arrived meanwhile owns the core now (closeCore); start nothing more.
  if (started === null || shutdown !== 'running') return
  if (started.cache.note) log.info(started.cache.note)
  core = started
  handlePhotoProtocol((photoId, asked) => started.resolvePhoto(photoId, asked), trustedOrigins, log)
  handleTileProtocol((address) => started.getTile(address), trustedOrigins, log)
  removeIpcHandlers = registerIpcHandlers({ core: started, trustedOrigins, log })
  setApplicationMenu()
  openMainWindow(links.takeWaiting() ?? '')
  log.info(
    `started with ${service.kind === 'demo' ? 'the built-in demo service' : service.url}` +
      `${devServerUrl === null ? '' : ` (renderer from ${devServerUrl})`}`,
  )
}

async function closeCore(): Promise<void> {
  const running = core ?? (await coreStarting?.catch(() => null)) ?? null
  core = null
  removeIpcHandlers?.()
  removeIpcHandlers = null
  if (running === null) return
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`core did not close within ${CORE_CLOSE_TIMEOUT_MS} ms`)),
      CORE_CLOSE_TIMEOUT_MS,
    )
  })
  try {
    await Promise.race([running.close(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function main(): void {
  // Both must happen before `ready`.
  registerPrivilegedSchemes()
  app.enableSandbox()

  let service: ServiceChoice
  try {
    service = serviceChoiceFrom(process.env)
    const dataDir = dataDirOverride(process.env)
    // Moving userData (not just our files) also keys the single-instance lock and Chromium's own
    // caches to that folder, so two instances with different data folders can run side by side.
    if (dataDir !== null) app.setPath('userData', dataDir)
    // The dialogs before the core has read the settings speak the language spoken last time.
    speakAsLastTime(app.getPath('userData'), app.getPreferredSystemLanguages())
  } catch (error) {
    void failStartup(error)
    return
  }
  if (isInsecureRemote(service)) {
    log.warn(
      'the delivery service URL uses plain http: sign-in and customer data are not encrypted',
    )
  }

  if (!app.requestSingleInstanceLock()) {
    // Another Porchlight owns this data folder; it has been told to show itself.
    app.quit()
    return
  }
  // porchlight:// links: this launch's own, macOS's open-url, and later launches' (they exit).
  listenForLinks(app, process.argv, (link) => links.open(link), showTheWindow)

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, trustedOrigins, log)
  })
  // Crashes are logged (the reason and exit code; never the page's contents).
  app.on('render-process-gone', (_event, _contents, details) => {
    log.error(`the window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`)
  })
  app.on('child-process-gone', (_event, details) => {
    log.error(
      `a ${details.type} process stopped: ${details.reason} (exit code ${details.exitCode})`,
    )
  })

  app.on('window-all-closed', () => {
    // macOS apps stay running without windows until the person quits them.
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (mainWindow === null && core !== null && shutdown === 'running') openMainWindow()
  })

  app.on('before-quit', (event) => {
    if (shutdown === 'done') return
    // Hold the quit until the core has finished its writes (outbox, sync cursor) and closed SQLite.
    event.preventDefault()
    if (shutdown === 'closing') return
    shutdown = 'closing'
    closeCore()
      .catch((error: unknown) => log.error('the core did not close cleanly', error))
      .finally(() => {
        shutdown = 'done'
        app.quit()
      })
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => app.quit())
  }

  app
    .whenReady()
    .then(() => {
      registerLinkScheme(app, process.argv, process.execPath, log)
      return start(service)
    })
    .catch(failStartup)
}

main()
