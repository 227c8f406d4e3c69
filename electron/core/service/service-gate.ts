// One gate for every request a console sends to its delivery service. A 429 or 503 means the
// service is shedding load, whichever request got it: from then on no request of any kind (page
// pulls, photos, case events, the photo-view audit, sign-in, the health check) leaves before the
// instant it asked for, and each waiting request adds its own jitter on top (never less). A later
// answer can move the instant later, never earlier. Requests already on their way are not called
// back; their retries wait here like everything else.
import type { RequestKind } from '../api/service-wait-schemas.ts'
import { systemClock, type Clock } from '../common/clock.ts'

export type { RequestKind }

/** The service's request to wait, as the gate holds it (times in ms since the epoch). */
export interface ServiceWait {
  /** When the answer that set `until` arrived. */
  askedAt: number
  /** Nothing is sent before this instant. */
  until: number
  /** The request that got that answer. */
  request: RequestKind
  /** Its status: 429 or 503. */
  status: number
}

export type ServiceGate = ReturnType<typeof createServiceGate>

export function createServiceGate(options: { clock?: Clock; random?: () => number } = {}) {
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  /** The latest wait asked for, kept after it has passed (the sync report reads it). */
  let latest: (ServiceWait & { jitterMs: number }) | null = null
  let asked = 0

  const view = ({ askedAt, until, request, status }: ServiceWait): ServiceWait => ({
    askedAt,
    until,
    request,
    status,
  })

  return {
    /**
     * The service answered `request` with `status` and asked for `waitMs` (its Retry-After, or
     * our back-off when it named none). Returns the wait now in force: this one, or a later one
     * asked for before.
     */
    hold(wait: { request: RequestKind; status: number; waitMs: number; jitterMs: number }) {
      asked++
      const now = clock.now()
      const until = now + Math.max(0, wait.waitMs)
      if (latest === null || latest.until <= now || until > latest.until) {
        latest = { askedAt: now, until, request: wait.request, status: wait.status, jitterMs: 0 }
      }
      // The widest jitter asked for applies: it only ever makes requests wait longer.
      latest.jitterMs = Math.max(latest.jitterMs, wait.jitterMs)
      return view(latest)
    },

    /**
     * Waits until requests may leave. A wait longer than `maxWaitMs` is not waited out: it is
     * returned instead (and nothing is sent), so a sync ends rather than hangs.
     */
    async pass(maxWaitMs: number): Promise<ServiceWait | null> {
      let waitedFor = -Infinity
      for (;;) {
        const hold = latest
        // Each instant is slept out once; only a later one asked for meanwhile is waited again.
        if (hold === null || hold.until <= waitedFor) return null
        const remaining = hold.until - clock.now()
        if (remaining <= 0) return null
        if (remaining > maxWaitMs) return view(hold)
        await clock.sleep(Math.ceil(remaining + random() * hold.jitterMs))
        waitedFor = hold.until
      }
    },

    /** The wait in force now, or null when requests may leave. */
    waiting(): ServiceWait | null {
      return latest !== null && latest.until > clock.now() ? view(latest) : null
    },

    /** The latest wait asked for, even one that has passed. */
    latest(): ServiceWait | null {
      return latest === null ? null : view(latest)
    },

    /** How many answers have asked to wait, in all. */
    get asked(): number {
      return asked
    },
  }
}
