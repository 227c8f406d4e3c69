// The window's web preferences are the locked-down ones SECURITY.md lists, and the updater
// adapter drives electron-updater as the core expects. Electron and electron-updater are replaced.
import { describe, expect, it, vi } from 'vitest'

const fakes = vi.hoisted(() => {
  const windows: Array<{ options: Record<string, unknown>; loaded: string[] }> = []
  class BrowserWindow {
    options: Record<string, unknown>
    loaded: string[] = []
    constructor(options: Record<string, unknown>) {
      this.options = options
      windows.push(this)
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
  }
  return { windows, BrowserWindow }
})
vi.mock('electron', () => ({
  BrowserWindow: fakes.BrowserWindow,
  nativeTheme: { shouldUseDarkColors: false },
}))

const updater = vi.hoisted(() => {
  const listeners = new Map<string, Array<(arg: unknown) => void>>()
  const autoUpdater = {
    on(event: string, listener: (arg: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
    },
    emit(event: string, arg: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(arg)
    },
    logger: null as unknown,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: true,
    allowDowngrade: true,
    feeds: [] as unknown[],
    setFeedURL(options: unknown) {
      this.feeds.push(options)
    },
    checkForUpdates: vi.fn(),
    quitAndInstall: vi.fn(),
  }
  return { autoUpdater }
})
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater.autoUpdater } }))

const { createMainWindow } = await import('../../electron/main/window.ts')
const { createElectronUpdater } = await import('../../electron/main/updater.ts')
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

describe('the main window', () => {
  it('is sandboxed and isolated, with nothing of Node, webviews or insecure content', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      startUrl: 'app://porchlight/index.html',
      placement: { width: 1360, height: 860, maximized: false },
      log: quiet,
    })
    const window = fakes.windows.at(-1)!
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(window.options['webPreferences']).not.toHaveProperty('enableBlinkFeatures')
    expect(window.loaded).toEqual(['app://porchlight/index.html'])
  })

  it('opens where it was left, or centred when no place was kept', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      startUrl: 'app://porchlight/index.html#/case/x',
      placement: { x: 40, y: 30, width: 1200, height: 800, maximized: false },
      log: quiet,
    })
    expect(fakes.windows.at(-1)!.options).toMatchObject({ x: 40, y: 30, width: 1200, height: 800 })
    expect(fakes.windows.at(-1)!.loaded).toEqual(['app://porchlight/index.html#/case/x'])
    createMainWindow({
      preloadPath: '/p.cjs',
      startUrl: 'app://porchlight/index.html',
      placement: { width: 1360, height: 860, maximized: false },
      log: quiet,
    })
    expect(fakes.windows.at(-1)!.options).not.toHaveProperty('x')
  })
})

describe('the electron-updater adapter', () => {
  it('uses a generic feed, never pre-releases or downgrades, and reports what it found', async () => {
    const adapter = createElectronUpdater(quiet)
    const { autoUpdater } = updater
    expect(autoUpdater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: false,
    })
    adapter.setFeedUrl('https://updates.example.com/porchlight/')
    expect(autoUpdater.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.com/porchlight/' },
    ])
    autoUpdater.checkForUpdates.mockResolvedValueOnce({
      isUpdateAvailable: true,
      updateInfo: { version: '0.2.0' },
    })
    expect(await adapter.check()).toEqual({ version: '0.2.0' })
    autoUpdater.checkForUpdates.mockResolvedValueOnce({
      isUpdateAvailable: false,
      updateInfo: { version: '0.1.0' },
    })
    expect(await adapter.check()).toBeNull()
    const downloaded: string[] = []
    adapter.onDownloaded((version) => downloaded.push(version))
    autoUpdater.emit('update-downloaded', { version: '0.2.0' })
    expect(downloaded).toEqual(['0.2.0'])
    adapter.quitAndInstall()
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledWith(false, true)
  })
})
