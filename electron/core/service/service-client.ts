// The HTTP client of the delivery service contract (docs/delivery-api.yaml).
// Every response body is parsed with the contract's zod schemas before anything else sees it.
import {
  LoginResponseSchema,
  PeopleDirectorySchema,
  SyncPageSchema,
  type CaseEvent,
  type LoginResponse,
  type PhotoViewEvent,
  type ServiceIdentity,
  type SyncPage,
} from '../contract/schemas.ts'
import { systemClock } from '../common/clock.ts'
import { t } from '../messages/messages.ts'
import { createSender } from './send-request.ts'
import { failure, json, jsonOrNull, parseText } from './service-answers.ts'
import { ServiceError } from './service-error.ts'
import { createServiceGate, type RequestKind, type ServiceGate } from './service-gate.ts'

export { ServiceError, type ServiceErrorKind } from './service-error.ts'

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

type SyncStream = 'deliveries' | 'cases'
/** A posted body's answer: the status with the parsed JSON. */
type Posted = { status: number; body: unknown }

/** What `/v1/health` told about the service at an address. */
export type ServiceProbe = { reached: true; identity: ServiceIdentity | null } | { reached: false }

export function createServiceClient(options: ServiceClientOptions) {
  const base = new URL(options.baseUrl)
  const { timeoutMs = 20_000, maxAttempts = 4, maxRetryWaitMs = 30_000 } = options
  const sleep = options.sleep ?? systemClock.sleep
  const now = options.now ?? systemClock.now
  // Every request of this client passes it: one gate per service (service-gate.ts).
  const gate = createServiceGate({ clock: { now, sleep } })
  const { send, sendForText, askHealth } = createSender({
    ...{ base, gate, timeoutMs, maxAttempts, maxRetryWaitMs, sleep, now },
  })

  const url = (path: string, query?: Query) => urlOf(base, path, query)

  function headers(extra?: Record<string, string>): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json', ...extra }
    const token = options.getToken()
    if (token) h.authorization = `Bearer ${token}`
    return h
  }

  /** Posts a JSON body; the status with the parsed answer. A refused token throws. */
  async function postJson(request: RequestKind, target: URL, body: unknown) {
    const response = await send(request, target, {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body),
    })
    if (response.status === 401) {
      await response.body?.cancel()
      throw new ServiceError('unauthorized', t('sync:error.tokenRefused'), 401)
    }
    return { status: response.status, body: await jsonOrNull(response) }
  }

  return {
    origin: base.origin,

    /** The gate every request passes: what the service asked us to wait for, if anything. */
    serviceWait: waitsAskedOf(gate),

    /**
     * Whether the service answers. While it has asked us to wait, it is not asked: it answered
     * a moment ago, so it is up.
     */
    async health(): Promise<boolean> {
      if (gate.waiting()) return true
      const answer = await askHealth(url('/v1/health'), 5_000)
      return answer !== null && answer.success
    },

    /**
     * Which service answers at this address, where it says so (`/v1/health`); `reached: false`
     * when it does not answer (or not as the contract says), so nothing can be told.
     */
    async describe(timeout = 5_000): Promise<ServiceProbe> {
      // While the service has asked us to wait, nothing is sent to it, this question included.
      if (gate.waiting()) return { reached: false }
      const answer = await askHealth(url('/v1/health'), timeout)
      return answer?.success
        ? { reached: true, identity: answer.data.service ?? null }
        : { reached: false }
    },

    async login(username: string, password: string): Promise<LoginResponse> {
      const response = await send('sign-in', url('/v1/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      if (response.status === 401) {
        await response.body?.cancel()
        throw new ServiceError('unauthorized', t('sync:error.badCredentials'), 401)
      }
      if (!response.ok) throw await failure(response, t('sync:error.what.signIn'))
      return json(response, LoginResponseSchema, t('sync:error.what.signIn'))
    },

    async pullPage(stream: SyncStream, cursor: string | null, limit: number): Promise<SyncPage> {
      const target = url(`/v1/sync/${stream}`, { cursor: cursor ?? undefined, limit })
      const what = t(`sync:error.what.${stream}`)
      const text = await sendForText(stream, target, { headers: headers() }, what)
      return parseText(text, SyncPageSchema, what)
    },

    /** The directory of people (`GET /v1/people`); each entry still to be parsed on its own. */
    async listPeople(): Promise<unknown[]> {
      return peopleIn(await send('people', url('/v1/people'), { headers: headers() }))
    },

    /**
     * Posts one case event. Returns the status with the parsed JSON body (the case on 200 and
     * 409, a problem otherwise); throws only when the service cannot be reached or refuses the
     * token.
     */
    async postCaseEvent(caseId: string, event: CaseEvent): Promise<Posted> {
      return postJson('case-event', url(`/v1/cases/${encodeURIComponent(caseId)}/events`), event)
    },

    /** Reports photo views; the service answers 204 when it recorded them. */
    async postPhotoViews(events: PhotoViewEvent[]): Promise<Posted> {
      return postJson('photo-views', url('/v1/audit/photo-views'), { events })
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

type Query = Record<string, string | number | undefined>

function urlOf(base: URL, path: string, query?: Query): URL {
  const u = new URL(path, base)
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined) u.searchParams.set(k, String(v))
  return u
}

/** What the service asked this client to wait for, as Settings and the status bar show it. */
function waitsAskedOf(gate: ServiceGate) {
  return {
    /** The wait in force now, or null. */
    now: () => gate.waiting(),
    /** The latest wait asked for, even one that has passed. */
    latest: () => gate.latest(),
    /** How many answers have asked to wait, in all. */
    asked: () => gate.asked,
  }
}

/** The entries of the directory of people the service answered, or its refusal in words. */
async function peopleIn(response: Response): Promise<unknown[]> {
  const what = t('sync:error.what.people')
  if (!response.ok) throw await failure(response, what)
  return (await json(response, PeopleDirectorySchema, what)).people
}
