// A delivery service for tests that speaks the contract (docs/delivery-api.yaml) on
// 127.0.0.1 with node:http, and misbehaves on request: dropped connections, back-pressure, server
// errors, wrong or hostile photo bytes, expired cursors and tokens. Its change logs are raw: what a
// test appends is served as is, in order, so stale versions, duplicates, tombstones and invalid
// items reach the client exactly as written. Every request is logged for the tests to inspect.
// Case events and photo-view batches are taken as the contract says, idempotent by event id, and
// counted by event id (case-event-ledger.ts).
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import {
  createCaseEventLedger,
  type CaseEventLedger,
  type CaseEventPost,
} from './case-event-ledger.ts'

export type StreamName = 'deliveries' | 'cases'

export interface RequestRecord {
  /** Order of arrival, from 1. */
  seq: number
  /** `performance.now()` when the request arrived. */
  at: number
  /** `Date.now()` when the request arrived (Retry-After names wall-clock instants). */
  wallAt: number
  method: string
  path: string
  query: Record<string, string>
  range: string | null
  authorization: string | null
  /** The status answered; 0 when the connection was dropped before any header. */
  status: number
  /** Set when a fault was injected into this request. */
  fault: Fault['kind'] | null
}

export type Fault =
  /**
   * Answer this status with a problem+json body (and `Retry-After` if given: seconds, or an HTTP
   * date as a string), `afterMs` after the request arrived (default at once).
   */
  | { kind: 'status'; status: number; retryAfter?: number | string; afterMs?: number }
  /** Send the headers and `afterBytes` of the body (default: half), then cut the connection. */
  | { kind: 'drop-mid-body'; afterBytes?: number }
  /** Cut the connection before answering anything. */
  | { kind: 'drop-before-headers' }
  /** Photos: serve bytes of the right length that do not hash to the record. */
  | { kind: 'wrong-bytes' }
  /** Photos: ignore `Range` and answer 200 with the whole photo. */
  | { kind: 'ignore-range' }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number }

export type RequestMatcher =
  { method?: string; path?: string | RegExp } | ((request: RequestRecord) => boolean)

export interface FaultRule {
  readonly when: RequestMatcher
  readonly fault: Fault
  /** How many more requests this rule applies to. */
  remaining: number
}

export interface Account {
  username: string
  password: string
  user: { id: string; name: string; role: 'agent' | 'supervisor' }
}

export const TEST_ACCOUNT: Account = {
  username: 'agent.smith',
  password: 'correct horse battery staple',
  user: { id: 'agent-1', name: 'Alex Smith', role: 'agent' },
}

/** A 429 or 503 the server answered: it asked the client to send nothing until `until`. */
export interface BackOff {
  /** The request that got it. */
  seq: number
  status: number
  /** `Date.now()` when the answer was sent. */
  answeredAt: number
  /** The instant Retry-After named (`Date.now()` scale); null when the answer named none. */
  until: number | null
}

interface LogEntry {
  seq: number
  /** The item as sent on the wire, serialised once (pages are built by joining these). */
  json: string
  id: string | null
  version: number | null
  deleted: boolean
}

/** One change stream: a raw, append-only log with compaction and a cursor horizon. */
export class ChangeStream {
  readonly name: StreamName
  #entries: LogEntry[] = []
  #head = 0
  /** A cursor from an earlier epoch before this sequence is answered 410 (it was compacted). */
  horizon = 0
  /** Bumped by each compaction; cursors carry it, so the server knows which log they walked. */
  epoch = 0
  /** When set, every cursor is answered 410 (a service that has lost all its cursors). */
  refuseAllCursors = false
  /** Told of every item appended (the server follows the cases for case events). */
  onAppend: ((item: unknown) => void) | null = null

  constructor(name: StreamName) {
    this.name = name
  }

  get head(): number {
    return this.#head
  }

  get size(): number {
    return this.#entries.length
  }

  /** Appends items exactly as given (valid or not); each becomes the next position in the log. */
  append(...items: unknown[]): void {
    for (const item of items) {
      this.onAppend?.(item)
      const object =
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : null
      this.#entries.push({
        seq: ++this.#head,
        json: JSON.stringify(item),
        id: typeof object?.id === 'string' ? object.id : null,
        version: typeof object?.version === 'number' ? object.version : null,
        deleted: object?.deleted === true,
      })
    }
  }

  /**
   * Compacts the log as a server does: only each id's newest version is kept, tombstones and
   * invalid items are dropped, and any cursor from before a dropped entry is answered 410. A
   * client holding such a cursor must resync from nothing and sweep what it did not see again.
   */
  compact(): void {
    const newest = new Map<string, LogEntry>()
    for (const entry of this.#entries) {
      if (entry.id === null || entry.version === null) continue
      const seen = newest.get(entry.id)
      if (!seen || (seen.version ?? 0) < entry.version) newest.set(entry.id, entry)
    }
    const kept = new Set([...newest.values()].filter((e) => !e.deleted))
    for (const entry of this.#entries)
      if (!kept.has(entry)) this.horizon = Math.max(this.horizon, entry.seq)
    this.#entries = this.#entries.filter((e) => kept.has(e))
    this.epoch++
  }

  /** Whether a cursor is still good: from this epoch, or from before but past every dropped entry. */
  accepts(cursor: { epoch: number; seq: number }): boolean {
    if (this.refuseAllCursors) return false
    return cursor.epoch === this.epoch || cursor.seq >= this.horizon
  }

  /** The newest item logged under `id` (as sent on the wire), or null. */
  newest(id: string): unknown {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const entry = this.#entries[i] as LogEntry
      if (entry.id === id) return JSON.parse(entry.json) as unknown
    }
    return null
  }

  /** Forgets everything (the property test reuses one server). */
  reset(): void {
    this.#entries = []
    this.#head = 0
    this.horizon = 0
    this.epoch = 0
    this.refuseAllCursors = false
  }

  page(after: number, limit: number): { body: string; served: number } {
    let index = firstIndexAfter(this.#entries, after)
    const items: string[] = []
    let last = after
    for (; index < this.#entries.length && items.length < limit; index++) {
      const entry = this.#entries[index] as LogEntry
      items.push(entry.json)
      last = entry.seq
    }
    const hasMore = index < this.#entries.length
    // At the end the cursor moves to the head, so that nothing before it is asked for again.
    const next = hasMore ? last : Math.max(last, this.#head)
    const body = `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(encodeCursor(this.name, this.epoch, next))},"hasMore":${hasMore}}`
    return { body, served: items.length }
  }
}

function firstIndexAfter(entries: LogEntry[], seq: number): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((entries[mid] as LogEntry).seq <= seq) low = mid + 1
    else high = mid
  }
  return low
}

export function encodeCursor(stream: StreamName, epoch: number, seq: number): string {
  return Buffer.from(`fault.${stream}.${epoch}.${seq}`, 'utf8').toString('base64url')
}

export function decodeCursor(
  stream: StreamName,
  cursor: string,
): { epoch: number; seq: number } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const match = /^fault\.(\w+)\.(\d+)\.(\d+)$/.exec(text)
  if (!match || match[1] !== stream) return null
  return { epoch: Number(match[2]), seq: Number(match[3]) }
}

interface StoredPhoto {
  bytes: Buffer
  contentType: string
  sha256: string
  erased: boolean
}

export interface FaultServer {
  readonly url: string
  readonly port: number
  readonly deliveries: ChangeStream
  readonly cases: ChangeStream
  /** Every request, in order of arrival. */
  readonly requests: RequestRecord[]
  /** Every 429 and 503 answered, in order. */
  readonly backOffs: BackOff[]
  /**
   * Requests that arrived after a back-off answer and before the instant it named: requests
   * that should have waited, unless `alreadySent` says the client had sent it before the answer
   * reached it. `waitWithout` says how long to count for an answer that named no instant
   * (default: not at all).
   */
  arrivedEarly(options?: {
    alreadySent?: (request: RequestRecord, backOff: BackOff) => boolean
    waitWithout?: (backOff: BackOff) => number
  }): RequestRecord[]
  /** Case events posted (POST /v1/cases/{id}/events), repeats included. */
  readonly caseEventPosts: CaseEventPost[]
  /** The event ids of each photo-view batch (POST /v1/audit/photo-views). */
  readonly photoViewBatches: string[][]
  /** Successful sign-ins. */
  readonly logins: number
  /** Case events and photo views received, counted by event id. */
  readonly caseEvents: CaseEventLedger
  /** Called as each request arrives (its status is filled in when it is answered). */
  onRequest: ((request: RequestRecord) => void) | null
  /** Injects `fault` into the next `times` requests that match `when`. */
  inject(when: RequestMatcher, fault: Fault, times?: number): FaultRule
  /** Drops every injected fault that has not been used up. */
  clearFaults(): void
  putPhoto(id: string, bytes: Uint8Array, contentType?: string): void
  /** The photo is answered 410 from now on (privacy erasure). */
  erasePhoto(id: string): void
  /** The requests made for one photo. */
  photoRequests(id: string): RequestRecord[]
  /** Every token handed out so far is refused (401) from now on. */
  expireTokens(): void
  /**
   * What GET /v1/people answers, served as written (invalid entries included); null answers
   * 404, as a service without a directory does.
   */
  people: unknown[] | null
  /** Stops listening and cuts every open connection: the port then refuses connections. */
  close(): Promise<void>
}

export async function startFaultServer(
  options: { accounts?: Account[]; port?: number } = {},
): Promise<FaultServer> {
  const accounts = options.accounts ?? [TEST_ACCOUNT]
  const deliveries = new ChangeStream('deliveries')
  const cases = new ChangeStream('cases')
  const streams = { deliveries, cases }
  const photos = new Map<string, StoredPhoto>()
  /** Each token handed out, with whom it signs in. */
  const tokens = new Map<string, Account>()
  const caseEvents = createCaseEventLedger()
  cases.onAppend = (item) => caseEvents.observe(item)
  let onRequest: FaultServer['onRequest'] = null
  const requests: RequestRecord[] = []
  const backOffs: BackOff[] = []
  let rules: FaultRule[] = []
  let logins = 0
  let people: unknown[] | null = null

  function matches(when: RequestMatcher, record: RequestRecord): boolean {
    if (typeof when === 'function') return when(record)
    if (when.method && when.method !== record.method) return false
    if (typeof when.path === 'string') return when.path === record.path
    if (when.path instanceof RegExp) return when.path.test(record.path)
    return true
  }

  function takeFault(record: RequestRecord): Fault | null {
    const rule = rules.find((r) => r.remaining > 0 && matches(r.when, record))
    if (!rule) return null
    rule.remaining--
    record.fault = rule.fault.kind
    return rule.fault
  }

  function problem(
    res: ServerResponse,
    record: RequestRecord,
    status: number,
    detail: string,
    headers: Record<string, string> = {},
  ) {
    record.status = status
    const body = JSON.stringify({ type: 'about:blank', title: titleOf(status), status, detail })
    res.writeHead(status, {
      'content-type': 'application/problem+json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    })
    res.end(body)
  }

  /** Sends a body, or part of it and then cuts the connection when the fault says so. */
  function send(
    res: ServerResponse,
    record: RequestRecord,
    status: number,
    headers: Record<string, string | number>,
    body: Buffer,
    fault: Fault | null,
  ) {
    record.status = status
    res.writeHead(status, { ...headers, 'content-length': body.length })
    if (fault?.kind !== 'drop-mid-body') {
      res.end(body)
      return
    }
    const cut = Math.max(
      1,
      Math.min(body.length - 1, fault.afterBytes ?? Math.floor(body.length / 2)),
    )
    res.write(body.subarray(0, cut), () => {
      // Give the client time to read (and write down) what arrived before the connection dies,
      // as a real network break after a partial transfer would.
      setTimeout(() => res.socket?.destroy(), 60)
    })
  }

  function accountOf(req: IncomingMessage): Account | null {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    return match === null ? null : (tokens.get(match[1] as string) ?? null)
  }

  /** The order id of the newest record of a delivery in the log, if any. */
  function orderIdOf(deliveryId: string): string | null {
    const newest = deliveries.newest(deliveryId) as { orderId?: unknown } | null
    return typeof newest?.orderId === 'string' ? newest.orderId : null
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
    url: URL,
  ) {
    const fault = takeFault(record)
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    if (fault?.kind === 'drop-before-headers') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'status') {
      if (fault.afterMs) await new Promise((r) => setTimeout(r, fault.afterMs))
      const headers: Record<string, string> = {}
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter)
      if (fault.status === 429 || fault.status === 503) {
        const answeredAt = Date.now()
        const { retryAfter } = fault
        const until =
          retryAfter === undefined
            ? null
            : typeof retryAfter === 'number'
              ? answeredAt + retryAfter * 1000
              : Date.parse(retryAfter)
        backOffs.push({ seq: record.seq, status: fault.status, answeredAt, until })
      }
      return problem(res, record, fault.status, 'Injected by the test.', headers)
    }

    if (req.method === 'GET' && url.pathname === '/v1/health') {
      return send(
        res,
        record,
        200,
        { 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ status: 'ok', serverTime: new Date().toISOString() })),
        fault,
      )
    }
    if (req.method === 'POST' && url.pathname === '/v1/auth/login') {
      const body = await readBody(req)
      let credentials: { username?: unknown; password?: unknown } = {}
      try {
        credentials = JSON.parse(body) as typeof credentials
      } catch {
        return problem(res, record, 400, 'The body is not JSON.')
      }
      const account = accounts.find(
        (a) => a.username === credentials.username && a.password === credentials.password,
      )
      if (!account) return problem(res, record, 401, 'Wrong user name or password.')
      const token = randomBytes(24).toString('base64url')
      tokens.set(token, account)
      logins++
      const answer = {
        token,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        user: account.user,
      }
      return send(
        res,
        record,
        200,
        { 'content-type': 'application/json' },
        Buffer.from(JSON.stringify(answer)),
        fault,
      )
    }
    const account = accountOf(req)
    if (!account) return problem(res, record, 401, 'The token is missing, expired or unknown.')
    const handled = await caseEvents.handle(req, res, url.pathname, {
      userId: account.user.id,
      role: account.user.role,
      userExists: (id) => accounts.some((a) => a.user.id === id),
      orderIdOf,
      publish: (item) => cases.append(item),
      answered: (status) => (record.status = status),
    })
    if (handled) return

    if (req.method === 'GET' && url.pathname === '/v1/people') {
      if (people === null) return problem(res, record, 404, 'This service has no directory.')
      return send(
        res,
        record,
        200,
        { 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ people })),
        fault,
      )
    }

    const sync = /^\/v1\/sync\/(deliveries|cases)$/.exec(url.pathname)
    if (req.method === 'GET' && sync) {
      const stream = streams[sync[1] as StreamName]
      const limit = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : 500
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        return problem(res, record, 400, 'limit must be 1-1000')
      const cursor = url.searchParams.get('cursor')
      let after = 0
      if (cursor !== null) {
        const decoded = decodeCursor(stream.name, cursor)
        if (decoded === null) return problem(res, record, 400, 'Not a cursor of this stream.')
        if (!stream.accepts(decoded))
          return problem(res, record, 410, 'The cursor is older than the change log; resync.')
        after = decoded.seq
      }
      const page = stream.page(after, limit)
      return send(
        res,
        record,
        200,
        { 'content-type': 'application/json' },
        Buffer.from(page.body),
        fault,
      )
    }

    const photoPath = /^\/v1\/photos\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && photoPath) {
      const photo = photos.get(decodeURIComponent(photoPath[1] as string))
      if (!photo) return problem(res, record, 404, 'No such photo.')
      if (photo.erased) return problem(res, record, 410, 'The photo was erased.')
      const bytes = fault?.kind === 'wrong-bytes' ? corrupt(photo.bytes) : photo.bytes
      const headers = {
        'content-type': photo.contentType,
        etag: `"${photo.sha256}"`,
        'accept-ranges': 'bytes',
      }
      const range = /^bytes=(\d+)-$/.exec(record.range ?? '')
      if (range && fault?.kind !== 'ignore-range') {
        const start = Number(range[1])
        if (start >= bytes.length) {
          return problem(res, record, 416, 'The range starts past the end.', {
            'content-range': `bytes */${bytes.length}`,
          })
        }
        const rangeHeaders = {
          ...headers,
          'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`,
        }
        return send(res, record, 206, rangeHeaders, bytes.subarray(start), fault)
      }
      return send(res, record, 200, headers, bytes, fault)
    }
    return problem(res, record, 404, 'No such endpoint.')
  }

  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const record: RequestRecord = {
      seq: requests.length + 1,
      at: performance.now(),
      wallAt: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      range: req.headers.range ?? null,
      authorization: req.headers.authorization ?? null,
      status: 0,
      fault: null,
    }
    requests.push(record)
    onRequest?.(record)
    handle(req, res, record, url).catch((error: unknown) => {
      if (!res.headersSent) problem(res, record, 500, String(error))
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deliveries,
    cases,
    requests,
    backOffs,
    arrivedEarly({ alreadySent = () => false, waitWithout } = {}) {
      return requests.filter((r) =>
        backOffs.some((b) => {
          const until = b.until ?? (waitWithout ? b.answeredAt + waitWithout(b) : null)
          if (until === null || r.seq === b.seq) return false
          return r.wallAt >= b.answeredAt && r.wallAt < until && !alreadySent(r, b)
        }),
      )
    },
    caseEventPosts: caseEvents.ledger.posts,
    photoViewBatches: caseEvents.ledger.photoViewBatches,
    get logins() {
      return logins
    },
    get people() {
      return people
    },
    set people(directory) {
      people = directory
    },
    caseEvents: caseEvents.ledger,
    get onRequest() {
      return onRequest
    },
    set onRequest(listener) {
      onRequest = listener
    },
    inject(when, fault, times = 1) {
      const rule: FaultRule = { when, fault, remaining: times }
      rules.push(rule)
      return rule
    },
    clearFaults() {
      rules = []
    },
    putPhoto(id, bytes, contentType = 'image/jpeg') {
      const buffer = Buffer.from(bytes)
      photos.set(id, {
        bytes: buffer,
        contentType,
        sha256: createHash('sha256').update(buffer).digest('hex'),
        erased: false,
      })
    },
    erasePhoto(id) {
      const photo = photos.get(id)
      if (photo) photo.erased = true
    },
    photoRequests(id) {
      return requests.filter((r) => r.path === `/v1/photos/${encodeURIComponent(id)}`)
    },
    expireTokens() {
      tokens.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/** Same length, different bytes: what a flaky proxy or a bad disk would hand over. */
function corrupt(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes)
  for (let i = Math.floor(copy.length / 3); i < copy.length; i += 97)
    copy[i] = (copy[i] as number) ^ 0x5a
  return copy
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
    410: 'Gone',
    416: 'Range Not Satisfiable',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  }
  return titles[status] ?? 'Error'
}
