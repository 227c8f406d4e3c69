// electron-updater's autoUpdater, adapted to the core's `Updater` (core/updates/update-checker.ts
// decides when to check and what to tell the person). Downloads happen in the background; an
// update not installed by "Restart now" installs when the app quits.
import electronUpdater from 'electron-updater'
import type { Logger } from '../core/common/logger.ts'
import type { Updater } from '../core/updates/update-checker.ts'

export function createElectronUpdater(log: Logger): Updater {
  const { autoUpdater } = electronUpdater
  autoUpdater.logger = log
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.allowPrerelease = false
  autoUpdater.allowDowngrade = false
  return {
    setFeedUrl: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
    check: async () => {
      const result = await autoUpdater.checkForUpdates()
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null
    },
    onDownloaded: (listener) => {
      autoUpdater.on('update-downloaded', (info) => listener(info.version))
    },
    onError: (listener) => {
      autoUpdater.on('error', listener)
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
  }
}
