// When this process's HTTP client (Node's fetch, which is undici) created each request and when
// the headers of its answer came back, read from undici's diagnostics channels: it watches, it
// replaces nothing. With the fault server's arrival log it tells a request that was already on
// its way when a 429 reached the client (allowed to arrive before the instant the 429 named)
// from one sent after it (not allowed).
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { RequestRecord } from './fault-server.ts'

export interface ClientRequest {
  method: string
  /** The path without the query, as the fault server logs it. */
  path: string
  /** `Date.now()` when fetch created it. */
  createdAt: number
  /** `Date.now()` when the answer's headers arrived; null until then. */
  answeredAt: number | null
}

interface UndiciRequest {
  origin?: string | URL
  method: string
  path: string
}

export interface ClientRequestLog {
  readonly requests: ClientRequest[]
  /** The client's side of a request the fault server logged: the nth of its path, as it arrived. */
  of(record: RequestRecord, serverLog: readonly RequestRecord[]): ClientRequest | null
  /** Whether `request` was created before the answer to `answered` reached the client. */
  sentBefore(
    request: RequestRecord,
    answered: RequestRecord,
    serverLog: readonly RequestRecord[],
  ): boolean
  /** Forgets what was logged so far (alongside clearing the server's log). */
  clear(): void
  stop(): void
}

export function watchClientRequests(origin: string): ClientRequestLog {
  const requests: ClientRequest[] = []
  const open = new WeakMap<object, ClientRequest>()
  const sameOrigin = (request: UndiciRequest) => String(request.origin ?? '').startsWith(origin)

  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest }
    if (!sameOrigin(request)) return
    const entry: ClientRequest = {
      method: request.method,
      path: request.path.split('?')[0] as string,
      createdAt: Date.now(),
      answeredAt: null,
    }
    requests.push(entry)
    open.set(request, entry)
  }
  const onHeaders = (message: unknown) => {
    const { request } = message as { request: UndiciRequest }
    const entry = open.get(request)
    if (entry) entry.answeredAt = Date.now()
  }
  subscribe('undici:request:create', onCreate)
  subscribe('undici:request:headers', onHeaders)

  function of(record: RequestRecord, serverLog: readonly RequestRecord[]): ClientRequest | null {
    const nth = serverLog.filter(
      (r) => r.path === record.path && r.method === record.method && r.seq < record.seq,
    ).length
    const mine = requests.filter((r) => r.path === record.path && r.method === record.method)
    return mine[nth] ?? null
  }

  return {
    requests,
    of,
    sentBefore(request, answered, serverLog) {
      const sent = of(request, serverLog)
      const answer = of(answered, serverLog)?.answeredAt ?? null
      return sent !== null && answer !== null && sent.createdAt <= answer
    },
    clear: () => {
      requests.length = 0
    },
    stop: () => {
      unsubscribe('undici:request:create', onCreate)
      unsubscribe('undici:request:headers', onHeaders)
    },
  }
}
