// Browser mode: serves the built renderer and the typed API over HTTP on 127.0.0.1 so the
// console can be used and tested where Electron cannot run. It is never part of the packaged
// app. Every request must carry the random token printed at start: as `?token=` on the first
// page load (which sets an HttpOnly cookie for assets and photos), and as the
// X-Porchlight-Token header on API calls, so another page in the browser cannot call the API.
// The cookie alone is not enough either: a page served from another 127.0.0.1 port is same-site,
// so the browser sends it the cookie too; every route refuses requests whose Fetch Metadata or
// Origin say they come from another page. Reading a photo changes nothing: the page records a
// view with the `recordPhotoView` call.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { dispatchCall, isCallName } from '../api/dispatch.ts'
import type { PorchlightCore } from '../app/types.ts'
import type { Logger } from '../common/logger.ts'
import { parseTilePath } from '../map-tiles/tile-address.ts'
import { CONTENT_TYPES as TILE_CONTENT_TYPES } from '../map-tiles/tile-image.ts'
import { pageWithPolicy } from '../security/content-security-policy.ts'

const COOKIE = 'porchlight_bridge'
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

/** `text` with its percent-escapes decoded, or null when one is malformed. */
function decodedPath(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The console's page (the HTML shell), as opposed to its API, assets, photos, tiles and exports. */
const isPage = (pathname: string) => pathname === '/' || pathname === '/index.html'

export interface BridgeServer {
  /** The address to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export async function startBridgeServer(options: {
  core: PorchlightCore
  rendererDir: string
  port?: number
  log: Logger
  token?: string
}): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  const rendererRoot = normalize(options.rendererDir + sep)
  let port = 0

  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false
    const bytes = Buffer.from(candidate)
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes)
  }

  const cookieToken = (req: IncomingMessage) => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=')
      if (name === COOKIE) return rest.join('=')
    }
    return null
  }

  // DNS rebinding guard: a page on another name that resolves to 127.0.0.1 must not get in.
  const hostAllowed = (req: IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`

  /**
   * Why a request comes from somewhere other than the console's own page ('cross-site',
   * 'same-site', 'cross-origin'), or null when it does not. A page on another 127.0.0.1 port is
   * *same-site* to us (ports do not count for sites), so the SameSite=Strict cookie rides along
   * with its <img> and form requests: only the browser's Fetch Metadata and the Origin header tell
   * the two apart. `Sec-Fetch-Site: none` (an address typed, a bookmark, the printed link) is
   * accepted for the page itself only. Clients that send neither header (scripts, curl) still need
   * the token.
   */
  function foreignRequest(req: IncomingMessage, page: boolean): string | null {
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

  function sendText(res: ServerResponse, status: number, text: string) {
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

  async function serveApi(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.')
    const header = req.headers['x-porchlight-token']
    if (!tokenMatches(Array.isArray(header) ? header[0] : header)) {
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
    const outcome = await dispatchCall(options.core, name, arg, options.log)
    if (outcome.ok) return sendJson(res, 200, { ok: true, value: outcome.value ?? null })
    const status =
      outcome.error.code === 'invalid-argument'
        ? 400
        : outcome.error.code === 'internal'
          ? 500
          : 422
    return sendJson(res, status, outcome)
  }

  /** A stored photo or thumbnail; reading one changes nothing (views are recorded by the API). */
  async function servePhoto(res: ServerResponse, photoId: string, variant: 'full' | 'thumbnail') {
    const photo = await options.core.resolvePhoto(photoId, { variant })
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
  async function serveTile(req: IncomingMessage, res: ServerResponse, path: string) {
    const address = parseTilePath(path)
    if (address === null) return sendText(res, 400, 'That is not a valid map tile address.')
    const tile = await options.core.getTile(address)
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
  async function serveExport(res: ServerResponse, jobId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(jobId)) return sendText(res, 400, 'Not an export id.')
    const file = options.core.resolveExport(jobId)
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

  async function serveStatic(res: ServerResponse, pathname: string) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
    const file = normalize(join(rendererRoot, relative))
    if (!file.startsWith(rendererRoot)) return sendText(res, 404, 'Not found.')
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

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req)) return sendText(res, 421, 'Wrong host.')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    // A malformed escape (`/%E0%A4%A`) names nothing: say so instead of failing on it later.
    if (decodedPath(url.pathname) === null) return sendText(res, 400, 'That address is not valid.')
    const foreign = foreignRequest(req, isPage(url.pathname))
    if (foreign !== null) {
      options.log.warn(`browser bridge: refused a ${foreign} request for ${url.pathname}`)
      return sendText(res, 403, 'Porchlight answers only its own page.')
    }
    if (url.pathname.startsWith('/api/')) return serveApi(req, res, url.pathname.slice(5))
    const queryToken = url.searchParams.get('token')
    const authorised = tokenMatches(queryToken) || tokenMatches(cookieToken(req))
    if (!authorised) {
      return sendText(
        res,
        401,
        'Open Porchlight with the address printed by `npm run browser` (it carries the access token).',
      )
    }
    if (tokenMatches(queryToken)) {
      res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.')
    if (url.pathname.startsWith('/tiles/')) {
      if (url.search !== '') return sendText(res, 400, 'That is not a valid map tile address.')
      return serveTile(req, res, url.pathname.slice('/tiles'.length))
    }
    const photo = /^\/(photos|thumbs)\/([^/]+)$/.exec(url.pathname)
    if (photo) {
      if (url.search !== '') return sendText(res, 400, 'That is not a valid photo address.')
      const variant = photo[1] === 'thumbs' ? 'thumbnail' : 'full'
      return servePhoto(res, decodeURIComponent(photo[2] ?? ''), variant)
    }
    const exported = /^\/exports\/([^/]+)$/.exec(url.pathname)
    if (exported) return serveExport(res, decodeURIComponent(exported[1] ?? ''))
    return serveStatic(res, url.pathname)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('browser bridge request failed', error)
      if (!res.headersSent) sendText(res, 500, 'Internal error.')
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
