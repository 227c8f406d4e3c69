// The fault server's case events and photo-view audit, as the contract has them: a case event's
// client-made `id` is its idempotency key (posted again, it is answered 200 with the case as it
// stands and applied once), a stale baseVersion on a change that does not commute is 409 with the
// current case, and a photo-view batch is recorded once per event id. The case rules are the demo
// service's own (demo-service/case-events.ts), not a copy.
//
// It counts by event id what arrived and what was applied, so a test can tell a resend the
// service recognised from a duplicate it applied, and keeps the order events were applied in.
// Applied cases are appended to the server's cases stream, so the next pull brings them back.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  CaseEventSchema,
  PhotoViewEventSchema,
  UuidSchema,
  type CaseEvent,
} from '../../electron/core/contract/schemas.ts'
import { applyCaseEvent, type StoredCase } from '../../electron/core/demo-service/case-events.ts'

/** One POST /v1/cases/{caseId}/events, as it arrived. */
export interface CaseEventPost {
  caseId: string
  eventId: string
  type: string
}

export interface CaseEventReceipt {
  eventId: string
  caseId: string
  type: CaseEvent['type']
  /** How many times it arrived. */
  received: number
  /** Whether it was applied (once: later arrivals are recognised by id). */
  applied: boolean
  /** Every status answered for it, in order. */
  answers: number[]
}

export interface AppliedEvent {
  caseId: string
  eventId: string
  userId: string
  baseVersion: number | null | undefined
  /** The case version it produced. */
  version: number
}

export interface PhotoViewReceipt {
  id: string
  userId: string
  received: number
}

export interface CaseEventLedger {
  /** Every case-event post, repeats and refusals included, in order of arrival. */
  readonly posts: CaseEventPost[]
  readonly receipts: ReadonlyMap<string, CaseEventReceipt>
  /** Events in the order they were applied. */
  readonly applied: ReadonlyArray<AppliedEvent>
  readonly photoViews: ReadonlyMap<string, PhotoViewReceipt>
  /** The event ids of each photo-view batch recorded, in order of arrival. */
  readonly photoViewBatches: string[][]
  /** The case as the service holds it (null: never existed or deleted). */
  case(id: string): StoredCase | null
  /** Every live case's id and version, by id. */
  liveCases(): Array<{ id: string; version: number }>
  /** Holds each answer this long after the event was applied or the views recorded. */
  holdAnswersMs: number
}

interface Context {
  userId: string
  role: 'agent' | 'supervisor'
  userExists(id: string): boolean
  /** A live delivery's order id; null when the service has no such delivery. */
  orderIdOf(deliveryId: string): string | null
  /** Appends an applied case to the server's cases stream. */
  publish(record: StoredCase): void
  /** Sets the request's logged status. */
  answered(status: number): void
}

export function createCaseEventLedger() {
  const posts: CaseEventPost[] = []
  const photoViewBatches: string[][] = []
  const receipts = new Map<string, CaseEventReceipt>()
  const applied: AppliedEvent[] = []
  const photoViews = new Map<string, PhotoViewReceipt>()
  const cases = new Map<string, StoredCase>()

  const ledger: CaseEventLedger = {
    posts,
    receipts,
    applied,
    photoViews,
    photoViewBatches,
    case: (id) => {
      const found = cases.get(id)
      return found && found.deleted !== true ? found : null
    },
    liveCases: () =>
      [...cases.values()]
        .filter((c) => c.deleted !== true)
        .map((c) => ({ id: c.id, version: c.version }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    holdAnswersMs: 0,
  }

  /** Follows what is appended to the cases stream: the case as the service holds it. */
  function observe(item: unknown): void {
    if (typeof item !== 'object' || item === null) return
    const record = item as Record<string, unknown>
    if (typeof record.id !== 'string' || typeof record.version !== 'number') return
    const current = cases.get(record.id)
    if (current && current.version >= record.version) return
    cases.set(record.id, record as unknown as StoredCase)
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    context: Context,
  ): Promise<boolean> {
    const eventPath = /^\/v1\/cases\/([^/]+)\/events$/.exec(path)
    if (req.method === 'POST' && eventPath) {
      await postCaseEvent(req, res, decodeURIComponent(eventPath[1] as string), context)
      return true
    }
    if (req.method === 'POST' && path === '/v1/audit/photo-views') {
      await postPhotoViews(req, res, context)
      return true
    }
    return false
  }

  async function postCaseEvent(
    req: IncomingMessage,
    res: ServerResponse,
    caseId: string,
    context: Context,
  ) {
    const body = await readJson(req)
    const sent = (body ?? {}) as { id?: unknown; type?: unknown }
    posts.push({ caseId, eventId: String(sent.id), type: String(sent.type) })
    const parsed = CaseEventSchema.safeParse(body)
    if (!UuidSchema.safeParse(caseId).success || !parsed.success) {
      return answer(res, context, 400, problem(400, 'Not a case event for a case id.'))
    }
    const event = parsed.data
    const seen = receipts.get(event.id)
    if (seen) {
      seen.received++
      if (seen.caseId !== caseId) {
        seen.answers.push(400)
        return answer(res, context, 400, problem(400, 'This event id was used for another case.'))
      }
      // The same event again (its answer was lost): applied once, answered as it stands.
      if (seen.applied) {
        seen.answers.push(200)
        return answer(res, context, 200, cases.get(caseId))
      }
    }
    const receipt: CaseEventReceipt = seen ?? {
      eventId: event.id,
      caseId,
      type: event.type,
      received: 1,
      applied: false,
      answers: [],
    }
    receipts.set(event.id, receipt)
    const current = cases.get(caseId) ?? null
    const outcome = applyCaseEvent(
      current,
      caseId,
      event,
      { id: context.userId, role: context.role },
      {
        now: new Date().toISOString(),
        deliveryOrderId: context.orderIdOf,
        userExists: context.userExists,
      },
    )
    if (outcome.kind === 'rejected') {
      receipt.answers.push(outcome.status)
      return answer(
        res,
        context,
        outcome.status,
        outcome.record && outcome.status === 409
          ? outcome.record
          : problem(outcome.status, outcome.detail),
      )
    }
    receipt.applied = true
    receipt.answers.push(200)
    context.publish(outcome.record)
    applied.push({
      caseId,
      eventId: event.id,
      userId: context.userId,
      baseVersion: event.baseVersion,
      version: outcome.record.version,
    })
    if (ledger.holdAnswersMs > 0) await sleep(ledger.holdAnswersMs)
    return answer(res, context, 200, outcome.record)
  }

  async function postPhotoViews(req: IncomingMessage, res: ServerResponse, context: Context) {
    const parsed = z
      .object({ events: z.array(PhotoViewEventSchema).max(500) })
      .safeParse(await readJson(req))
    if (!parsed.success) return answer(res, context, 400, problem(400, 'Not a photo-view batch.'))
    for (const view of parsed.data.events) {
      const seen = photoViews.get(view.id)
      if (seen) seen.received++
      else photoViews.set(view.id, { id: view.id, userId: context.userId, received: 1 })
    }
    photoViewBatches.push(parsed.data.events.map((view) => view.id))
    if (ledger.holdAnswersMs > 0) await sleep(ledger.holdAnswersMs)
    context.answered(204)
    res.writeHead(204)
    res.end()
  }

  return { ledger, observe, handle }
}

function answer(res: ServerResponse, context: Context, status: number, body: unknown): void {
  context.answered(status)
  const text = JSON.stringify(body)
  const problemBody = status !== 200 && status !== 409
  res.writeHead(status, {
    'content-type': problemBody ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

function problem(status: number, detail: string) {
  return { type: 'about:blank', status, detail }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown)
      } catch {
        resolve(null)
      }
    })
    req.on('error', reject)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
