// What our web contents may do beyond showing our own pages: nothing. Navigation stays inside the
// app origin, new windows are never created, permission prompts are refused, and <webview> cannot
// be attached. A web link the person clicks reaches their browser only through the API
// (openExternalLink: the renderer asks, the core and external-links.ts check, the shell opens),
// never from here: window.open() or a redirect is not a click.
import type { Session, WebContents } from 'electron'
import type { Logger } from '../core/common/logger.ts'
import { externalLinkToOpen } from '../core/security/external-links.ts'
import { hasTrustedOrigin, originOf } from './app-origin.ts'

export { externalLinkToOpen }

/** True when a frame may go to `url`: one of our own origins, compared after parsing. */
export function isAllowedNavigation(url: string, trustedOrigins: readonly string[]): boolean {
  return hasTrustedOrigin(url, trustedOrigins)
}

/**
 * Guards one web contents. Called from `app.on('web-contents-created')`, so it covers every
 * contents Electron makes, not only the main window's.
 */
export function guardWebContents(
  contents: WebContents,
  trustedOrigins: readonly string[],
  log: Logger,
): void {
  const refuseForeign = (
    event: { preventDefault(): void; url: string },
    what: string | null,
  ): void => {
    if (isAllowedNavigation(event.url, trustedOrigins)) return
    event.preventDefault()
    if (what !== null) {
      log.warn(`navigation: blocked ${what} to ${originOf(event.url) ?? 'a URL without an origin'}`)
    }
  }
  // will-frame-navigate covers the main frame as well, so it does the logging; will-navigate is
  // kept as a second lock on the main frame.
  contents.on('will-navigate', (event) => refuseForeign(event, null))
  contents.on('will-frame-navigate', (event) => refuseForeign(event, 'navigation'))
  contents.on('will-redirect', (event) => refuseForeign(event, 'redirect'))

  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`navigation: refused a new window for ${originOf(url) ?? 'a URL without an origin'}`)
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('navigation: refused to attach a <webview>')
  })
}

/** Porchlight needs no camera, location, notifications or any other web permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
