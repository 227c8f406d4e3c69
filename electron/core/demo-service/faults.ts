// Trouble on request, for tests of a client's back-off and resume logic: answer the next matching
// requests with 429/503 (and Retry-After), or cut a photo download short.

export interface FaultSpec {
  /** Applies to request paths starting with this, e.g. '/v1/photos/' or '/v1/sync/deliveries'. */
  path: string
  /** Only this method (default: any). */
  method?: string
  /** Answer with this status instead of handling the request. */
  status?: 429 | 500 | 503
  /** Sent as Retry-After with 429 and 503 (default 1). */
  retryAfterSeconds?: number
  /** Photo downloads only: send this many body bytes, then drop the connection. */
  truncateAfterBytes?: number
  /** How many matching requests it affects (default 1). */
  times?: number
}

export class Faults {
  #pending: Array<FaultSpec & { remaining: number }> = []

  add(spec: FaultSpec): void {
    if (spec.status === undefined && spec.truncateAfterBytes === undefined) {
      throw new Error('A fault needs a status or truncateAfterBytes')
    }
    this.#pending.push({ ...spec, remaining: spec.times ?? 1 })
  }

  clear(): void {
    this.#pending = []
  }

  /** The fault for this request, if any, counting it as used. */
  take(method: string, path: string): FaultSpec | null {
    const index = this.#pending.findIndex(
      (fault) =>
        path.startsWith(fault.path) && (fault.method === undefined || fault.method === method),
    )
    if (index < 0) return null
    const fault = this.#pending[index] as FaultSpec & { remaining: number }
    fault.remaining -= 1
    if (fault.remaining <= 0) this.#pending.splice(index, 1)
    return fault
  }
}
