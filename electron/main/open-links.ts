// Opening porchlight:// links from other programs (a help-desk ticket, a chat, an email).
//
// How a link arrives differs by OS: macOS sends `open-url` (also before the app is ready, when
// the link launched it); Windows and Linux start the app with the link among its arguments, and
// when Porchlight already runs, that second launch hands its arguments to the first one
// (`second-instance`) and exits. Each arrival comes here. A valid link shows its delivery or
// case in the window (once there is one); anything else is refused in a dialog that says why,
// and nothing is opened or run.
import { resolve } from 'node:path'
import type { App, BrowserWindow, Dialog } from 'electron'
import {
  linkHash,
  looksLikePorchlightLink,
  LINK_SCHEME,
  parsePorchlightLink,
} from '../core/api/link-schemas.ts'
import type { Logger } from '../core/common/logger.ts'
import { t } from '../core/messages/messages.ts'

/** The first porchlight: argument of a command line, if any. */
export function linkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => looksLikePorchlightLink(arg)) ?? null
}

export interface LinkOpenerOptions {
  /** Shows an address of the console (`#/case/…`) in the window, opening one if needed. */
  show: (hash: string) => void
  /** Whether the console can take it now; if not, the last link waits for `takeWaiting()`. */
  canShow: () => boolean
  dialog: Pick<Dialog, 'showMessageBox'>
  log: Logger
}

export function createLinkOpener(options: LinkOpenerOptions) {
  let waiting: string | null = null
  return {
    open(link: string): void {
      const parsed = parsePorchlightLink(link)
      if (!parsed.ok) {
        options.log.warn(`refused a link: ${parsed.reason}`)
        void options.dialog.showMessageBox({
          type: 'warning',
          title: t('app:name'),
          message: t('shell:link.refused'),
          detail: t('shell:link.looksLike', { reason: parsed.reason, scheme: LINK_SCHEME }),
          buttons: [t('shell:ok')],
        })
        return
      }
      const hash = linkHash(parsed.target)
      if (options.canShow()) options.show(hash)
      else waiting = hash
    },
    /** The link that arrived while the console was starting (it launched the app), if any. */
    takeWaiting(): string | null {
      const hash = waiting
      waiting = null
      return hash
    },
  }
}

type LinkEvents = Pick<App, 'whenReady'> & {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown
}

/**
 * Sends every link that reaches this instance to `open`, once the app is ready (a refused link
 * is explained in a dialog, which needs a ready app): the one on this launch's command line,
 * macOS's open-url, and a later launch's (which then exits). A later launch without a link
 * just asks for the window (`onSecondLaunch`).
 */
export function listenForLinks(
  app: LinkEvents,
  argv: readonly string[],
  open: (link: string) => void,
  onSecondLaunch: () => void,
): void {
  const openWhenReady = (link: string) => void app.whenReady().then(() => open(link))
  const launchLink = linkFromArgv(argv.slice(1))
  if (launchLink !== null) openWhenReady(launchLink)
  app.on('open-url', (event, url) => {
    event.preventDefault()
    openWhenReady(url)
  })
  app.on('second-instance', (_event, secondArgv) => {
    const link = linkFromArgv(secondArgv.slice(1))
    if (link !== null) openWhenReady(link)
    else onSecondLaunch()
  })
}

/**
 * Makes this app the one the OS starts for porchlight:// links. A packaged app is registered by
 * its installer (electron-builder's `protocols`) too; this keeps it so after an update. In
 * development the OS must start Electron with the app's folder as its argument.
 */
export function registerLinkScheme(
  app: Pick<App, 'setAsDefaultProtocolClient' | 'isPackaged'>,
  argv: readonly string[],
  execPath: string,
  log: Logger,
): void {
  const registered =
    app.isPackaged || argv.length < 2
      ? app.setAsDefaultProtocolClient(LINK_SCHEME)
      : app.setAsDefaultProtocolClient(LINK_SCHEME, execPath, [resolve(argv[1]!)])
  if (!registered) log.warn(`could not register ${LINK_SCHEME}:// links with the system`)
}

type LinkWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'focus'> & {
  webContents: Pick<BrowserWindow['webContents'], 'isLoading' | 'once' | 'executeJavaScript'>
}

/**
 * Moves the open console to `hash` (made by linkHash from a parsed link, so it is one of the
 * console's own addresses) and brings the window to the front.
 */
export function showHashIn(window: LinkWindow, hash: string, log: Logger): void {
  const contents = window.webContents
  const go = () => {
    contents
      .executeJavaScript(`window.location.hash = ${JSON.stringify(hash)}`)
      .catch((error: unknown) => log.error('could not show a link in the window', error))
  }
  if (contents.isLoading()) contents.once('did-finish-load', go)
  else go()
  if (window.isMinimized()) window.restore()
  window.focus()
}
