// The browser-mode bridge's routes (bridge-server.ts checks the host, the origin and the token
// first): the API, photos, map tiles, report exports and the renderer's files.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { dispatchCall, isCallName } from '../api/dispatch.ts'
import type { PorchlightCore } from '../app/types.ts'
import type { Logger } from '../common/logger.ts'
import { parseTilePath } from '../map-tiles/tile-address.ts'
import { CONTENT_TYPES as TILE_CONTENT_TYPES } from '../map-tiles/tile-image.ts'
import { pageWithPolicy } from '../security/content-security-policy.ts'

/** What the routes serve from. */
export interface Bridge {
  core: PorchlightCore
  log: Logger
  rendererRoot: string
  tokenMatches: (candidate: string | null | undefined) => boolean
}

export const COOKIE = 'porchlight_bridge'
const MAX_BODY = 64 * 1024
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The bridge token the page's cookie carries, or null. */
export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === COOKIE) return rest.join('=')
  }
  return null
}

/**
 * Why a request comes from somewhere other than the console's own page ('cross-site',
 * 'same-site', 'cross-origin'), or null when it does not. A page on another 127.0.0.1 port is
 * *same-site* to us (ports do not count for sites), so the SameSite=Strict cookie rides along
 * with its <img> and form requests: only the browser's Fetch Metadata and the Origin header tell
 * the two apart. `Sec-Fetch-Site: none` (an address typed, a bookmark, the printed link) is
 * accepted for the page itself only. Clients that send neither header (scripts, curl) still need
 * the token.
 */
export function foreignRequest(req: IncomingMessage, page: boolean): string | null {
  const site = firstHeader(req, 'sec-fetch-site')
  if (site !== undefined && site !== 'same-origin') {
    const typedAddress =
      site === 'none' && page && firstHeader(req, 'sec-fetch-mode') === 'navigate'
    if (!typedAddress) return site
  }
  const origin = firstHeader(req, 'origin')
  if (origin !== undefined && origin !== `http://${req.headers.host}`) return 'cross-origin'
  return null
}

export function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(text)
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new Error('too large')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

/** One API call: the bridge token, the call's name, its argument, then the dispatcher. */
export async function serveApi(
  bridge: Bridge,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
) {
  if (req.method !== 'POST') return sendText(res, 405, 'Use POST.')
  const header = req.headers['x-porchlight-token']
  if (!bridge.tokenMatches(Array.isArray(header) ? header[0] : header)) {
    return sendJson(res, 401, {
      ok: false,
      error: { code: 'unauthorized', message: 'Missing or wrong bridge token.' },
    })
  }
  if (!isCallName(name)) {
    return sendJson(res, 404, {
      ok: false,
      error: { code: 'unknown-call', message: `No API call named ${name}.` },
    })
  }
  let body: unknown
  try {
    body = await readBody(req)
  } catch {
    return sendJson(res, 400, {
      ok: false,
      error: { code: 'bad-request', message: 'The request body is not valid JSON.' },
    })
  }
  const arg = body && typeof body === 'object' ? (body as { arg?: unknown }).arg : undefined
  const outcome = await dispatchCall(bridge.core, name, arg, bridge.log)
  if (outcome.ok) return sendJson(res, 200, { ok: true, value: outcome.value ?? null })
  const status =
    outcome.error.code === 'invalid-argument' ? 400 : outcome.error.code === 'internal' ? 500 : 422
  return sendJson(res, status, outcome)
}

/** A stored photo or thumbnail; reading one changes nothing (views are recorded by the API). */
export async function servePhoto(
  bridge: Bridge,
  res: ServerResponse,
  photoId: string,
  variant: 'full' | 'thumbnail',
) {
  const photo = await bridge.core.resolvePhoto(photoId, { variant })
  if (!photo.ok) return sendText(res, photo.status, photo.reason)
  const size = (await stat(photo.path)).size
  res.writeHead(200, {
    'content-type': photo.contentType,
    'content-length': size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  createReadStream(photo.path).pipe(res)
}

/** The same tiles the desktop app's porchlight-tile protocol serves, behind the bridge token. */
export async function serveTile(
  bridge: Bridge,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  const address = parseTilePath(path)
  if (address === null) return sendText(res, 400, 'That is not a valid map tile address.')
  const tile = await bridge.core.getTile(address)
  // A missing tile is expected offline: the map shows its plain grid there.
  if (tile === null) return sendText(res, 404, 'No map tile here.')
  res.writeHead(200, {
    'content-type': TILE_CONTENT_TYPES[tile.format],
    'content-length': tile.bytes.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(req.method === 'HEAD' ? undefined : tile.bytes)
}

/** A finished report export, as a download; the core refuses anyone but its supervisor. */
export async function serveExport(bridge: Bridge, res: ServerResponse, jobId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) return sendText(res, 400, 'Not an export id.')
  const file = bridge.core.resolveExport(jobId)
  if (!file.ok) return sendText(res, file.status, file.reason)
  const size = (await stat(file.path)).size
  const types: Record<string, string> = {
    '.csv': 'text/csv; charset=utf-8',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.pdf': 'application/pdf',
  }
  res.writeHead(200, {
    'content-type': types[extname(file.name)] ?? 'application/octet-stream',
    'content-length': size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  createReadStream(file.path).pipe(res)
}

export async function serveStatic(bridge: Bridge, res: ServerResponse, pathname: string) {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
  const file = normalize(join(bridge.rendererRoot, relative))
  if (!file.startsWith(bridge.rendererRoot)) return sendText(res, 404, 'Not found.')
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return sendText(res, 404, 'Not found.')
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
  }
  if (type.startsWith('text/html')) {
    // A fresh style nonce per page load, as the app protocol gives the desktop app.
    const page = pageWithPolicy(body.toString('utf8'))
    body = Buffer.from(page.html)
    headers['content-security-policy'] = page.policy
    headers['cache-control'] = 'no-store'
  }
  res.writeHead(200, headers)
  res.end(body)
}
