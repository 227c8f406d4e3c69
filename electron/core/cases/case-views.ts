// Reading cases for the screens: one case with its timeline, evidence snapshot and conflict;
// the queue with its filters; the counts for the navigation; repeat claims for a delivery.
// Everything is as the signed-in user sees it: the service's cases with their own unsent work
// on top; of another user's unsent work only who and how many (case-state.ts).
import type BetterSqlite3 from 'better-sqlite3'
import type {
  CaseDetail,
  CaseListItem,
  EvidenceSnapshot,
  ListCasesArg,
  TimelineEntry,
} from '../api/case-schemas.ts'
import type { CaseEvent, ResolutionCode } from '../contract/schemas.ts'
import type { CaseState } from './case-rules.ts'
import { createCaseReader, eventOf, type LocalEventRow, type ProjectedCase } from './case-state.ts'
import { evidenceChanges } from './evidence-snapshot.ts'

const HOUR = 3_600_000
export const REPEAT_WINDOW_DAYS = 90

export interface CaseViewContext {
  meId: string
  firstActionTargetHours: number
  locationThresholdM: number
  /** The evidence as it is now, to compare with the snapshot; null if the delivery is gone. */
  currentEvidence: (deliveryId: string) => EvidenceSnapshot | null
  userName: (id: string) => string | null
}

interface DeliveryFacts {
  customer_name: string
  city: string
  customer_id: string
  driver_id: string
  address_key: string
  away_m: number | null
}

/**
 * Cases of the last 90 days (synced, or opened here and not sent yet) on other deliveries
 * sharing a customer, an address or a driver with @deliveryId, the three counted in one pass
 * over the recent cases. Exported for the open-delivery benchmark, which runs it bare.
 */
export const REPEAT_COUNTS_SQL = `SELECT sum(d.customer_id = @customer) AS customer,
         sum(d.postal_code || '|' || lower(d.address_line1) = @address) AS address,
         sum(d.driver_id = @driver) AS driver
       FROM (
         SELECT c.id, c.delivery_id FROM cases c WHERE c.opened_at >= @since
         UNION
         SELECT e.case_id, json_extract(e.body_json, '$.deliveryId') FROM case_events e
           WHERE e.type = 'opened' AND e.state = 'pending' AND e.created_at >= @since
       ) k JOIN deliveries d ON d.id = k.delivery_id
       WHERE d.id != @deliveryId`

export type RepeatCountParams = {
  since: string
  deliveryId: string
  customer: string
  address: string
  driver: string
}
export type RepeatCountRow = {
  customer: number | null
  address: number | null
  driver: number | null
}

export function createCaseViews(sqlite: BetterSqlite3.Database) {
  const reader = createCaseReader(sqlite)
  const snapshotOf = sqlite.prepare<[string], { evidence_json: string }>(
    'SELECT evidence_json FROM case_snapshots WHERE case_id = ?',
  )
  const deliveryFacts = sqlite.prepare<[string], DeliveryFacts>(
    `SELECT customer_name, city, customer_id, driver_id, postal_code || '|' || lower(address_line1) AS address_key, away_m
     FROM deliveries WHERE id = ?`,
  )
  const serverIds = sqlite.prepare<[], { id: string }>('SELECT id FROM cases')
  const localIds = sqlite.prepare<[], { case_id: string }>(
    "SELECT DISTINCT case_id FROM case_events WHERE state IN ('pending', 'conflict', 'failed')",
  )
  const serverIdsOf = sqlite
    .prepare<[string], string>('SELECT id FROM cases WHERE delivery_id = ?')
    .pluck()
  const localIdsOf = sqlite
    .prepare<[string], string>(
      `SELECT DISTINCT case_id FROM case_events WHERE type = 'opened'
         AND state IN ('pending', 'conflict', 'failed')
         AND json_extract(body_json, '$.deliveryId') = ?`,
    )
    .pluck()
  // Each count needs the recent cases' delivery rows: reading them once instead of three times
  // (or, for a driver, every one of their thousands of deliveries) is what keeps opening a
  // delivery quick at a million deliveries.
  const repeatCounts = sqlite.prepare<RepeatCountParams, RepeatCountRow>(REPEAT_COUNTS_SQL)
  // The viewer's own: someone else's unsent work is theirs to send or settle.
  const conflictCount = sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE state = 'conflict' AND actor_id = ?",
  )
  const pendingCount = sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE state = 'pending' AND actor_id = ?",
  )

  function firstActionAt(p: ProjectedCase, state: CaseState): string | null {
    const times: string[] = []
    for (const e of p.events)
      if (e.type !== 'opened' && e.state !== 'discarded' && e.state !== 'failed')
        times.push(e.created_at)
    for (const n of state.notes) if (n.createdAt > state.openedAt) times.push(n.createdAt)
    if (state.resolution) times.push(state.resolution.resolvedAt)
    if (
      times.length === 0 &&
      p.server &&
      (p.server.status !== 'open' || p.server.assignee_id !== null)
    ) {
      times.push(p.server.updated_at)
    }
    return times.length ? times.sort()[0]! : null
  }

  function listItem(
    caseId: string,
    p: ProjectedCase,
    state: CaseState,
    ctx: CaseViewContext,
  ): CaseListItem {
    const facts = deliveryFacts.get(state.deliveryId)
    return {
      id: caseId,
      deliveryId: state.deliveryId,
      orderId: state.orderId,
      customerName: facts?.customer_name ?? null,
      city: facts?.city ?? null,
      status: state.status,
      reason: state.reason,
      openedAt: state.openedAt,
      assigneeId: state.assigneeId,
      firstActionDueAt: new Date(
        Date.parse(state.openedAt) + ctx.firstActionTargetHours * HOUR,
      ).toISOString(),
      firstActionAt: firstActionAt(p, state),
      pendingChanges: p.events.filter((e) => e.state === 'pending').length,
      hasConflict: p.events.some((e) => e.state === 'conflict'),
      awayFromAddress: facts?.away_m != null && facts.away_m > ctx.locationThresholdM,
    }
  }

  function timeline(p: ProjectedCase, state: CaseState, ctx: CaseViewContext): TimelineEntry[] {
    const entries: TimelineEntry[] = []
    const localIds = new Set(p.events.map((e) => e.id))
    const name = (id: string | null) => (id ? (ctx.userName(id) ?? id) : null)
    if (p.server) {
      const s = p.server
      if (!p.events.some((e) => e.type === 'opened')) {
        entries.push(
          entry(
            `${s.id}:opened`,
            'opened',
            s.opened_at,
            s.opened_by,
            name(s.opened_by),
            `Opened: ${words(s.reason)}`,
            'sent',
          ),
        )
      }
      const notes = JSON.parse(s.notes_json) as CaseState['notes']
      for (const n of notes) {
        if (localIds.has(n.id)) continue
        entries.push(entry(n.id, 'note', n.createdAt, n.authorId, name(n.authorId), n.body, 'sent'))
      }
      const resolution = s.resolution_json
        ? (JSON.parse(s.resolution_json) as NonNullable<CaseState['resolution']>)
        : null
      if (resolution && !p.events.some((e) => e.type === 'resolved' && e.state === 'sent')) {
        entries.push(
          entry(
            `${s.id}:resolved`,
            'resolved',
            resolution.resolvedAt,
            resolution.resolvedBy,
            name(resolution.resolvedBy),
            `Resolved: ${words(resolution.code)}${resolution.note ? ` — ${resolution.note}` : ''}`,
            'sent',
          ),
        )
      }
    }
    for (const row of p.events) {
      const e = eventOf(row)
      entries.push({
        ...entry(
          row.id,
          kindOf(e),
          row.created_at,
          row.actor_id,
          row.actor_name,
          describeEvent(e, name),
          row.state,
        ),
        error:
          row.state === 'failed'
            ? row.last_error
            : row.state === 'conflict'
              ? 'The case changed on the service before this arrived.'
              : null,
      })
    }
    void state
    return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  }

  return {
    detail(caseId: string, ctx: CaseViewContext): CaseDetail | null {
      const p = reader.project(caseId, ctx.meId)
      if (!p.state) return null
      const state = p.state
      const item = listItem(caseId, p, state, ctx)
      const snapshotRow = snapshotOf.get(caseId)
      const snapshot = snapshotRow
        ? (JSON.parse(snapshotRow.evidence_json) as EvidenceSnapshot)
        : null
      const conflictRow = p.events.find((e) => e.state === 'conflict')
      const serverCase = conflictRow?.conflict_json
        ? (JSON.parse(conflictRow.conflict_json) as Record<string, unknown>)
        : null
      return {
        id: caseId,
        deliveryId: state.deliveryId,
        orderId: state.orderId,
        customerName: item.customerName,
        status: state.status,
        reason: state.reason,
        openedAt: state.openedAt,
        openedBy: state.openedBy,
        assigneeId: state.assigneeId,
        resolution: state.resolution
          ? { ...state.resolution, note: state.resolution.note ?? null }
          : null,
        serverVersion: p.server?.version ?? null,
        pendingChanges: item.pendingChanges,
        waitingForOthers: p.othersWaiting,
        timeline: timeline(p, state, ctx),
        snapshot,
        evidenceChanges: snapshot
          ? evidenceChanges(snapshot, ctx.currentEvidence(state.deliveryId))
          : [],
        conflict:
          conflictRow && serverCase
            ? {
                eventId: conflictRow.id,
                mine: describeEvent(eventOf(conflictRow), (id) =>
                  id ? (ctx.userName(id) ?? id) : null,
                ),
                server: {
                  version: Number(serverCase.version ?? 0),
                  status: (serverCase.status as CaseDetail['status']) ?? 'open',
                  assigneeId: (serverCase.assigneeId as string | null | undefined) ?? null,
                  resolutionCode:
                    (serverCase.resolution as { code?: ResolutionCode } | null | undefined)?.code ??
                    null,
                  updatedAt: String(serverCase.updatedAt ?? ''),
                },
              }
            : null,
        firstActionDueAt: item.firstActionDueAt,
        firstActionAt: item.firstActionAt,
      }
    },

    list(arg: ListCasesArg, ctx: CaseViewContext): CaseListItem[] {
      const ids = new Set<string>()
      for (const r of serverIds.all()) ids.add(r.id)
      for (const r of localIds.all()) ids.add(r.case_id)
      const now = Date.now()
      const items: CaseListItem[] = []
      for (const id of ids) {
        const p = reader.project(id, ctx.meId)
        if (!p.state) continue
        const state = p.state
        if (arg.statuses?.length && !arg.statuses.includes(state.status)) continue
        if (arg.reason && state.reason !== arg.reason) continue
        if (arg.assignee) {
          const want =
            arg.assignee === 'me' ? ctx.meId : arg.assignee === 'unassigned' ? null : arg.assignee
          if (state.assigneeId !== want) continue
        }
        if (
          arg.minAgeHours !== undefined &&
          now - Date.parse(state.openedAt) < arg.minAgeHours * HOUR
        )
          continue
        if (arg.customerId || arg.addressKey || arg.driverId) {
          const facts = deliveryFacts.get(state.deliveryId)
          if (!facts) continue
          if (arg.customerId && facts.customer_id !== arg.customerId) continue
          if (arg.addressKey && facts.address_key !== arg.addressKey) continue
          if (arg.driverId && facts.driver_id !== arg.driverId) continue
        }
        items.push(listItem(id, p, state, ctx))
      }
      // 'due': cases still waiting for a first action, soonest due first, then the rest.
      const key = (c: CaseListItem) =>
        arg.sort === 'due'
          ? `${c.firstActionAt === null && c.status !== 'resolved' ? 0 : 1}${c.firstActionDueAt}`
          : c.openedAt
      items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      if (arg.sort === 'newest') items.reverse()
      return items.slice(0, arg.limit)
    },

    /** The cases on one delivery, newest first: what its screen lists. */
    ofDelivery(deliveryId: string, ctx: CaseViewContext): CaseListItem[] {
      const ids = new Set([...serverIdsOf.all(deliveryId), ...localIdsOf.all(deliveryId)])
      const items: CaseListItem[] = []
      for (const id of ids) {
        const p = reader.project(id, ctx.meId)
        if (p.state?.deliveryId === deliveryId) items.push(listItem(id, p, p.state, ctx))
      }
      return items.sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))
    },

    counts(ctx: CaseViewContext) {
      const open = this.list(
        { statuses: ['open', 'investigating', 'awaiting_customer'], sort: 'oldest', limit: 500 },
        ctx,
      )
      return {
        // "Awaiting customer" waits on the customer, not on the agent.
        waitingOnMe: open.filter(
          (c) => c.assigneeId === ctx.meId && c.status !== 'awaiting_customer',
        ).length,
        open: open.length,
        conflicts: conflictCount.get(ctx.meId)?.n ?? 0,
        pendingChanges: pendingCount.get(ctx.meId)?.n ?? 0,
      }
    },

    /** Cases in the last 90 days on the same customer, address and driver, not on this delivery. */
    repeatClaims(deliveryId: string, now = new Date()) {
      const facts = deliveryFacts.get(deliveryId)
      const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 24 * HOUR).toISOString()
      const empty = {
        customer: { id: '', count: 0 },
        address: { key: '', count: 0 },
        driver: { id: '', count: 0 },
      }
      if (!facts) return empty
      const counts = repeatCounts.get({
        since,
        deliveryId,
        customer: facts.customer_id,
        address: facts.address_key,
        driver: facts.driver_id,
      })
      // An empty fact (no customer id from the service) joins nothing to anything.
      const count = (value: string, n: number | null | undefined) => (value === '' ? 0 : (n ?? 0))
      return {
        customer: { id: facts.customer_id, count: count(facts.customer_id, counts?.customer) },
        address: { key: facts.address_key, count: count(facts.address_key, counts?.address) },
        driver: { id: facts.driver_id, count: count(facts.driver_id, counts?.driver) },
      }
    },
  }
}

function entry(
  id: string,
  kind: TimelineEntry['kind'],
  at: string,
  actorId: string | null,
  actorName: string | null,
  text: string,
  send: TimelineEntry['send'],
): TimelineEntry {
  return { id, kind, at, actorId, actorName, text, send, error: null }
}

function kindOf(e: CaseEvent): TimelineEntry['kind'] {
  switch (e.type) {
    case 'opened':
      return 'opened'
    case 'note_added':
      return 'note'
    case 'status_changed':
      return 'status'
    case 'assigned':
      return 'assigned'
    case 'resolved':
      return 'resolved'
    case 'reopened':
      return 'reopened'
  }
}

export function describeEvent(e: CaseEvent, name: (id: string | null) => string | null): string {
  switch (e.type) {
    case 'opened':
      return `Opened: ${words(e.reason ?? 'other')}${e.note ? ` — ${e.note}` : ''}`
    case 'note_added':
      return e.note ?? ''
    case 'status_changed':
      return `Status: ${words(e.status ?? 'open')}`
    case 'assigned':
      return e.assigneeId ? `Assigned to ${name(e.assigneeId) ?? e.assigneeId}` : 'Unassigned'
    case 'resolved':
      return `Resolved: ${words(e.resolutionCode ?? 'no_action')}${e.note ? ` — ${e.note}` : ''}`
    case 'reopened':
      return `Reopened${e.note ? ` — ${e.note}` : ''}`
  }
}

/** `awaiting_customer` → "awaiting customer", `delivered_to_neighbor` → "delivered to neighbour". */
export function words(code: string): string {
  return code.replace(/_/g, ' ').replace('neighbor', 'neighbour')
}

export type { LocalEventRow }
