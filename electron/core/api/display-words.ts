// The words Porchlight uses for the service's codes and for what it counts: one vocabulary for
// the screen and every export (CSV, XLSX, PDF) and the timeline the core writes, so a case reads
// the same wherever it is read ("Delivered to neighbour", never "delivered to neighbor" in one
// place and "Delivered to neighbour" in another). Kept plain: agents read them to customers.
// Pure: the renderer imports it as it imports the API definition.
import {
  CASE_REASONS,
  CASE_STATUSES,
  RESOLUTION_CODES,
  type DROP_OFF_SPOTS,
  type PHOTO_WITHHELD_REASONS,
  type CaseReason,
  type CaseStatus,
  type ResolutionCode,
} from '../contract/schemas.ts'
import { formatAccuracy, formatCount, formatDistance } from './display-format.ts'

export type { CaseReason, CaseStatus, ResolutionCode }

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

/** A line each to help choose a reason when opening a case. */
export const REASON_HINTS: Record<CaseReason, string> = {
  not_received: 'The customer says the parcel never arrived.',
  wrong_location: 'It was left at the wrong address, or somewhere the customer cannot find.',
  damaged: 'It arrived, but damaged.',
  photo_dispute: 'The customer says the photo does not show their door or their parcel.',
  other: 'Something else; say what in the note.',
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

export const STATUS_ORDER: readonly CaseStatus[] = CASE_STATUSES
export const ACTIVE_STATUSES: CaseStatus[] = ['open', 'investigating', 'awaiting_customer']
export const REASON_ORDER: readonly CaseReason[] = CASE_REASONS
export const RESOLUTION_ORDER: readonly ResolutionCode[] = RESOLUTION_CODES

export type DropOffSpot = (typeof DROP_OFF_SPOTS)[number]

/** Where the driver left the parcel, as a phrase: "Left: With a neighbour". */
export const DROP_OFF_SPOT_LABELS: Record<DropOffSpot, string> = {
  front_door: 'At the front door',
  back_door: 'At the back door',
  porch: 'On the porch',
  garage: 'In or by the garage',
  mailroom: 'In the mailroom',
  leasing_office: 'At the leasing office',
  locker: 'In a parcel locker',
  neighbor: 'With a neighbour',
  other: 'Somewhere else (see the driver’s note)',
}

export function dropOffSpotText(spot: string): string {
  return DROP_OFF_SPOT_LABELS[spot as DropOffSpot] ?? 'Not recorded'
}

export type WithheldReason = (typeof PHOTO_WITHHELD_REASONS)[number]

const WITHHELD_REASONS: Record<WithheldReason, string> = {
  customer_opted_out: 'The customer opted out of delivery photos.',
  confidential_address: 'This is a confidential address; photos are not kept.',
  gift_or_registry: 'Gift or registry order: photos are withheld to protect the surprise.',
}

export function withheldReasonText(reason: string): string {
  return WITHHELD_REASONS[reason as WithheldReason] ?? 'Photos of this delivery are withheld.'
}

const DELIVERY_STATUSES: Record<string, string> = {
  delivered: 'Delivered',
  attempted: 'Delivery attempted',
  returned: 'Returned to sender',
}

export function deliveryStatusText(status: string): string {
  return DELIVERY_STATUSES[status] ?? status
}

// Notes ----------------------------------------------------------------------------------------

export type NoteKind = 'internal' | 'customer_reply'

/** What a note is: for colleagues only, or words written to be sent to the customer. */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  internal: 'Internal note',
  customer_reply: 'Customer reply',
}

export const NOTE_KIND_HINTS: Record<NoteKind, string> = {
  internal: 'For colleagues only; never shown to the customer.',
  customer_reply: 'Text to send to the customer (copy it into your email or chat).',
}

// The timeline ---------------------------------------------------------------------------------

/** What the timeline says of each kind of event; the core writes these, the PDF prints them. */
export const TIMELINE_WORDS = {
  opened: (reason: CaseReason, note?: string | null) =>
    `Opened: ${REASON_LABELS[reason]}${note ? ` — ${note}` : ''}`,
  status: (status: CaseStatus) => `Status: ${STATUS_LABELS[status]}`,
  assigned: (name: string | null) => (name ? `Assigned to ${name}` : 'Unassigned'),
  resolved: (code: ResolutionCode, note?: string | null) =>
    `Resolved: ${RESOLUTION_LABELS[code]}${note ? ` — ${note}` : ''}`,
  reopened: (reason?: string | null) => `Reopened${reason ? ` — ${reason}` : ''}`,
} as const

/** Whether a change made here has reached the delivery service, in words. */
export function sendStateText(
  send: 'sent' | 'pending' | 'conflict' | 'failed' | 'discarded',
  error: string | null = null,
): string {
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

// Counts ---------------------------------------------------------------------------------------

/**
 * "Waiting on you": the open cases assigned to this person that wait on them, not on the
 * customer. The navigation badge and the queue's summary count exactly these.
 */
export function waitsOn(item: { assigneeId: string | null; status: CaseStatus }, userId: string) {
  return (
    item.assigneeId === userId && item.status !== 'resolved' && item.status !== 'awaiting_customer'
  )
}

/** "3 waiting on you". */
export function waitingOnYouWords(count: number, locale?: string): string {
  return `${formatCount(count, locale)} waiting on you`
}

/** "1 needs your decision", "2 need your decision". */
export function decisionsWords(count: number, locale?: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? 'needs' : 'need'} your decision`
}

// Where it was left --------------------------------------------------------------------------

/** Which fix tripped "delivered away from the address": the drop-off, or a photo (1-based). */
export type AwayFix = { kind: 'drop-off' } | { kind: 'photo'; number: number }

/** "Delivered away from the address" or "Photo 2 taken away from the address". */
export function awayFlagTitle(fix: AwayFix): string {
  return fix.kind === 'drop-off'
    ? 'Delivered away from the address'
    : `Photo ${fix.number} taken away from the address`
}

/** "Delivered away from the address — 1,655 m": the flag in a few words. */
export function awayFlagShort(fix: AwayFix, distanceM: number, locale?: string): string {
  return `${awayFlagTitle(fix)} — ${formatDistance(distanceM, locale)}`
}

/** "Delivered away from the address — 1,655 m (beyond the ±11 m fix accuracy); threshold 150 m" */
export function awayFlagSentence(
  flag: { fix: AwayFix; distanceM: number; accuracyM: number | null; thresholdM: number },
  locale?: string,
): string {
  const accuracy =
    flag.accuracyM !== null
      ? `beyond the ${formatAccuracy(flag.accuracyM, locale)} fix accuracy`
      : 'no accuracy was recorded with the fix'
  return `${awayFlagShort(flag.fix, flag.distanceM, locale)} (${accuracy}); threshold ${formatDistance(flag.thresholdM, locale)}`
}

/**
 * A person the records name by id whom neither the service's directory (as kept here) nor this
 * computer's sign-ins know: said so, with the id, never as a bare id. One wording for the screens,
 * the timeline, the command line and every export.
 */
export function unknownPersonName(id: string): string {
  return `Unknown person (${id})`
}

/** Whether `name` is the unknown-person words (its parts are not a given and a family name). */
export function isUnknownPersonName(name: string): boolean {
  return /^Unknown person \(.*\)$/.test(name)
}

/** The name to show for `id`: its known name, else the unknown-person words. */
export function personName(id: string, known: string | null | undefined): string {
  return known ?? unknownPersonName(id)
}
