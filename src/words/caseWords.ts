// The words agents see for case codes, people and times. Kept plain: agents read them to customers.
import type { CaseDetail, TimelineEntry } from '../../electron/core/api/case-schemas.ts'
import { formatAge, formatDuration } from '../../electron/core/api/display-format.ts'

export type CaseStatus = CaseDetail['status']
export type CaseReason = CaseDetail['reason']
export type ResolutionCode = NonNullable<CaseDetail['resolution']>['code']
export type SendState = TimelineEntry['send']

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  awaiting_customer: 'Awaiting customer',
  resolved: 'Resolved',
}

export const REASON_LABELS: Record<CaseReason, string> = {
  not_received: 'Not received',
  wrong_location: 'Wrong location',
  damaged: 'Damaged',
  photo_dispute: 'Photo disputed',
  other: 'Other',
}

export const RESOLUTION_LABELS: Record<ResolutionCode, string> = {
  refund_issued: 'Refund issued',
  replacement_sent: 'Replacement sent',
  found_by_customer: 'Found by customer',
  delivered_to_neighbor: 'Delivered to neighbour',
  carrier_claim: 'Carrier claim',
  no_action: 'No action',
}

/** What each resolution means, for the resolve dialog. */
export const RESOLUTION_HINTS: Record<ResolutionCode, string> = {
  refund_issued: 'The customer was refunded.',
  replacement_sent: 'A replacement is on its way.',
  found_by_customer: 'The customer found the package after all.',
  delivered_to_neighbor: 'The package was left with a neighbour and the customer knows where.',
  carrier_claim: 'A claim was filed with the carrier.',
  no_action: 'Nothing to do: the evidence shows a correct delivery.',
}

export const STATUS_ORDER = Object.keys(STATUS_LABELS) as CaseStatus[]
export const ACTIVE_STATUSES: CaseStatus[] = ['open', 'investigating', 'awaiting_customer']
export const REASON_ORDER = Object.keys(REASON_LABELS) as CaseReason[]
export const RESOLUTION_ORDER = Object.keys(RESOLUTION_LABELS) as ResolutionCode[]

/** "You" for the person at the keyboard, "Unassigned" for nobody, else the service's user id. */
export function assigneeLabel(assigneeId: string | null, meId: string): string {
  if (assigneeId === null) return 'Unassigned'
  return assigneeId === meId ? 'You' : assigneeId
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A length of time the way agents say it, as everywhere: "12 min", "3 h 12 min", "4 d 6 h". */
export const formatSpan = formatDuration

export type FirstActionState =
  | { kind: 'done'; text: string }
  | { kind: 'due'; text: string; soon: boolean }
  | { kind: 'overdue'; text: string }

/** Where a case stands against its first-action target at `now`. */
export function firstActionState(
  item: { firstActionAt: string | null; firstActionDueAt: string },
  now: number,
): FirstActionState {
  if (item.firstActionAt) return { kind: 'done', text: 'First action done' }
  const left = Date.parse(item.firstActionDueAt) - now
  if (left >= 0) {
    return { kind: 'due', text: `due in ${formatSpan(left)}`, soon: left < 2 * HOUR }
  }
  return { kind: 'overdue', text: `overdue by ${formatSpan(-left)}` }
}

/** How long a case has been open at `now`. */
export function caseAge(openedAt: string, now: number): string {
  return formatAge(now - Date.parse(openedAt))
}

/** The send state of a timeline entry in words; a refusal carries its reason. */
export function sendStateText(send: SendState, error: string | null): string {
  switch (send) {
    case 'sent':
      return 'Sent'
    case 'pending':
      return 'Waiting to be sent'
    case 'conflict':
      return 'Conflict'
    case 'failed':
      return error ? `Refused: ${error}` : 'Refused by the delivery service'
    case 'discarded':
      return 'Discarded'
  }
}

/** "4a1f9c…e02b" for a sha256: enough to compare by eye, short enough to read. */
export function shortHash(sha256: string): string {
  return sha256.length > 14 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256
}
