// The renderer's Content-Security-Policy, sent with every HTML page by whatever serves the
// renderer: the app:// protocol in Electron, the loopback bridge in browser mode. It travels as a response
// header rather than a <meta> tag because `frame-ancestors` (and reporting) only work as a header,
// and because a header is in force before the first byte of the page is parsed.
import { randomBytes } from 'node:crypto'

/**
 * The placeholder the renderer build may put where a per-page nonce belongs (Vite's
 * `html.cspNonce` option writes it into the `nonce` attributes of the tags it emits and into a
 * `<meta property="csp-nonce">`). The app protocol swaps it for a fresh random nonce per page.
 */
export const CSP_NONCE_PLACEHOLDER = 'PORCHLIGHT_CSP_NONCE'

export interface CspOptions {
  /**
   * A nonce the page's emotion cache stamps on the <style> elements it creates. Without one,
   * style-src needs 'unsafe-inline' because MUI (through emotion) injects <style> elements at run
   * time; MUI's CSP guide recommends a nonce for exactly this reason.
   */
  styleNonce?: string | null
}

/**
 * The policy, as one header value. Images come only from the app itself ('self': the renderer's
 * files, and in browser mode the bridge's /photos/ and /tiles/), the `porchlight-photo:` and
 * `porchlight-tile:` protocols the main process serves, and data: URLs. No tile server is listed:
 * whatever server Settings name, its tiles reach the page only through the main process.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const nonce = options.styleNonce ?? null
  const styleSources =
    nonce === null
      ? [`style-src 'self' 'unsafe-inline'`]
      : [
          // With a nonce present browsers ignore 'unsafe-inline' for style elements, so only our
          // stylesheet files and emotion's nonced <style> tags apply. Inline style *attributes*
          // (set by some libraries through setAttribute) stay allowed: they cannot load anything
          // img-src would not already allow.
          `style-src 'self' 'nonce-${nonce}'`,
          `style-src-attr 'unsafe-inline'`,
        ]
  return [
    `default-src 'none'`,
    `script-src 'self'`,
    ...styleSources,
    `img-src 'self' porchlight-photo: porchlight-tile: data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
    `object-src 'none'`,
  ].join('; ')
}

/** A fresh nonce for one page load: 18 random bytes, base64 (CSP's nonce grammar). */
export const newStyleNonce = (): string => randomBytes(18).toString('base64')

/**
 * The built page as it goes out: when the build left the nonce placeholder in it, a fresh nonce
 * replaces it and the policy names that nonce; a page without the placeholder keeps the policy
 * without one. Used by the app protocol and the browser-mode bridge alike.
 */
export function pageWithPolicy(
  html: string,
  makeNonce: () => string = newStyleNonce,
): { html: string; policy: string } {
  if (!html.includes(CSP_NONCE_PLACEHOLDER)) return { html, policy: contentSecurityPolicy() }
  const nonce = makeNonce()
  return {
    html: html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce),
    policy: contentSecurityPolicy({ styleNonce: nonce }),
  }
}
