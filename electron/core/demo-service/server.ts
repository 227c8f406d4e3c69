// The delivery service contract over HTTP (node:http, no framework), backed by a DemoWorld.
// Everything that comes in is parsed with the contract's schemas before the world sees it.
import { STATUS_CODES, createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import {
  CaseEventSchema,
  IdSchema,
  LoginRequestSchema,
  PhotoViewBatchSchema,
  UuidSchema,
} from '../contract/schemas.ts'
import type { LoginResponse, Problem } from '../contract/schemas.ts'
import { checkCredentials } from './accounts.ts'
import type { Session, Sessions } from './accounts.ts'
import type { FaultSpec, Faults } from './faults.ts'
import type { DemoWorld } from './world.ts'

export const MAX_PAGE_LIMIT = 1000
const MAX_BODY_BYTES = 1024 * 1024

export interface RequestRecord {
  method: string
  path: string
  status: number
  /** The Range header, when the request had one. */
  range?: string
}

export interface DemoServerOptions {
  world: DemoWorld
  sessions: Sessions
  faults: Faults
  pageLimitDefault: number
  now?: () => number
  /** Unexpected failures (answered 500); the detail never goes to the client. */
  onError?: (message: string, error: unknown) => void
  onRequest?: (record: RequestRecord) => void
}

interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  params: string[]
  fault: FaultSpec | null
  options: DemoServerOptions
}

type Handler = (exchange: Exchange, session: Session | null) => Promise<void> | void

interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  auth: boolean
  handle: Handler
}

const ROUTES: ReadonlyArray<Route> = [
  { method: 'GET', pattern: /^\/v1\/health$/, auth: false, handle: health },
  { method: 'POST', pattern: /^\/v1\/auth\/login$/, auth: false, handle: login },
  { method: 'GET', pattern: /^\/v1\/sync\/deliveries$/, auth: true, handle: pullDeliveries },
  { method: 'GET', pattern: /^\/v1\/sync\/cases$/, auth: true, handle: pullCases },
  { method: 'GET', pattern: /^\/v1\/photos\/([^/]*)$/, auth: true, handle: getPhoto },
  { method: 'POST', pattern: /^\/v1\/cases\/([^/]*)\/events$/, auth: true, handle: postCaseEvent },
  { method: 'POST', pattern: /^\/v1\/audit\/photo-views$/, auth: true, handle: postPhotoViews },
  { method: 'GET', pattern: /^\/v1\/people$/, auth: true, handle: listPeople },
]

export function createDemoServer(options: DemoServerOptions): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    res.on('finish', () => {
      options.onRequest?.({
        method: req.method ?? '',
        path: url.pathname,
        status: res.statusCode,
        ...(req.headers.range ? { range: req.headers.range } : {}),
      })
    })
    dispatch(req, res, url, options).catch((error: unknown) => {
      options.onError?.(`Demo service failed on ${req.method} ${url.pathname}`, error)
      if (!res.headersSent) {
        sendProblem(res, 500, 'The demo service failed on this request; see its log.')
      } else {
        res.destroy()
      }
    })
  })
  server.keepAliveTimeout = 5_000
  return server
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: DemoServerOptions,
): Promise<void> {
  const method = req.method ?? 'GET'
  const fault = options.faults.take(method, url.pathname)
  if (fault?.status !== undefined) {
    drain(req)
    const retry: Record<string, string> =
      fault.status === 500 ? {} : { 'Retry-After': String(fault.retryAfterSeconds ?? 1) }
    sendProblem(res, fault.status, 'Injected by a test: the service is busy.', retry)
    return
  }

  const matching = ROUTES.filter((route) => route.pattern.test(url.pathname))
  if (matching.length === 0) {
    drain(req)
    sendProblem(res, 404, `There is no ${url.pathname} on this service.`)
    return
  }
  const route = matching.find((candidate) => candidate.method === method)
  if (!route) {
    drain(req)
    const allow = matching.map((candidate) => candidate.method).join(', ')
    sendProblem(res, 405, `${method} is not allowed here.`, { Allow: allow })
    return
  }

  let session: Session | null = null
  if (route.auth) {
    session = authenticate(req, options.sessions)
    if (!session) {
      drain(req)
      sendProblem(res, 401, 'Sign in first: send Authorization: Bearer <token>.', {
        'WWW-Authenticate': 'Bearer realm="porchlight-demo"',
      })
      return
    }
  }
  const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(safeDecode)
  await route.handle({ req, res, url, params, fault, options }, session)
}

function authenticate(req: IncomingMessage, sessions: Sessions): Session | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match ? sessions.verify(match[1] as string) : null
}

// ── Handlers ────────────────────────────────────────────────────────────────────────────────

function health({ res, options }: Exchange): void {
  const { seed, size } = options.world
  sendJson(res, 200, {
    status: 'ok',
    serverTime: new Date(options.now?.() ?? Date.now()).toISOString(),
    // One demo world per seed and size, on whatever port it runs today (the app's built-in demo
    // service gets a new port at each start). Not the day: the world of the next day is the same
    // demo, its records renewed.
    service: {
      id: `porchlight-demo-seed-${seed}-${size}`,
      name: `Porchlight demo service (seed ${seed}, ${size} deliveries)`,
    },
  })
}

async function login({ req, res, options }: Exchange): Promise<void> {
  const body = await readJson(req, res)
  if (body === undefined) return
  const parsed = LoginRequestSchema.safeParse(body)
  if (!parsed.success) {
    sendProblem(res, 400, `The sign-in request is not valid: ${z.prettifyError(parsed.error)}`)
    return
  }
  const account = checkCredentials(parsed.data.username, parsed.data.password)
  if (!account) {
    sendProblem(res, 401, 'The username or password is wrong.')
    return
  }
  const session = options.sessions.issue(account)
  const answer: LoginResponse = {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    user: session.user,
  }
  sendJson(res, 200, answer)
}

function pageParameters(exchange: Exchange): { cursor: string | undefined; limit: number } | null {
  const { url, res, options } = exchange
  const cursor = url.searchParams.get('cursor')
  const limitText = url.searchParams.get('limit')
  let limit = options.pageLimitDefault
  if (limitText !== null) {
    limit = /^\d{1,7}$/.test(limitText) ? Number(limitText) : Number.NaN
    if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
      sendProblem(res, 400, `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.`)
      return null
    }
  }
  if (cursor !== null && cursor.length > 512) {
    sendProblem(res, 400, 'The cursor is longer than 512 characters.')
    return null
  }
  // An empty cursor is taken as no cursor, as some clients send `cursor=` on the first call.
  return { cursor: cursor || undefined, limit }
}

async function pullDeliveries(exchange: Exchange): Promise<void> {
  const query = pageParameters(exchange)
  if (!query) return
  const result = await exchange.options.world.pullDeliveries(query.cursor, query.limit)
  if (!result.ok) sendProblem(exchange.res, result.status, result.detail)
  else sendJson(exchange.res, 200, result.page)
}

function pullCases(exchange: Exchange): void {
  const query = pageParameters(exchange)
  if (!query) return
  const result = exchange.options.world.pullCases(query.cursor, query.limit)
  if (!result.ok) sendProblem(exchange.res, result.status, result.detail)
  else sendJson(exchange.res, 200, result.page)
}

function listPeople({ res, options }: Exchange): void {
  sendJson(res, 200, { people: options.world.people() })
}

async function getPhoto({ req, res, params, fault, options }: Exchange): Promise<void> {
  const photoId = params[0] ?? ''
  if (!IdSchema.safeParse(photoId).success) {
    sendProblem(res, 400, 'A photo id is 1-64 characters of A-Z a-z 0-9 _ -.')
    return
  }
  const { world } = options
  const lookup = world.lookupPhoto(photoId)
  if (lookup.kind === 'unknown') {
    sendProblem(res, 404, `There is no photo ${photoId}.`)
    return
  }
  if (lookup.kind === 'gone') {
    sendProblem(res, 410, `${lookup.reason} Drop any copy of it.`)
    return
  }

  let file = await world.photos.ensure(photoId)
  let handle = await open(file.path, 'r').catch(() => null)
  const size = handle ? (await handle.stat()).size : -1
  if (!handle || size !== file.bytes) {
    // The cached file vanished or changed under us (a cleaned temp folder): render it again.
    await handle?.close()
    world.photos.forget(photoId)
    file = await world.photos.ensure(photoId)
    handle = await open(file.path, 'r')
  }

  const headers: Record<string, string> = {
    'Content-Type': 'image/jpeg',
    ETag: `"${file.sha256}"`,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
  }
  // Only the contract's form, bytes=N-; any other Range is ignored and the whole photo sent,
  // which RFC 9110 allows.
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
  let start = 0
  if (range) {
    start = Number(range[1])
    if (start >= file.bytes) {
      await handle.close()
      sendProblem(res, 416, `The photo has ${file.bytes} bytes; the range starts past its end.`, {
        'Content-Range': `bytes */${file.bytes}`,
      })
      return
    }
    headers['Content-Range'] = `bytes ${start}-${file.bytes - 1}/${file.bytes}`
  }
  headers['Content-Length'] = String(file.bytes - start)
  res.writeHead(range ? 206 : 200, headers)

  const cutAt = fault?.truncateAfterBytes
  const stream = handle.createReadStream({
    start,
    ...(cutAt !== undefined ? { end: start + Math.max(0, cutAt) - 1 } : {}),
  })
  if (cutAt !== undefined) {
    stream.on('end', () => setImmediate(() => res.destroy()))
    stream.pipe(res, { end: false })
    return
  }
  await pipeline(stream, res).catch((error: unknown) => {
    // A client that hangs up mid-photo (and resumes later with Range) is not a server failure.
    if (!res.destroyed && !isHangUp(error)) throw error
  })
}

function isHangUp(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE'
}

async function postCaseEvent(
  { req, res, params, options }: Exchange,
  session: Session | null,
): Promise<void> {
  const caseId = params[0] ?? ''
  if (!UuidSchema.safeParse(caseId).success) {
    drain(req)
    sendProblem(res, 400, 'A case id is a UUID.')
    return
  }
  const body = await readJson(req, res)
  if (body === undefined) return
  const parsed = CaseEventSchema.safeParse(body)
  if (!parsed.success) {
    sendProblem(res, 400, `The case event is not valid: ${z.prettifyError(parsed.error)}`)
    return
  }
  const result = options.world.applyCaseEvent(caseId, parsed.data, (session as Session).user.id)
  if (result.status === 200) {
    sendJson(res, 200, result.case)
  } else if (result.status === 409 && result.case) {
    // The contract answers a conflict with the current case itself, not a problem document.
    sendJson(res, 409, result.case)
  } else {
    sendProblem(res, result.status, result.detail)
  }
}

async function postPhotoViews(
  { req, res, options }: Exchange,
  session: Session | null,
): Promise<void> {
  const body = await readJson(req, res)
  if (body === undefined) return
  const parsed = PhotoViewBatchSchema.safeParse(body)
  if (!parsed.success) {
    sendProblem(res, 400, `The photo-view batch is not valid: ${z.prettifyError(parsed.error)}`)
    return
  }
  options.world.recordPhotoViews(parsed.data.events, (session as Session).user.id)
  res.writeHead(204, { 'Cache-Control': 'no-store' })
  res.end()
}

// ── Plumbing ────────────────────────────────────────────────────────────────────────────────

/** The parsed JSON body, or undefined after answering 400/413 itself. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      sendProblem(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
        Connection: 'close',
      })
      return undefined
    }
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    sendProblem(res, 400, 'The request body is not JSON.')
    return undefined
  }
}

/** Reads and discards a body we answer without looking at, so keep-alive stays usable. */
function drain(req: IncomingMessage): void {
  req.resume()
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): void {
  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
  }
  const text = JSON.stringify(problem)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}
