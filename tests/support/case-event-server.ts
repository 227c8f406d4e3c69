// A loopback front for a delivery service that implements case events and the photo-view audit
// (in the tests, the demo service: idempotency by event id, 409 with the current case, 403 for an
// agent's reopen). It forwards every request unchanged and misbehaves on request the way a
// network does to those two endpoints: the service can be unreachable (connection refused on the
// same port until it is brought back), an answer can be lost after the service applied the event
// (the connection is cut instead of answering), answers can come slowly, or a status can be
// answered without forwarding. Every case event and photo-view batch that passes is logged, so
// tests can compare what the console sent with what the service applied.
//
// (tests/support/fault-server.ts serves raw sync streams and photos with faults but has no case
// events or audit; this front adds those faults without a second copy of the case rules.)
import {
  createServer,
  request as httpRequest,
  Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type FrontFault =
  /** Forward; once the service has answered (and so applied), cut the client's connection. */
  | { kind: 'drop-answer' }
  /** Forward, then hold the service's answer this long before passing it on. */
  | { kind: 'delay'; ms: number }
  /** Answer this status (problem+json) without forwarding; `retryAfter` in seconds. */
  | { kind: 'status'; status: number; retryAfter?: number }

export interface FrontMatcher {
  method?: string
  path: RegExp
}

/** One POST /v1/cases/{caseId}/events as it passed through the front. */
export interface CaseEventPost {
  /** Order of arrival among case-event posts, from 1. */
  seq: number
  caseId: string
  eventId: string
  type: string
  baseVersion: number | null | undefined
  /** The service's status; the injected one for a 'status' fault. */
  status: number
  /** The case version in the service's answer (200 and 409), else null. */
  version: number | null
  /** The client never got the answer: cut on purpose, or the client had gone before it. */
  lost: boolean
  fault: FrontFault['kind'] | null
}

export interface PhotoViewBatch {
  size: number
  status: number
  eventIds: string[]
}

export interface ServiceFront {
  readonly url: string
  readonly port: number
  readonly posts: CaseEventPost[]
  readonly photoViewBatches: PhotoViewBatch[]
  /** Applies `fault` to the next `times` requests that match (Infinity: until cleared). */
  inject(when: FrontMatcher, fault: FrontFault, times?: number): void
  clearFaults(): void
  /** Stops listening and cuts every connection: clients get "connection refused" until up(). */
  down(): Promise<void>
  /** Listens again on the same port. */
  up(): Promise<void>
  readonly isUp: boolean
  close(): Promise<void>
}

export const CASE_EVENTS_PATH = /^\/v1\/cases\/[^/]+\/events$/
export const PHOTO_VIEWS_PATH = /^\/v1\/audit\/photo-views$/

interface Rule {
  when: FrontMatcher
  fault: FrontFault
  remaining: number
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length'])

export async function startServiceFront(upstreamUrl: string): Promise<ServiceFront> {
  const upstream = new URL(upstreamUrl)
  const agent = new Agent({ keepAlive: true })
  const posts: CaseEventPost[] = []
  const photoViewBatches: PhotoViewBatch[] = []
  let rules: Rule[] = []
  const sockets = new Set<Socket>()
  let port = 0
  let isUp = false

  function takeFault(method: string, path: string): FrontFault | null {
    const rule = rules.find(
      (r) =>
        r.remaining > 0 && (!r.when.method || r.when.method === method) && r.when.path.test(path),
    )
    if (!rule) return null
    rule.remaining--
    return rule.fault
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host }
      delete headers.connection
      const outgoing = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...headers, 'content-length': String(body.length) },
          agent,
        },
        (answer) => {
          const chunks: Buffer[] = []
          answer.on('data', (c: Buffer) => chunks.push(c))
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            }),
          )
          answer.on('error', reject)
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  }

  function reply(res: ServerResponse, answer: Answer): boolean {
    if (res.destroyed || res.socket?.destroyed) return false
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value
    }
    res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length })
    res.end(answer.body)
    return true
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const fault = takeFault(method, url.pathname)
    const isCaseEvent = method === 'POST' && CASE_EVENTS_PATH.test(url.pathname)
    const isPhotoViews = method === 'POST' && PHOTO_VIEWS_PATH.test(url.pathname)

    let answer: Answer
    if (fault?.kind === 'status') {
      const problem = Buffer.from(
        JSON.stringify({
          type: 'about:blank',
          status: fault.status,
          detail: 'Injected by a test.',
        }),
      )
      answer = {
        status: fault.status,
        headers: {
          'content-type': 'application/problem+json',
          ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
        },
        body: problem,
      }
    } else {
      answer = await forward(req, body)
    }

    const post = isCaseEvent ? logCaseEvent(url.pathname, body, answer, fault) : null
    if (isPhotoViews) logPhotoViews(body, answer)

    if (fault?.kind === 'drop-answer') {
      req.socket.destroy()
      if (post) post.lost = true
      return
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    const delivered = reply(res, answer)
    if (post && !delivered) post.lost = true
  }

  function logCaseEvent(
    path: string,
    body: Buffer,
    answer: Answer,
    fault: FrontFault | null,
  ): CaseEventPost {
    const event = parseJson(body) as {
      id?: string
      type?: string
      baseVersion?: number | null
    } | null
    const answered = answer.status === 200 || answer.status === 409 ? parseJson(answer.body) : null
    const version =
      answered && typeof (answered as { version?: unknown }).version === 'number'
        ? (answered as { version: number }).version
        : null
    const post: CaseEventPost = {
      seq: posts.length + 1,
      caseId: decodeURIComponent(path.split('/')[3] ?? ''),
      eventId: event?.id ?? '',
      type: event?.type ?? '',
      baseVersion: event?.baseVersion,
      status: answer.status,
      version,
      lost: false,
      fault: fault?.kind ?? null,
    }
    posts.push(post)
    return post
  }

  function logPhotoViews(body: Buffer, answer: Answer) {
    const batch = parseJson(body) as { events?: Array<{ id?: string }> } | null
    const events = batch?.events ?? []
    photoViewBatches.push({
      size: events.length,
      status: answer.status,
      eventIds: events.map((e) => e.id ?? ''),
    })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The client went away or the service did: the client sees a broken connection.
      req.socket.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function listen(on: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(on, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    port = (server.address() as AddressInfo).port
    isUp = true
  }

  async function stopListening(): Promise<void> {
    if (!isUp) return
    isUp = false
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  }

  await listen(0)

  return {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    posts,
    photoViewBatches,
    inject(when, fault, times = 1) {
      rules.push({ when, fault, remaining: times })
    },
    clearFaults() {
      rules = []
    },
    down: stopListening,
    up: () => (isUp ? Promise.resolve() : listen(port)),
    get isUp() {
      return isUp
    },
    close: async () => {
      await stopListening()
      agent.destroy()
    },
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return null
  }
}
