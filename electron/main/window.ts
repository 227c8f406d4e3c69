// The main window: locked-down web preferences, shown once the first paint is ready.
import { BrowserWindow, nativeTheme } from 'electron'
import type { Logger } from '../core/common/logger.ts'
import { t } from '../core/messages/messages.ts'
import { MIN_SIZE, type Placement } from './window-state.ts'

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string
  /** `app://porchlight/index.html`, or the Vite dev server in `electron-vite dev`. */
  startUrl: string
  /** Where it opens and how big (window-state.ts). */
  placement: Placement
  log: Logger
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    // Until the page's own title (src/app/App.tsx) takes over.
    title: t('app:name'),
    ...(options.placement.x === undefined
      ? {}
      : { x: options.placement.x, y: options.placement.y }),
    width: options.placement.width,
    height: options.placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    // The theme's page background (src/app/theme.ts), so there is no flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1419' : '#f4f6f8',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise ask for a new window; those are refused anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize()
    window.show()
  })
  window.loadURL(options.startUrl).catch((error: unknown) => {
    options.log.error(`window: could not load ${options.startUrl}`, error)
  })
  return window
}
