// What the fault server answers to what a console sends (case events and the photo-view audit),
// kept small: it applies each case event once by its id (a repeat is answered with the case as
// it is) and bumps the case's version, without the case rules, conflicts or roles (the demo
// service has those; see case-event-server.ts). Every post is logged for the tests.

/** One POST /v1/cases/{caseId}/events, as it arrived. */
export interface CaseEventPost {
  caseId: string
  eventId: string
  type: string
}

export interface OutboxEndpoints {
  /** Every case-event post, repeats included, in order of arrival. */
  readonly caseEventPosts: CaseEventPost[]
  /** The event ids of each photo-view batch received, in order of arrival. */
  readonly photoViewBatches: string[][]
  /**
   * Answers a POST body for `path`: null when the path is not one of these endpoints. `actorId`
   * is who the token belongs to; `orderIdOf` finds a delivery's order id.
   */
  answer(
    path: string,
    body: string,
    actorId: string,
    orderIdOf: (deliveryId: string) => string | null,
  ): { status: number; body: unknown } | null
}

const CASE_EVENTS = /^\/v1\/cases\/([^/]+)\/events$/

export function createOutboxEndpoints(): OutboxEndpoints {
  const caseEventPosts: CaseEventPost[] = []
  const photoViewBatches: string[][] = []
  const cases = new Map<string, Record<string, unknown>>()
  const applied = new Set<string>()

  function applyEvent(
    caseId: string,
    event: Record<string, unknown>,
    actorId: string,
    orderIdOf: (id: string) => string | null,
  ) {
    const at = typeof event.occurredAt === 'string' ? event.occurredAt : new Date().toISOString()
    const current = cases.get(caseId)
    if (applied.has(String(event.id))) return current ?? null
    if (event.type === 'opened') {
      if (current) return current
      const deliveryId = String(event.deliveryId)
      const opened = {
        id: caseId,
        version: 1,
        updatedAt: at,
        deliveryId,
        orderId: orderIdOf(deliveryId) ?? 'unknown',
        status: 'open',
        reason: event.reason,
        openedAt: at,
        openedBy: actorId,
        assigneeId: null,
        resolution: null,
        notes: [] as unknown[],
      }
      cases.set(caseId, opened)
      applied.add(String(event.id))
      return opened
    }
    if (!current) return null
    const next: Record<string, unknown> = {
      ...current,
      version: Number(current.version) + 1,
      updatedAt: at,
    }
    if (event.type === 'note_added') {
      const note = { id: event.id, authorId: actorId, body: event.note, createdAt: at }
      next.notes = [...(current.notes as unknown[]), note]
    }
    if (event.type === 'status_changed') next.status = event.status
    cases.set(caseId, next)
    applied.add(String(event.id))
    return next
  }

  return {
    caseEventPosts,
    photoViewBatches,
    answer(path, body, actorId, orderIdOf) {
      let parsed: Record<string, unknown>
      try {
        parsed = JSON.parse(body) as Record<string, unknown>
      } catch {
        return { status: 400, body: null }
      }
      const caseEvent = CASE_EVENTS.exec(path)
      if (caseEvent) {
        const caseId = decodeURIComponent(caseEvent[1] as string)
        caseEventPosts.push({ caseId, eventId: String(parsed.id), type: String(parsed.type) })
        const record = applyEvent(caseId, parsed, actorId, orderIdOf)
        return record ? { status: 200, body: record } : { status: 404, body: null }
      }
      if (path === '/v1/audit/photo-views') {
        const events = Array.isArray(parsed.events)
          ? (parsed.events as Array<{ id?: unknown }>)
          : []
        photoViewBatches.push(events.map((e) => String(e.id)))
        return { status: 204, body: null }
      }
      return null
    },
  }
}
