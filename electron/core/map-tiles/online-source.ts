// The online XYZ tile server (OpenStreetMap's standard layer by default), asked only for the tiles
// the map is showing, never ahead of time or in bulk. Used as OpenStreetMap's tile usage policy
// requires: a User-Agent naming Porchlight, conditional requests (If-None-Match / If-Modified-Since)
// for tiles the cache holds, the cache's freshness honoured (see tile-sources.ts), at most two
// requests at a time, and a pause after the server is unreachable or asks us to slow down, so an
// offline console does not wait for a timeout on every tile.
import { freshnessOf, type Freshness } from './http-freshness.ts'
import type { TileAddress } from './tile-address.ts'
import { MAX_TILE_BYTES, sniffTileFormat, type TileImage } from './tile-image.ts'
import { expandTemplate } from '../api/tile-url-template.ts'

export type FetchOutcome =
  | { kind: 'tile'; image: TileImage; freshness: Freshness }
  /** 304: the cached tile is still right; here is its new freshness. */
  | { kind: 'not-modified'; freshness: Freshness }
  /** 404 or 410: the server has no tile there. */
  | { kind: 'missing' }
  /** Unreachable, timed out, refusing, or answering with something that is not a tile. */
  | { kind: 'unavailable'; reason: string }

export interface OnlineTileSource {
  readonly urlTemplate: string
  fetchTile(
    address: TileAddress,
    cached: { etag: string | null; lastModified: string | null } | null,
  ): Promise<FetchOutcome>
}

export interface OnlineSourceOptions {
  urlTemplate: string
  userAgent: string
  fetch?: typeof globalThis.fetch
  now?: () => number
  timeoutMs?: number
  /** How long to stop asking after the server could not be reached. */
  unreachablePauseMs?: number
}

const MAX_PARALLEL = 2
const MAX_RETRY_AFTER_MS = 10 * 60_000

export function createOnlineSource(options: OnlineSourceOptions): OnlineTileSource {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 10_000
  const unreachablePauseMs = options.unreachablePauseMs ?? 15_000
  let pausedUntil = 0
  let pauseReason = ''
  let active = 0
  const waiting: Array<() => void> = []

  async function withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (active >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
    else active += 1
    try {
      return await task()
    } finally {
      // The slot passes straight to the next waiter, so `active` never overshoots.
      const next = waiting.shift()
      if (next) next()
      else active -= 1
    }
  }

  const pause = (ms: number, reason: string) => {
    pausedUntil = now() + ms
    pauseReason = reason
  }

  async function request(
    address: TileAddress,
    cached: { etag: string | null; lastModified: string | null } | null,
  ): Promise<FetchOutcome> {
    if (now() < pausedUntil) return { kind: 'unavailable', reason: pauseReason }
    const headers: Record<string, string> = {
      'User-Agent': options.userAgent,
      Accept: 'image/png,image/jpeg,image/webp;q=0.9,*/*;q=0.1',
    }
    if (cached?.etag) headers['If-None-Match'] = cached.etag
    if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified
    let response: Response
    try {
      response = await fetchImpl(expandTemplate(options.urlTemplate, address), {
        headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch {
      pause(unreachablePauseMs, 'The tile server cannot be reached.')
      return { kind: 'unavailable', reason: 'The tile server cannot be reached.' }
    }
    const received = now()
    if (response.status === 304 && cached) {
      await response.body?.cancel()
      return { kind: 'not-modified', freshness: freshnessOf(response.headers, received) }
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel()
      return { kind: 'missing' }
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel()
      const retryAfter = retryAfterMs(response.headers.get('retry-after'), received)
      pause(retryAfter ?? unreachablePauseMs, `The tile server asked to wait (${response.status}).`)
      return { kind: 'unavailable', reason: pauseReason }
    }
    if (response.status !== 200) {
      await response.body?.cancel()
      return { kind: 'unavailable', reason: `The tile server answered ${response.status}.` }
    }
    let bytes: Buffer
    try {
      bytes = await readLimited(response, MAX_TILE_BYTES)
    } catch (error) {
      return {
        kind: 'unavailable',
        reason:
          error instanceof TooLarge ? 'The tile is too large.' : 'The tile download broke off.',
      }
    }
    const format = sniffTileFormat(bytes)
    if (format === null) {
      return { kind: 'unavailable', reason: 'The tile server sent something that is not an image.' }
    }
    return {
      kind: 'tile',
      image: { bytes, format },
      freshness: freshnessOf(response.headers, received),
    }
  }

  return {
    urlTemplate: options.urlTemplate,
    fetchTile: (address, cached) => withSlot(() => request(address, cached)),
  }
}

class TooLarge extends Error {}

async function readLimited(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel()
    throw new TooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  if (!response.body) return Buffer.alloc(0)
  for await (const chunk of response.body) {
    size += chunk.byteLength
    if (size > limit) throw new TooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Retry-After as seconds or an HTTP date, bounded; null when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now
  return Number.isFinite(ms) ? Math.max(0, Math.min(MAX_RETRY_AFTER_MS, ms)) : null
}
