// A case's timeline as its screen shows it: the service's record (opened, notes, resolution) and
// each change made here with whether it was sent, in words; and when it was first acted on.
import type { TimelineEntry } from '../api/case-schemas.ts'
import type { CaseEvent } from '../contract/schemas.ts'
import type { CaseState } from './case-rules.ts'
import { eventOf, type ProjectedCase } from './case-state.ts'

/** When the case was first acted on: a change, a later note or the resolution. */
export function firstActionAt(p: ProjectedCase, state: CaseState): string | null {
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

/** Everything that happened to a case, oldest first: the service's record and the changes made here. */
export function timeline(
  p: ProjectedCase,
  ctx: { userName: (id: string) => string | null },
): TimelineEntry[] {
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
      entries.push({
        ...entry(n.id, 'note', n.createdAt, n.authorId, name(n.authorId), n.body, 'sent'),
        audience: n.audience ?? 'internal',
      })
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
      audience: e.type === 'note_added' ? (e.audience ?? 'internal') : null,
    })
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
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
  return { id, kind, at, actorId, actorName, text, send, error: null, audience: null }
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
    case 'ticket_set':
      return 'ticket'
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
    case 'ticket_set':
      return e.ticket ? `Ticket set to ${e.ticket}` : 'Ticket cleared'
  }
}

/** `awaiting_customer` → "awaiting customer", `delivered_to_neighbor` → "delivered to neighbour". */
export function words(code: string): string {
  return code.replace(/_/g, ' ').replace('neighbor', 'neighbour')
}
