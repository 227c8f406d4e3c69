// The renderer's Content-Security-Policy, sent as a response header by whatever serves the
// renderer (the app:// protocol in Electron, the loopback bridge in browser mode).
// style-src needs 'unsafe-inline' because MUI's styling engine (emotion) injects <style> tags at
// run time; MUI's CSP guidance offers a nonce instead, which a static file server cannot mint
// per page load. Scripts stay strictly 'self': no inline script, no eval.
const TILE_ORIGINS = ['https://tile.openstreetmap.org']

export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: porchlight-photo: ${TILE_ORIGINS.join(' ')}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ')
}
