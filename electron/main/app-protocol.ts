// `app://porchlight/<path>`: the renderer's built files from out/renderer. Pure request → Response
// logic (no Electron), so tests drive it with real files in a temp folder.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Logger } from '../core/common/logger.ts'
import { APP_HOST, APP_SCHEME } from './app-origin.ts'
import { pageWithPolicy } from '../core/security/content-security-policy.ts'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

export interface AppRequest {
  url: string
  method?: string
}

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rendererRoot: string
  /** Makes the per-page style nonce; replaceable so tests can predict it. */
  makeNonce?: () => string
  log?: Logger
}

function plainText(status: number, reason: string): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}

const notFound = (): Response => plainText(404, 'Not found')

/**
 * The file under `root` that `pathname` names, or null when it names nothing that may be served:
 * undecodable escapes, NUL bytes, backslashes (a separator on Windows), or anything that would
 * resolve outside `root` once `.`/`..` segments, including percent-encoded ones, are applied.
 */
export function fileInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (!decoded.startsWith('/')) return null
  const base = resolve(root)
  const target = resolve(base, `.${decoded}`)
  const inside = relative(base, target)
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return target
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null
    throw error
  }
}

/** Serves one `app:` request. Never throws: failures become plain-text error responses. */
export async function serveAppRequest(
  request: AppRequest,
  options: AppProtocolOptions,
): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return plainText(405, 'Method not allowed')

  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return plainText(400, 'Bad request')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound()

  const pathname = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname
  let filePath = fileInside(options.rendererRoot, pathname)
  if (filePath === null) return notFound()

  try {
    let body = await readIfFile(filePath)
    if (body === null) {
      // Client-side routes (`/cases`, `/delivery/abc`) have no extension: give them the app shell.
      // A missing `/assets/x.js` stays a 404 so a broken build is visible, not masked by HTML.
      if (extname(filePath) !== '') return notFound()
      filePath = resolve(options.rendererRoot, 'index.html')
      body = await readIfFile(filePath)
      if (body === null) return notFound()
    }
    return fileResponse(filePath, body, method, options)
  } catch (error) {
    options.log?.error(`app protocol: could not read ${url.pathname}`, error)
    return plainText(500, 'Porchlight could not read this part of its own files.')
  }
}

function fileResponse(
  filePath: string,
  body: Buffer,
  method: string,
  options: AppProtocolOptions,
): Response {
  const contentType = contentTypeFor(filePath)
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
  }
  // readFile and Buffer.from(string) never hand back SharedArrayBuffer-backed buffers.
  let payload = body as Uint8Array<ArrayBuffer>
  if (contentType.startsWith('text/html')) {
    const page = pageWithPolicy(body.toString('utf8'), options.makeNonce)
    payload = Buffer.from(page.html) as Uint8Array<ArrayBuffer>
    headers['Content-Security-Policy'] = page.policy
    headers['Cache-Control'] = 'no-cache'
    headers['Referrer-Policy'] = 'no-referrer'
  }
  headers['Content-Length'] = String(payload.byteLength)
  return new Response(method === 'HEAD' ? null : payload, { status: 200, headers })
}
