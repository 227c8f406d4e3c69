// A case's timeline as its screen shows it: the service's record (opened, notes, resolution) and
// each change made here with whether it was sent, in words; and when it was first acted on.
import type { CaseChange, TimelineEntry } from '../api/case-schemas.ts'
import { TIMELINE_WORDS } from '../api/display-words.ts'
import type { CaseEvent, CaseReason } from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'
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
  const words = (change: CaseChange) => describeChange(change, name)
  if (p.server) {
    const s = p.server
    if (!p.events.some((e) => e.type === 'opened')) {
      const opened: CaseChange = { kind: 'opened', reason: s.reason as CaseReason, note: null }
      entries.push(entry(`${s.id}:opened`, opened, s.opened_at, s.opened_by, name(s.opened_by)))
    }
    const notes = JSON.parse(s.notes_json) as CaseState['notes']
    for (const n of notes) {
      if (localIds.has(n.id)) continue
      entries.push({
        ...entry(n.id, { kind: 'note', body: n.body }, n.createdAt, n.authorId, name(n.authorId)),
        audience: n.audience ?? 'internal',
      })
    }
    const resolution = s.resolution_json
      ? (JSON.parse(s.resolution_json) as NonNullable<CaseState['resolution']>)
      : null
    if (resolution && !p.events.some((e) => e.type === 'resolved' && e.state === 'sent')) {
      const resolved: CaseChange = {
        kind: 'resolved',
        code: resolution.code,
        note: resolution.note ?? null,
      }
      entries.push(
        entry(
          `${s.id}:resolved`,
          resolved,
          resolution.resolvedAt,
          resolution.resolvedBy,
          name(resolution.resolvedBy),
        ),
      )
    }
  }
  for (const row of p.events) {
    const e = eventOf(row)
    entries.push({
      ...entry(row.id, changeOf(e), row.created_at, row.actor_id, row.actor_name, row.state),
      error:
        row.state === 'failed'
          ? row.last_error
          : row.state === 'conflict'
            ? t('cases:timeline.conflict')
            : null,
      audience: e.type === 'note_added' ? (e.audience ?? 'internal') : null,
    })
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))

  function entry(
    id: string,
    change: CaseChange,
    at: string,
    actorId: string | null,
    actorName: string | null,
    send: TimelineEntry['send'] = 'sent',
  ): TimelineEntry {
    const text = words(change)
    return {
      id,
      kind: change.kind,
      change,
      at,
      actorId,
      actorName,
      text,
      send,
      error: null,
      audience: null,
    }
  }
}

/** What a case event records, as codes and data. */
export function changeOf(e: CaseEvent): CaseChange {
  switch (e.type) {
    case 'opened':
      return { kind: 'opened', reason: e.reason ?? 'other', note: e.note ?? null }
    case 'note_added':
      return { kind: 'note', body: e.note ?? '' }
    case 'status_changed':
      return { kind: 'status', status: e.status ?? 'open' }
    case 'assigned':
      return { kind: 'assigned', assigneeId: e.assigneeId ?? null }
    case 'resolved':
      return { kind: 'resolved', code: e.resolutionCode ?? 'no_action', note: e.note ?? null }
    case 'reopened':
      return { kind: 'reopened', reason: e.note ?? null }
    case 'ticket_set':
      return { kind: 'ticket', ticket: e.ticket ?? null }
  }
}

/** A change in words, in the language spoken now: "Status: Investigating", "Assigned to Alex". */
export function describeChange(
  change: CaseChange,
  name: (id: string | null) => string | null,
): string {
  switch (change.kind) {
    case 'opened':
      return TIMELINE_WORDS.opened(change.reason, change.note)
    case 'note':
      return change.body
    case 'status':
      return TIMELINE_WORDS.status(change.status)
    case 'assigned':
      return TIMELINE_WORDS.assigned(name(change.assigneeId))
    case 'resolved':
      return TIMELINE_WORDS.resolved(change.code, change.note)
    case 'reopened':
      return TIMELINE_WORDS.reopened(change.reason)
    case 'ticket':
      return change.ticket
        ? t('cases:timeline.ticketSet', { ticket: change.ticket })
        : t('cases:timeline.ticketCleared')
  }
}
