// How long a tile from a tile server may be used before asking the server again, read from its
// response headers the way a private HTTP cache does (RFC 9111): Cache-Control max-age (less the
// Age the response already had), else Expires against Date, else a tenth of the time since
// Last-Modified. `no-store` means "do not keep it"; `no-cache` means "keep it, but ask first".
// OpenStreetMap's tile policy asks clients to honour exactly these headers.

export interface Freshness {
  /** False when the server said no-store: the tile is shown but not kept. */
  store: boolean
  /** Until when (ms since the epoch) the tile may be shown without asking the server again. */
  freshUntil: number
  /** Validators for a conditional request once it is stale. */
  etag: string | null
  lastModified: string | null
}

const ONE_YEAR_MS = 365 * 24 * 3_600_000
/** The heuristic (no explicit lifetime) never exceeds a day. */
const HEURISTIC_CAP_MS = 24 * 3_600_000

type HeaderSource = { get(name: string): string | null }

export function freshnessOf(headers: HeaderSource, now: number): Freshness {
  const directives = cacheControl(headers.get('cache-control'))
  const etag = headers.get('etag')
  const lastModified = headers.get('last-modified')
  const validators = { etag: etag || null, lastModified: lastModified || null }
  if (directives.has('no-store')) return { store: false, freshUntil: now, ...validators }
  if (directives.has('no-cache')) return { store: true, freshUntil: now, ...validators }

  const age = nonNegativeSeconds(headers.get('age')) ?? 0
  const maxAge = nonNegativeSeconds(directives.get('max-age') ?? null)
  if (maxAge !== null) {
    return { store: true, freshUntil: now + clampLifetime((maxAge - age) * 1000), ...validators }
  }

  const date = httpDate(headers.get('date')) ?? now
  const expiresHeader = headers.get('expires')
  if (expiresHeader !== null) {
    // An unparsable Expires (often "0" or "-1") means "already expired".
    const expires = httpDate(expiresHeader)
    const lifetime = expires === null ? 0 : expires - date - age * 1000
    return { store: true, freshUntil: now + clampLifetime(lifetime), ...validators }
  }

  const modified = httpDate(lastModified)
  if (modified !== null && modified < date) {
    const lifetime = Math.min(HEURISTIC_CAP_MS, (date - modified) / 10)
    return { store: true, freshUntil: now + clampLifetime(lifetime - age * 1000), ...validators }
  }
  return { store: true, freshUntil: now, ...validators }
}

function clampLifetime(ms: number): number {
  return Math.max(0, Math.min(ONE_YEAR_MS, Math.round(ms)))
}

/** Directive names (lower case) to their values; a directive without a value maps to ''. */
function cacheControl(header: string | null): Map<string, string> {
  const directives = new Map<string, string>()
  for (const part of (header ?? '').split(',')) {
    const [rawName, ...rest] = part.split('=')
    const name = rawName?.trim().toLowerCase()
    if (!name) continue
    directives.set(
      name,
      rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    )
  }
  return directives
}

function nonNegativeSeconds(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null
  return Number(value.trim())
}

function httpDate(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const parsed = Date.parse(value)
  return Number.isFinite(parsed) ? parsed : null
}
