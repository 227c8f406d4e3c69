// Where the renderer lives and how we recognise it. Every trust decision in the shell (IPC senders,
// navigations, photo requests) compares parsed origins from here, never string prefixes: a prefix
// check would let `app://porchlight.evil` or `app://porchlight@evil.com` through.

export const APP_SCHEME = 'app'
export const APP_HOST = 'porchlight'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_START_URL = `${APP_ORIGIN}/index.html`

/**
 * The origin of `url` as `scheme://host[:port]`, or null when it has none we could trust (opaque
 * origins such as `file:`, `data:` and `about:`, URLs carrying credentials, unparsable input).
 *
 * WHATWG `URL.origin` is "null" for schemes Node does not know as special, including our `app:`;
 * Chromium treats `app` as a standard scheme with a real tuple origin, so for such URLs we rebuild
 * the origin from the parsed protocol and host.
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.username !== '' || parsed.password !== '') return null
  if (parsed.origin !== 'null') return parsed.origin
  if (parsed.protocol === 'file:' || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/** True when `url` parses to exactly one of `trustedOrigins`. */
export function hasTrustedOrigin(
  url: string | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  const origin = originOf(url)
  return origin !== null && trustedOrigins.includes(origin)
}

/**
 * The origins the app's own pages may come from: always `app://porchlight`, plus the Vite dev
 * server's origin when `electron-vite dev` runs an unpackaged app.
 */
export function trustedOriginsFor(devServerUrl: string | null): readonly string[] {
  const devOrigin = devServerUrl === null ? null : originOf(devServerUrl)
  return devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin]
}

/**
 * The dev server URL electron-vite hands us, if this is an unpackaged dev run and it is a plain
 * http(s) URL; null otherwise (a packaged app ignores the variable entirely).
 */
export function devServerUrlFrom(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || value === undefined || value.trim() === '') return null
  let parsed: URL
  try {
    parsed = new URL(value.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}
