// The HTTP client of the delivery service contract (docs/delivery-api.yaml).
// Every response body is parsed with the contract's zod schemas before anything else sees it.
import type { z } from 'zod'
import { serviceWaitWords } from '../api/service-wait-schemas.ts'
import {
  HealthSchema,
  LoginResponseSchema,
  PeopleDirectorySchema,
  ProblemSchema,
  SyncPageSchema,
  type CaseEvent,
  type LoginResponse,
  type PhotoViewEvent,
  type ServiceIdentity,
  type SyncPage,
} from '../contract/schemas.ts'
import { systemClock } from '../common/clock.ts'
import { createServiceGate, type RequestKind, type ServiceWait } from './service-gate.ts'

export type ServiceErrorKind =
  /** The token was refused: the user must sign in again. */
  | 'unauthorized'
  /** No answer: connection refused, DNS, timeout. The app is offline. */
  | 'unreachable'
  /** The cursor is too old (410): start a full resync. */
  | 'gone'
  /** The service answered with an error status. */
  | 'http'
  /** The service answered 2xx with a body that breaks the contract. */
  | 'invalid'
  /** Another service than the one this cache was filled from answers here: nothing is sent. */
  | 'other-service'
  /** The service asked us to wait longer than we wait within one sync: nothing is sent until then. */
  | 'busy'

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind
  readonly status: number | null
  constructor(kind: ServiceErrorKind, message: string, status: number | null = null) {
    super(message)
    this.name = 'ServiceError'
    this.kind = kind
    this.status = status
  }
}

export interface ServiceClientOptions {
  baseUrl: string
  /** The bearer token, read at each request so a fresh sign-in takes effect at once. */
  getToken: () => string | null
  /** Per-request timeout for JSON calls. Default 20 s. */
  timeoutMs?: number
  /** Attempts for a request that meets 429/503 or a transient failure. Default 4. */
  maxAttempts?: number
  /**
   * Longest wait before a request (the service's Retry-After, or the back-off); a longer one
   * fails the request instead, and every request after it until the instant. Default 30 s.
   */
  maxRetryWaitMs?: number
  /** Injected for tests: the clock that waits are measured and slept on. */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

export type ServiceClient = ReturnType<typeof createServiceClient>

/** What `/v1/health` told about the service at an address. */
export type ServiceProbe = { reached: true; identity: ServiceIdentity | null } | { reached: false }

export function createServiceClient(options: ServiceClientOptions) {
  const base = new URL(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? 20_000
  const maxAttempts = options.maxAttempts ?? 4
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000
  const sleep = options.sleep ?? systemClock.sleep
  const now = options.now ?? systemClock.now
  // Every request of this client passes it: one gate per service (service-gate.ts).
  const gate = createServiceGate({ clock: { now, sleep } })

  function url(path: string, query?: Record<string, string | number | undefined>): URL {
    const u = new URL(path, base)
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined) u.searchParams.set(k, String(v))
    return u
  }

  function headers(extra?: Record<string, string>): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json', ...extra }
    const token = options.getToken()
    if (token) h.authorization = `Bearer ${token}`
    return h
  }

  /** The request is not sent: the service asked us to wait past what we wait for. */
  function waitError(wait: ServiceWait): ServiceError {
    return new ServiceError(
      'busy',
      `${serviceWaitWords(wait.until)}. Nothing is sent to it before then; the next sync after that carries on.`,
      wait.status,
    )
  }

  /** A 429 or 503 closes the gate for everyone: for its Retry-After, else for our back-off. */
  function holdFor(response: Response, request: RequestKind, attempt: number): ServiceWait {
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), now())
    const waitMs = retryAfter ?? backoffMs(attempt)
    // The contract asks for jitter on top of Retry-After (never less than it): clients told the
    // same wait must not all come back in the same instant. The back-off has its own.
    const jitterMs = retryAfter === null ? 0 : Math.min(1_000, waitMs / 4)
    return gate.hold({ request, status: response.status, waitMs, jitterMs })
  }

  /**
   * Sends a request once the gate lets it, retrying 429/503 (after the gate) and transient
   * failures (after an exponential back-off with jitter) a bounded number of times. Returns the
   * final response, whatever status; throws 'busy' when the service asked for a longer wait.
   */
  async function send(
    request: RequestKind,
    target: URL,
    init: RequestInit,
    timeout = timeoutMs,
  ): Promise<Response> {
    let lastError: unknown = null
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const refused = await gate.pass(maxRetryWaitMs)
      if (refused) throw waitError(refused)
      let response: Response
      try {
        response = await fetch(target, { ...init, signal: AbortSignal.timeout(timeout) })
      } catch (error) {
        lastError = error
        if (attempt === maxAttempts) break
        await sleep(backoffMs(attempt))
        continue
      }
      if (response.status === 429 || response.status === 503) {
        const wait = holdFor(response, request, attempt)
        if (wait.until - now() > maxRetryWaitMs) {
          await response.body?.cancel()
          throw waitError(wait)
        }
        if (attempt === maxAttempts) return response
        await response.body?.cancel()
        continue
      }
      if (response.status >= 500 && attempt < maxAttempts) {
        await response.body?.cancel()
        await sleep(backoffMs(attempt))
        continue
      }
      return response
    }
    throw new ServiceError(
      'unreachable',
      `The delivery service at ${base.origin} could not be reached (${describe(lastError)}).`,
    )
  }

  async function failure(response: Response, what: string): Promise<ServiceError> {
    let detail = ''
    try {
      const problem = ProblemSchema.safeParse(await response.json())
      if (problem.success) detail = problem.data.detail ?? problem.data.title ?? ''
    } catch {
      // Not a problem+json body; the status says enough.
    }
    const kind: ServiceErrorKind =
      response.status === 401 ? 'unauthorized' : response.status === 410 ? 'gone' : 'http'
    const suffix = detail ? `: ${detail}` : ''
    return new ServiceError(
      kind,
      `${what} failed with HTTP ${response.status}${suffix}`,
      response.status,
    )
  }

  async function json<S extends z.ZodType>(
    response: Response,
    schema: S,
    what: string,
  ): Promise<z.output<S>> {
    let text: string
    try {
      text = await response.text()
    } catch {
      throw new ServiceError('invalid', `${what}: the service sent a body that is not JSON.`)
    }
    return parseText(text, schema, what)
  }

  function parseText<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new ServiceError('invalid', `${what}: the service sent a body that is not JSON.`)
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new ServiceError(
        'invalid',
        `${what}: the service's answer breaks the contract (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
      )
    }
    return parsed.data
  }

  return {
    origin: base.origin,

    /** The gate every request passes: what the service asked us to wait for, if anything. */
    serviceWait: {
      /** The wait in force now, or null. */
      now: () => gate.waiting(),
      /** The latest wait asked for, even one that has passed. */
      latest: () => gate.latest(),
      /** How many answers have asked to wait, in all. */
      asked: () => gate.asked,
    },

    /**
     * Whether the service answers. While it has asked us to wait, it is not asked: it answered
     * a moment ago, so it is up.
     */
    async health(): Promise<boolean> {
      if (gate.waiting()) return true
      try {
        const response = await fetch(url('/v1/health'), { signal: AbortSignal.timeout(5_000) })
        if (response.status === 429 || response.status === 503) {
          holdFor(response, 'health', 1)
          await response.body?.cancel()
          return false
        }
        if (!response.ok) return false
        return HealthSchema.safeParse(await response.json()).success
      } catch {
        return false
      }
    },

    /**
     * Which service answers at this address, where it says so (`/v1/health`); `reached: false`
     * when it does not answer (or not as the contract says), so nothing can be told.
     */
    async describe(timeout = 5_000): Promise<ServiceProbe> {
      // While the service has asked us to wait, nothing is sent to it, this question included.
      if (gate.waiting()) return { reached: false }
      try {
        const response = await fetch(url('/v1/health'), { signal: AbortSignal.timeout(timeout) })
        if (response.status === 429 || response.status === 503) {
          holdFor(response, 'health', 1)
          await response.body?.cancel()
          return { reached: false }
        }
        if (!response.ok) {
          await response.body?.cancel()
          return { reached: false }
        }
        const health = HealthSchema.safeParse(await response.json())
        return health.success
          ? { reached: true, identity: health.data.service ?? null }
          : { reached: false }
      } catch {
        return { reached: false }
      }
    },

    async login(username: string, password: string): Promise<LoginResponse> {
      const response = await send('sign-in', url('/v1/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      if (response.status === 401) {
        await response.body?.cancel()
        throw new ServiceError('unauthorized', 'The user name or password is not right.', 401)
      }
      if (!response.ok) throw await failure(response, 'Sign-in')
      return json(response, LoginResponseSchema, 'Sign-in')
    },

    async pullPage(
      stream: 'deliveries' | 'cases',
      cursor: string | null,
      limit: number,
    ): Promise<SyncPage> {
      const target = url(`/v1/sync/${stream}`, { cursor: cursor ?? undefined, limit })
      // fetch resolves once the headers are in, so `send` retries only connections that break
      // before them. One that breaks mid-body is as transient (the page is asked for again from
      // the same cursor), not "a body that is not JSON" that fails the whole run.
      for (let attempt = 1; ; attempt++) {
        const response = await send(stream, target, { headers: headers() })
        if (!response.ok) throw await failure(response, `Pulling ${stream}`)
        let text: string
        try {
          text = await response.text()
        } catch (error) {
          if (attempt >= maxAttempts) {
            throw new ServiceError(
              'unreachable',
              `Pulling ${stream}: the connection to ${base.origin} kept breaking (${describe(error)}).`,
            )
          }
          await sleep(backoffMs(attempt))
          continue
        }
        return parseText(text, SyncPageSchema, `Pulling ${stream}`)
      }
    },

    /** The directory of people (`GET /v1/people`); each entry still to be parsed on its own. */
    async listPeople(): Promise<unknown[]> {
      const response = await send('people', url('/v1/people'), { headers: headers() })
      if (!response.ok) throw await failure(response, 'Reading the directory of people')
      return (await json(response, PeopleDirectorySchema, 'Reading the directory of people')).people
    },

    /**
     * Posts one case event. Returns the status with the parsed JSON body (the case on 200 and
     * 409, a problem otherwise); throws only when the service cannot be reached or refuses the
     * token.
     */
    async postCaseEvent(
      caseId: string,
      event: CaseEvent,
    ): Promise<{ status: number; body: unknown }> {
      const response = await send(
        'case-event',
        url(`/v1/cases/${encodeURIComponent(caseId)}/events`),
        {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(event),
        },
      )
      if (response.status === 401) {
        await response.body?.cancel()
        throw new ServiceError('unauthorized', 'The service refused the sign-in token.', 401)
      }
      return { status: response.status, body: await jsonOrNull(response) }
    },

    /** Reports photo views; the service answers 204 when it recorded them. */
    async postPhotoViews(events: PhotoViewEvent[]): Promise<{ status: number; body: unknown }> {
      const response = await send('photo-views', url('/v1/audit/photo-views'), {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ events }),
      })
      if (response.status === 401) {
        await response.body?.cancel()
        throw new ServiceError('unauthorized', 'The service refused the sign-in token.', 401)
      }
      return { status: response.status, body: await jsonOrNull(response) }
    },

    /** Starts a photo download; the caller streams the body. `from` asks for the rest after a break. */
    async getPhoto(photoId: string, from = 0, timeout = 60_000): Promise<Response> {
      const extra: Record<string, string> = { accept: 'image/*' }
      if (from > 0) extra.range = `bytes=${from}-`
      return send(
        'photo',
        url(`/v1/photos/${encodeURIComponent(photoId)}`),
        { headers: headers(extra) },
        timeout,
      )
    },
  }
}

/** A response body as JSON, or null when it is empty, cut off or not JSON. */
async function jsonOrNull(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  try {
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

function backoffMs(attempt: number): number {
  const ceiling = Math.min(30_000, 500 * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2))
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from `now`; null when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time'
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? error.message
  }
  return String(error)
}
