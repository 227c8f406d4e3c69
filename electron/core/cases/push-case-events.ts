// Sends this console's case events to the service, in order per case, each with its own UUID,
// so a retry after a lost response is applied once. A 409 parks the event as a conflict for
// the agent to settle; later events of that case wait behind it.
//
// A shared console: only the signed-in user's events are sent, under their token. Another
// user's unsent events on the same case do not hold them up: each author's events keep their
// order and chain on each other, and an event goes out on the version the service holds (or the
// one its author's previous event produced). When the other author signs in, their older event
// meets the newer version: a note or an assignment commutes and is applied; anything else is a
// 409 that its author settles, having seen the case as it now is. Holding the next user's work
// until someone else comes back would block it for as long as they stay away, silently.
import type BetterSqlite3 from 'better-sqlite3'
import { CaseRecordSchema } from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'
import { ServiceError, type ServiceClient } from '../service/service-client.ts'
import { eventOf, type LocalEventRow } from './case-state.ts'
import { createCaseStore } from './store-cases.ts'
import {
  caseVersion,
  eventBefore,
  markEventConflict,
  markEventFailed,
  markEventSent,
  markEventTried,
  pendingEvents,
} from './case-tables.ts'

export interface PushOutcome {
  pushed: number
  conflicts: number
  failed: number
}

export async function pushCaseEvents(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  /**
   * Who is signed in: only their own events are sent, under their own token. Work another
   * agent queued on this console waits until that agent signs in again.
   */
  userId: string
  /**
   * Whether `userId` is still the one signed in. Checked right before each request (the token is
   * read as the request starts): once they sign out, none of their work goes out under the next
   * user's token.
   */
  stillSignedIn?: () => boolean
  signal?: AbortSignal
}): Promise<PushOutcome> {
  const { sqlite, client } = options
  const store = createCaseStore(sqlite)
  const pending = pendingEvents.on(sqlite)
  // Discarded events count as the one before: skipping them based the next event on the version
  // of the event before the discarded one, a version the service had moved past (that is why the
  // discarded one met a 409), so the next non-commuting event met a false 409 of its own.
  const previous = eventBefore.on(sqlite)
  const serverVersion = caseVersion.on(sqlite)
  const markSent = markEventSent.on(sqlite)
  const markConflict = markEventConflict.on(sqlite)
  const markFailed = markEventFailed.on(sqlite)
  const markAttempt = markEventTried.on(sqlite)
  // Run IMMEDIATE: it reads the case before writing it, and a deferred transaction that reads
  // while a sync's writer thread commits cannot write after it ("database is locked" at once).
  // A sent event keeps the base it was sent on (for a chained one, known only then).
  const settle = sqlite.transaction(
    (row: LocalEventRow, outcome: 'sent' | 'conflict', body: unknown, base: number | null) => {
      const parsed = CaseRecordSchema.safeParse(body)
      if (parsed.success) store.applyItems([parsed.data])
      const version = parsed.success ? parsed.data.version : null
      if (outcome === 'sent') {
        const sentAt = new Date().toISOString()
        markSent.run({ id: row.id, sentAt, baseVersion: base, producedVersion: version })
      } else {
        const conflictJson = JSON.stringify(parsed.success ? parsed.data : body)
        markConflict.run({ id: row.id, conflictJson })
      }
    },
  )

  const outcome: PushOutcome = { pushed: 0, conflicts: 0, failed: 0 }
  const blocked = new Set<string>()
  for (const row of pending.all()) {
    if (options.signal?.aborted) break
    // Someone else's: it waits for them, and blocks nothing of this user's.
    if (row.actor_id !== options.userId) continue
    if (blocked.has(row.case_id)) continue
    const base = baseVersionOf(row)
    if (base === 'wait') {
      blocked.add(row.case_id)
      continue
    }
    const event = { ...eventOf(row), baseVersion: base }
    let response: { status: number; body: unknown }
    if (options.stillSignedIn && !options.stillSignedIn()) break
    try {
      response = await client.postCaseEvent(row.case_id, event)
    } catch (error) {
      // Offline or signed out: everything stays queued for the next round.
      if (error instanceof ServiceError) throw error
      markAttempt.run({ id: row.id, error: error instanceof Error ? error.message : String(error) })
      blocked.add(row.case_id)
      continue
    }
    if (response.status === 200) {
      settle.immediate(row, 'sent', response.body, base)
      outcome.pushed++
    } else if (response.status === 409) {
      settle.immediate(row, 'conflict', response.body, base)
      outcome.conflicts++
      blocked.add(row.case_id)
    } else if (response.status === 400 || response.status === 403 || response.status === 404) {
      markFailed.run({ id: row.id, error: problemText(response.status, response.body) })
      outcome.failed++
    } else {
      // 429/503 beyond the client's retries, or a server error: try again next round.
      markAttempt.run({ id: row.id, error: problemText(response.status, response.body) })
      blocked.add(row.case_id)
    }
  }
  return outcome

  /** The base version to send, or 'wait' while an earlier event of the case is unsettled. */
  function baseVersionOf(row: LocalEventRow): number | null | 'wait' {
    if (row.type === 'opened') return null
    if (row.chained === 0) return row.base_version
    const before = previous.get({ caseId: row.case_id, actorId: row.actor_id, seq: row.seq })
    if (!before) return serverVersion.get({ id: row.case_id })?.version ?? null
    if (before.state === 'pending' || before.state === 'conflict') return 'wait'
    if (before.state === 'sent') {
      if (before.produced_version === null)
        return serverVersion.get({ id: row.case_id })?.version ?? null
      // Applied right on the base it was sent on: this one follows it on the version it made.
      // Applied over someone else's newer change (a note or an assignment commutes): the author
      // never saw that change, so this one goes on the version they did see, and the service
      // answers 409 if it does not commute. Basing it on the version the event before produced
      // would let a status change or a resolution pass over a change its author never saw.
      const overtaken =
        before.base_version !== null && before.produced_version !== before.base_version + 1
      return overtaken ? before.base_version : before.produced_version
    }
    // The event before failed or was discarded (after the agent saw the service's case in the
    // conflict): base this one on what the service holds now.
    return serverVersion.get({ id: row.case_id })?.version ?? null
  }
}

/** A refusal of the delivery service in words, with its own detail when it gave one. */
export function problemText(status: number, body: unknown): string {
  const detail =
    body &&
    typeof body === 'object' &&
    'detail' in body &&
    typeof (body as { detail: unknown }).detail === 'string'
      ? (body as { detail: string }).detail
      : null
  // In the language spoken when the answer came: it is kept with the change and shown as it is.
  switch (status) {
    case 400:
      return detail ? t('cases:push.invalidDetail', { detail }) : t('cases:push.invalid')
    case 403:
      return detail ? t('cases:push.forbiddenDetail', { detail }) : t('cases:push.forbidden')
    case 404:
      return detail ? t('cases:push.notFoundDetail', { detail }) : t('cases:push.notFound')
    default:
      return detail
        ? t('cases:push.httpDetail', { status, detail })
        : t('cases:push.http', { status })
  }
}
