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
} from '../api/case-schemas.ts'
import type { ResolutionCode } from '../contract/schemas.ts'
import { CASE_STATUSES } from '../contract/schemas.ts'
import type { CaseState } from './case-rules.ts'
import { deliveryCaseFacts } from '../deliveries/delivery-tables.ts'
import {
  allCaseIds,
  caseIdsOfDelivery,
  caseIdsWithLocalWork,
  caseIdsWithTicket,
  pendingTicketChanges,
  caseSnapshot,
  casesOpenedHereOn,
  eventsOfActorIn,
} from './case-tables.ts'
import { createRepeatClaims } from './repeat-claims.ts'
import { changeOf, describeChange, firstActionAt, timeline } from './case-timeline.ts'
import { createCaseReader, eventOf, type LocalEventRow, type ProjectedCase } from './case-state.ts'
import { evidenceChanges } from './evidence-snapshot.ts'
import { sameTicket, ticketForms } from '../api/ticket-url-template.ts'

const HOUR = 3_600_000

export interface CaseViewContext {
  meId: string
  firstActionTargetHours: number
  locationThresholdM: number
  /** The evidence as it is now, to compare with the snapshot; null if the delivery is gone. */
  currentEvidence: (deliveryId: string) => EvidenceSnapshot | null
  userName: (id: string) => string | null
}

type DeliveryFacts = NonNullable<ReturnType<ReturnType<typeof deliveryCaseFacts.on>['get']>>

export function createCaseViews(sqlite: BetterSqlite3.Database) {
  const reader = createCaseReader(sqlite)
  const snapshotOf = caseSnapshot.on(sqlite)
  const deliveryFacts = deliveryCaseFacts.on(sqlite)
  const serverIds = allCaseIds.on(sqlite)
  const localIds = caseIdsWithLocalWork.on(sqlite)
  const serverIdsOf = caseIdsOfDelivery.on(sqlite)
  const localIdsOf = casesOpenedHereOn.on(sqlite)
  const repeatClaims = createRepeatClaims(sqlite)
  const carrying = createTicketLookup(sqlite, reader)
  // The viewer's own: someone else's unsent work is theirs to send or settle.
  const eventsIn = eventsOfActorIn.on(sqlite)

  const listItem = (caseId: string, p: ProjectedCase, state: CaseState, ctx: CaseViewContext) =>
    caseListItem(caseId, p, state, ctx, deliveryFacts.get({ id: state.deliveryId }))

  return {
    detail(caseId: string, ctx: CaseViewContext): CaseDetail | null {
      const p = reader.project(caseId, ctx.meId)
      if (!p.state) return null
      const state = p.state
      const item = listItem(caseId, p, state, ctx)
      const snapshotRow = snapshotOf.get({ caseId })
      const snapshot = snapshotRow
        ? (JSON.parse(snapshotRow.evidence_json) as EvidenceSnapshot)
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
        ticket: state.ticket,
        resolution: state.resolution
          ? { ...state.resolution, note: state.resolution.note ?? null }
          : null,
        serverVersion: p.server?.version ?? null,
        pendingChanges: item.pendingChanges,
        waitingForOthers: p.othersWaiting,
        timeline: timeline(p, ctx),
        snapshot,
        evidenceChanges: snapshot
          ? evidenceChanges(snapshot, ctx.currentEvidence(state.deliveryId))
          : [],
        conflict: conflictOf(p, ctx),
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
        const facts = () => deliveryFacts.get({ id: state.deliveryId })
        if (!matches(arg, state, now, ctx.meId, facts)) continue
        if (arg.text && !mentions(state, facts()?.customer_name ?? null, arg.text)) continue
        items.push(listItem(id, p, state, ctx))
      }
      return inQueueOrder(items, arg.sort, ctx).slice(0, arg.limit)
    },

    /** The cases on one delivery, newest first: what its screen lists. */
    ofDelivery(deliveryId: string, ctx: CaseViewContext): CaseListItem[] {
      const ids = new Set([
        ...serverIdsOf.all({ deliveryId }).map((r) => r.id),
        ...localIdsOf.all({ deliveryId }).map((r) => r.case_id),
      ])
      const items: CaseListItem[] = []
      for (const id of ids) {
        const p = reader.project(id, ctx.meId)
        if (p.state?.deliveryId === deliveryId) items.push(listItem(id, p, p.state, ctx))
      }
      return items.sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))
    },

    /** The cases carrying a help-desk ticket as the viewer sees them, newest first. */
    withTicket(ticket: string, ctx: CaseViewContext): CaseListItem[] {
      const found = carrying(ticket, ctx.meId).map(({ id, p, state }) =>
        listItem(id, p, state, ctx),
      )
      return inQueueOrder(found, 'newest', ctx)
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
        conflicts: eventsIn.get({ actorId: ctx.meId, state: 'conflict' })?.n ?? 0,
        pendingChanges: eventsIn.get({ actorId: ctx.meId, state: 'pending' })?.n ?? 0,
      }
    },

    /** Cases in the last 90 days on the same customer, address and driver, not on this delivery. */
    repeatClaims,
  }
}

export type { LocalEventRow }
export { REPEAT_WINDOW_DAYS } from './repeat-claims.ts'

/**
 * The cases carrying a ticket (in either form, `#4521` or `4521`, any letter case) as a viewer
 * sees them: the service's, found by the ticket index, and those whose ticket the viewer set here
 * and has not sent yet; each checked on the case as the viewer sees it.
 */
function createTicketLookup(
  sqlite: BetterSqlite3.Database,
  reader: ReturnType<typeof createCaseReader>,
) {
  const serverIdsWithTicket = caseIdsWithTicket.on(sqlite)
  const ticketsSetHere = pendingTicketChanges.on(sqlite)
  return (ticket: string, viewerId: string) => {
    const [asWritten, other] = ticketForms(ticket)
    const ids = new Set(serverIdsWithTicket.all({ ticket: asWritten, other }).map((r) => r.id))
    for (const r of ticketsSetHere.all())
      if (r.ticket !== null && sameTicket(r.ticket, ticket)) ids.add(r.case_id)
    const found: Array<{ id: string; p: ProjectedCase; state: CaseState }> = []
    for (const id of ids) {
      const p = reader.project(id, viewerId)
      if (p.state?.ticket && sameTicket(p.state.ticket, ticket))
        found.push({ id, p, state: p.state })
    }
    return found
  }
}

/** The conflict a change of this user met on the service: theirs beside the service's case. */
function conflictOf(p: ProjectedCase, ctx: CaseViewContext): CaseDetail['conflict'] {
  const conflictRow = p.events.find((e) => e.state === 'conflict')
  const serverCase = conflictRow?.conflict_json
    ? (JSON.parse(conflictRow.conflict_json) as Record<string, unknown>)
    : null
  if (!conflictRow || !serverCase) return null
  const change = changeOf(eventOf(conflictRow))
  return {
    eventId: conflictRow.id,
    mine: describeChange(change, (id) => (id ? (ctx.userName(id) ?? id) : null)),
    change,
    server: {
      version: Number(serverCase.version ?? 0),
      status: (serverCase.status as CaseDetail['status']) ?? 'open',
      assigneeId: (serverCase.assigneeId as string | null | undefined) ?? null,
      resolutionCode:
        (serverCase.resolution as { code?: ResolutionCode } | null | undefined)?.code ?? null,
      updatedAt: String(serverCase.updatedAt ?? ''),
    },
  }
}

/** Whether a case passes the queue's filters (its delivery's facts read only when asked). */
function matches(
  arg: ListCasesArg,
  state: CaseState,
  now: number,
  meId: string,
  factsOf: () => DeliveryFacts | undefined,
): boolean {
  if (arg.statuses?.length && !arg.statuses.includes(state.status)) return false
  if (arg.reason && state.reason !== arg.reason) return false
  if (arg.assignee) {
    const want = arg.assignee === 'me' ? meId : arg.assignee === 'unassigned' ? null : arg.assignee
    if (state.assigneeId !== want) return false
  }
  if (arg.minAgeHours !== undefined && now - Date.parse(state.openedAt) < arg.minAgeHours * HOUR)
    return false
  if (arg.customerId || arg.addressKey || arg.driverId) {
    const facts = factsOf()
    if (!facts) return false
    if (arg.customerId && facts.customer_id !== arg.customerId) return false
    if (arg.addressKey && facts.address_key !== arg.addressKey) return false
    if (arg.driverId && facts.driver_id !== arg.driverId) return false
  }
  return true
}

/** Text folded for finding: case, accents and runs of spaces ignored. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ')
}

/** Whether the order number, the customer's name or a note of the case holds every word of `text`. */
function mentions(state: CaseState, customerName: string | null, text: string): boolean {
  const haystack = folded(
    [
      state.orderId,
      customerName ?? '',
      ...state.notes.map((n) => n.body),
      state.resolution?.note ?? '',
    ].join('\n'),
  )
  return folded(text)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

const STATUS_RANK = Object.fromEntries(CASE_STATUSES.map((status, rank) => [status, rank]))

/**
 * The queue's order (CASE_SORTS), ties by age, oldest first. 'due': cases still waiting for a
 * first action, soonest due first, then the rest; the assignee by display name, unassigned last.
 */
function inQueueOrder(
  items: CaseListItem[],
  sort: ListCasesArg['sort'],
  ctx: CaseViewContext,
): CaseListItem[] {
  const byAge = (a: CaseListItem, b: CaseListItem) => compare(a.openedAt, b.openedAt)
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
  const nameOf = (c: CaseListItem) =>
    c.assigneeId ? (ctx.userName(c.assigneeId) ?? c.assigneeId) : null
  const key = sort.replace(/-desc$/, '')
  const descending = sort.endsWith('-desc') || sort === 'newest'
  const order: Record<string, (a: CaseListItem, b: CaseListItem) => number> = {
    oldest: byAge,
    newest: byAge,
    due: (a, b) =>
      compare(waitingRank(a), waitingRank(b)) || compare(a.firstActionDueAt, b.firstActionDueAt),
    status: (a, b) => compare(STATUS_RANK[a.status] ?? 0, STATUS_RANK[b.status] ?? 0),
    assignee: (a, b) => {
      const [x, y] = [nameOf(a), nameOf(b)]
      // The unassigned come last either way round: they are not a name.
      if (x === null || y === null) return 0
      return collator.compare(x, y)
    },
  }
  const primary = order[key] ?? byAge
  items.sort((a, b) => {
    if (key === 'assignee' && (a.assigneeId === null) !== (b.assigneeId === null))
      return a.assigneeId === null ? 1 : -1
    const first = descending ? primary(b, a) : primary(a, b)
    return first || (key === 'newest' ? 0 : byAge(a, b))
  })
  return items
}

function waitingRank(c: CaseListItem): number {
  return c.firstActionAt === null && c.status !== 'resolved' ? 0 : 1
}

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A case as the queue lists it, with its delivery's customer and city. */
function caseListItem(
  caseId: string,
  p: ProjectedCase,
  state: CaseState,
  ctx: CaseViewContext,
  facts: DeliveryFacts | undefined,
): CaseListItem {
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
    ticket: state.ticket,
    firstActionDueAt: new Date(
      Date.parse(state.openedAt) + ctx.firstActionTargetHours * HOUR,
    ).toISOString(),
    firstActionAt: firstActionAt(p, state),
    pendingChanges: p.events.filter((e) => e.state === 'pending').length,
    hasConflict: p.events.some((e) => e.state === 'conflict'),
    awayFromAddress: facts?.away_m != null && facts.away_m > ctx.locationThresholdM,
  }
}
