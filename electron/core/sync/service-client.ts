// The HTTP client of the delivery service contract (docs/delivery-api.yaml).
// Every response body is parsed with the contract's zod schemas before anything else sees it.
import type { z } from 'zod'
import {
  HealthSchema,
  LoginResponseSchema,
  ProblemSchema,
  SyncPageSchema,
  type CaseEvent,
  type LoginResponse,
  type PhotoViewEvent,
  type SyncPage,
} from '../contract/schemas.ts'

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
  /** Longest wait between attempts; a longer Retry-After fails the request instead. Default 30 s. */
  maxRetryWaitMs?: number
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>
}

export type ServiceClient = ReturnType<typeof createServiceClient>

export function createServiceClient(options: ServiceClientOptions) {
  const base = new URL(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? 20_000
  const maxAttempts = options.maxAttempts ?? 4
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)))

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

  /**
   * Sends a request, retrying 429/503 after Retry-After and transient failures with exponential
   * backoff and jitter, a bounded number of times. Returns the final response, whatever status.
   */
  async function send(target: URL, init: RequestInit, timeout = timeoutMs): Promise<Response> {
    let lastError: unknown = null
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let response: Response
      try {
        response = await fetch(target, { ...init, signal: AbortSignal.timeout(timeout) })
      } catch (error) {
        lastError = error
        if (attempt === maxAttempts) break
        await sleep(backoffMs(attempt))
        continue
      }
      if ((response.status === 429 || response.status === 503) && attempt < maxAttempts) {
        const retryAfter = retryAfterMs(response.headers.get('retry-after'))
        const wait = retryAfter ?? backoffMs(attempt)
        await response.body?.cancel()
        if (wait > maxRetryWaitMs) return response
        // The contract asks for jitter on top of Retry-After (never less than it): clients told
        // the same wait must not all come back in the same instant.
        const jitter = retryAfter === null ? 0 : Math.random() * Math.min(1_000, wait / 4)
        await sleep(Math.round(wait + jitter))
        continue
      }
      if (response.status >= 500 && response.status !== 503 && attempt < maxAttempts) {
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

    async health(): Promise<boolean> {
      try {
        const response = await fetch(url('/v1/health'), { signal: AbortSignal.timeout(5_000) })
        if (!response.ok) return false
        return HealthSchema.safeParse(await response.json()).success
      } catch {
        return false
      }
    },

    async login(username: string, password: string): Promise<LoginResponse> {
      const response = await send(url('/v1/auth/login'), {
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
        const response = await send(target, { headers: headers() })
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

    /**
     * Posts one case event. Returns the status with the parsed JSON body (the case on 200 and
     * 409, a problem otherwise); throws only when the service cannot be reached or refuses the
     * token.
     */
    async postCaseEvent(
      caseId: string,
      event: CaseEvent,
    ): Promise<{ status: number; body: unknown }> {
      const response = await send(url(`/v1/cases/${encodeURIComponent(caseId)}/events`), {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(event),
      })
      if (response.status === 401) {
        await response.body?.cancel()
        throw new ServiceError('unauthorized', 'The service refused the sign-in token.', 401)
      }
      return { status: response.status, body: await jsonOrNull(response) }
    },

    /** Reports photo views; the service answers 204 when it recorded them. */
    async postPhotoViews(events: PhotoViewEvent[]): Promise<{ status: number; body: unknown }> {
      const response = await send(url('/v1/audit/photo-views'), {
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

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time'
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? error.message
  }
  return String(error)
}
