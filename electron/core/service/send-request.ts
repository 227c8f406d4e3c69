// Sending one request to the delivery service: through the gate every request of a client passes
// (service-gate.ts), retrying 429/503 after the wait the service asked for and transient failures
// after a back-off with jitter, a bounded number of times.
import { serviceWaitWords } from '../api/service-wait-schemas.ts'
import { HealthSchema } from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'
import { describe, failure } from './service-answers.ts'
import { ServiceError } from './service-error.ts'
import type { RequestKind, ServiceGate, ServiceWait } from './service-gate.ts'

export interface Sending {
  base: URL
  gate: ServiceGate
  timeoutMs: number
  maxAttempts: number
  maxRetryWaitMs: number
  sleep: (ms: number) => Promise<void>
  now: () => number
}

export function createSender(sending: Sending) {
  const { base, gate, timeoutMs, maxAttempts, maxRetryWaitMs, sleep, now } = sending
  /** The request is not sent: the service asked us to wait past what we wait for. */
  function waitError(wait: ServiceWait): ServiceError {
    return new ServiceError(
      'busy',
      t('sync:error.waitRefused', { wait: serviceWaitWords(wait.until) }),
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
      t('sync:error.unreachable', { origin: base.origin, why: describe(lastError) }),
    )
  }

  /**
   * `/v1/health`'s answer checked against the contract; null when there is none to read (no
   * answer, an error status, or a wait asked for: the gate closes for it).
   */
  async function askHealth(target: URL, timeout: number) {
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(timeout) })
      if (response.status === 429 || response.status === 503) {
        holdFor(response, 'health', 1)
        await response.body?.cancel()
        return null
      }
      if (!response.ok) {
        await response.body?.cancel()
        return null
      }
      return HealthSchema.safeParse(await response.json())
    } catch {
      return null
    }
  }

  /**
   * A request's whole body as text. fetch resolves once the headers are in, so `send` retries only
   * connections that break before them. One that breaks mid-body is as transient (the same request
   * is sent again), not "a body that is not JSON" that fails the whole run.
   */
  async function sendForText(
    request: RequestKind,
    target: URL,
    init: RequestInit,
    what: string,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const response = await send(request, target, init)
      if (!response.ok) throw await failure(response, what)
      try {
        return await response.text()
      } catch (error) {
        if (attempt >= maxAttempts) {
          throw new ServiceError(
            'unreachable',
            t('sync:error.keptBreaking', { what, origin: base.origin, why: describe(error) }),
          )
        }
        await sleep(backoffMs(attempt))
      }
    }
  }

  return { send, sendForText, askHealth }
}

export function backoffMs(attempt: number): number {
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
