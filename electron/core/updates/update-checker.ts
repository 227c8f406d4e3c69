// When and whether Porchlight looks for a new version: at start and once a day, against the feed
// the installation is configured with, never in demo mode. A found update downloads in the
// background; once it is ready the console offers to restart into it (installing it on the next
// quit otherwise). The Electron shell adapts electron-updater to `Updater`; everything else (the
// decisions, the schedule, the status shown to the person) is here, so it is tested under Node.
import type { Logger } from '../common/logger.ts'

/** The part of an auto-updater Porchlight drives (electron-updater's autoUpdater, adapted). */
export interface Updater {
  setFeedUrl(url: string): void
  /** Looks for a newer version; resolves with it (and starts downloading) or with null. */
  check(): Promise<{ version: string } | null>
  onDownloaded(listener: (version: string) => void): void
  onError(listener: (error: unknown) => void): void
  /** Quits, installs the downloaded update and starts the new version. */
  quitAndInstall(): void
}

/** Why updates are off for this run: the settings screen words it (settings:update.disabled). */
export type UpdatesOffReason = 'demo' | 'not-installed' | 'no-feed'

export type UpdateState =
  | { state: 'disabled'; reason: UpdatesOffReason }
  | { state: 'idle'; lastCheckAt: string | null }
  | { state: 'checking'; lastCheckAt: string | null }
  | { state: 'downloading'; version: string; lastCheckAt: string }
  | { state: 'ready'; version: string; lastCheckAt: string }
  /** The check or the download failed; it is tried again the next day. */
  | { state: 'failed'; lastCheckAt: string | null }

export const DAY_MS = 86_400_000

/**
 * The update feed from `PORCHLIGHT_UPDATE_URL`: an https folder holding electron-builder's
 * latest*.yml files (plain http only on this machine, for testing). Null when none is set.
 * Throws with words when the value is unusable.
 */
export function updateFeedFrom(env: Readonly<Record<string, string | undefined>>): string | null {
  const value = env['PORCHLIGHT_UPDATE_URL']?.trim()
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`PORCHLIGHT_UPDATE_URL is not a URL (${JSON.stringify(value)}).`)
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('PORCHLIGHT_UPDATE_URL must be an https:// address.')
  }
  if (url.username || url.password) {
    throw new Error('PORCHLIGHT_UPDATE_URL must not contain a user name or password.')
  }
  return url.href
}

export interface UpdateCheckerOptions {
  /** Null when this run must not update (see `disabledReason`). */
  updater: Updater | null
  feedUrl: string | null
  demo: boolean
  /** False in `electron-vite dev` and tests: an unpackaged app has nothing to replace. */
  packaged: boolean
  log: Logger
  intervalMs?: number
  now?: () => Date
}

/** Why updates are off for this run; null when they are on. */
export function disabledReason(
  options: Omit<UpdateCheckerOptions, 'log'>,
): UpdatesOffReason | null {
  if (options.demo) return 'demo'
  if (!options.packaged || options.updater === null) return 'not-installed'
  if (options.feedUrl === null) return 'no-feed'
  return null
}

export function createUpdateChecker(options: UpdateCheckerOptions) {
  const now = () => (options.now ?? (() => new Date()))()
  const off = disabledReason(options)
  let status: UpdateState = off
    ? { state: 'disabled', reason: off }
    : { state: 'idle', lastCheckAt: null }
  let timer: NodeJS.Timeout | null = null
  let checking: Promise<UpdateState> | null = null
  const updater = off ? null : options.updater

  if (updater && options.feedUrl) {
    updater.setFeedUrl(options.feedUrl)
    updater.onDownloaded((version) => {
      status = { state: 'ready', version, lastCheckAt: lastCheckAt() ?? now().toISOString() }
      options.log.info(`update ${version} downloaded; it installs at the next restart`)
    })
    updater.onError((error) => {
      options.log.warn('update check or download failed', error)
      status = {
        state: 'failed',
        lastCheckAt: lastCheckAt(),
      }
    })
  }

  function lastCheckAt(): string | null {
    return 'lastCheckAt' in status ? status.lastCheckAt : null
  }

  async function check(): Promise<UpdateState> {
    if (!updater) return status
    // A downloaded update stays offered; looking again would only find the same version.
    if (status.state === 'ready' || status.state === 'downloading') return status
    status = { state: 'checking', lastCheckAt: lastCheckAt() }
    try {
      const found = await updater.check()
      const at = now().toISOString()
      // The downloaded event may already have arrived while check() settled.
      if (status.state === 'checking') {
        status = found
          ? { state: 'downloading', version: found.version, lastCheckAt: at }
          : { state: 'idle', lastCheckAt: at }
      }
    } catch (error) {
      options.log.warn('update check failed', error)
      status = {
        state: 'failed',
        lastCheckAt: now().toISOString(),
      }
    }
    return status
  }

  return {
    /** Checks now and then every day until stopped. Does nothing when updates are off. */
    start(): void {
      if (!updater || timer) return
      void this.checkNow()
      timer = setInterval(() => void this.checkNow(), options.intervalMs ?? DAY_MS)
      timer.unref()
    },
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
    },
    checkNow(): Promise<UpdateState> {
      checking ??= check().finally(() => {
        checking = null
      })
      return checking
    },
    status: (): UpdateState => status,
    /** Restarts into the downloaded update; false when there is none. */
    restartToUpdate(): boolean {
      if (!updater || status.state !== 'ready') return false
      updater.quitAndInstall()
      return true
    },
  }
}

export type UpdateChecker = ReturnType<typeof createUpdateChecker>
