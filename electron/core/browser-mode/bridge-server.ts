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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { normalize, sep } from 'node:path'
import type { PorchlightCore } from '../app/types.ts'
import type { Logger } from '../common/logger.ts'
import {
  COOKIE,
  cookieToken,
  foreignRequest,
  sendText,
  serveApi,
  serveExport,
  servePhoto,
  serveStatic,
  serveTile,
  type Bridge,
} from './bridge-routes.ts'

/** `text` with its percent-escapes decoded, or null when one is malformed. */
function decodedPath(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
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

  const bridge: Bridge = { core: options.core, log: options.log, rendererRoot, tokenMatches }

  // DNS rebinding guard: a page on another name that resolves to 127.0.0.1 must not get in.
  const hostAllowed = (req: IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`

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
    if (url.pathname.startsWith('/api/')) return serveApi(bridge, req, res, url.pathname.slice(5))
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
      return serveTile(bridge, req, res, url.pathname.slice('/tiles'.length))
    }
    const photo = /^\/(photos|thumbs)\/([^/]+)$/.exec(url.pathname)
    if (photo) {
      if (url.search !== '') return sendText(res, 400, 'That is not a valid photo address.')
      const variant = photo[1] === 'thumbs' ? 'thumbnail' : 'full'
      return servePhoto(bridge, res, decodeURIComponent(photo[2] ?? ''), variant)
    }
    const exported = /^\/exports\/([^/]+)$/.exec(url.pathname)
    if (exported) return serveExport(bridge, res, decodeURIComponent(exported[1] ?? ''))
    return serveStatic(bridge, res, url.pathname)
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
