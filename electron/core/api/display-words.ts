// The words Porchlight uses for the service's codes and for what it counts: one vocabulary for
// the screen and every export (CSV, XLSX, PDF) and the timeline the core writes, so a case reads
// the same wherever it is read ("Delivered to neighbour", never "delivered to neighbor" in one
// place and "Delivered to neighbour" in another). Kept plain: agents read them to customers.
// Pure: the renderer imports it as it imports the API definition. Every word comes from the
// message catalogue (electron/core/messages/), in the language the process speaks when it is read.
import {
  CASE_REASONS,
  CASE_STATUSES,
  RESOLUTION_CODES,
  DROP_OFF_SPOTS,
  PHOTO_WITHHELD_REASONS,
  type CaseReason,
  type CaseStatus,
  type ResolutionCode,
} from '../contract/schemas.ts'
import { t, wordsByCode } from '../messages/messages.ts'
import { formatAccuracy, formatCount, formatDistance } from './display-format.ts'

export type { CaseReason, CaseStatus, ResolutionCode }

export const STATUS_LABELS = wordsByCode(CASE_STATUSES, (code) => t(`common:caseStatus.${code}`))

export const REASON_LABELS = wordsByCode(CASE_REASONS, (code) => t(`common:caseReason.${code}`))

/** A line each to help choose a reason when opening a case. */
export const REASON_HINTS = wordsByCode(CASE_REASONS, (code) => t(`common:caseReasonHint.${code}`))

export const RESOLUTION_LABELS = wordsByCode(RESOLUTION_CODES, (code) =>
  t(`common:resolution.${code}`),
)

/** What each resolution means, for the resolve dialog. */
export const RESOLUTION_HINTS = wordsByCode(RESOLUTION_CODES, (code) =>
  t(`common:resolutionHint.${code}`),
)

export const STATUS_ORDER: readonly CaseStatus[] = CASE_STATUSES
export const ACTIVE_STATUSES: CaseStatus[] = ['open', 'investigating', 'awaiting_customer']
export const REASON_ORDER: readonly CaseReason[] = CASE_REASONS
export const RESOLUTION_ORDER: readonly ResolutionCode[] = RESOLUTION_CODES

export type DropOffSpot = (typeof DROP_OFF_SPOTS)[number]

/** Where the driver left the parcel, as a phrase: "Left: With a neighbour". */
export const DROP_OFF_SPOT_LABELS = wordsByCode(DROP_OFF_SPOTS, (code) =>
  t(`common:dropOffSpot.${code}`),
)

export function dropOffSpotText(spot: string): string {
  return (DROP_OFF_SPOTS as readonly string[]).includes(spot)
    ? DROP_OFF_SPOT_LABELS[spot as DropOffSpot]
    : t('common:dropOffSpot.unknown')
}

export type WithheldReason = (typeof PHOTO_WITHHELD_REASONS)[number]

export function withheldReasonText(reason: string): string {
  return (PHOTO_WITHHELD_REASONS as readonly string[]).includes(reason)
    ? t(`common:withheld.${reason as WithheldReason}`)
    : t('common:withheld.unknown')
}

const DELIVERY_STATUSES = ['delivered', 'attempted', 'returned'] as const

/** The service's delivery status in words; a status this version does not know, as it came. */
export function deliveryStatusText(status: string): string {
  return (DELIVERY_STATUSES as readonly string[]).includes(status)
    ? t(`common:deliveryStatus.${status as (typeof DELIVERY_STATUSES)[number]}`)
    : status
}

// Notes ----------------------------------------------------------------------------------------

export type NoteKind = 'internal' | 'customer_reply'
const NOTE_KINDS: readonly NoteKind[] = ['internal', 'customer_reply']

/** What a note is: for colleagues only, or words written to be sent to the customer. */
export const NOTE_KIND_LABELS = wordsByCode(NOTE_KINDS, (kind) => t(`common:noteKind.${kind}`))

export const NOTE_KIND_HINTS = wordsByCode(NOTE_KINDS, (kind) => t(`common:noteKindHint.${kind}`))

// The timeline ---------------------------------------------------------------------------------

/** What the timeline says of each kind of event; the screen and the PDF print them. */
export const TIMELINE_WORDS = {
  opened: (reason: CaseReason, note?: string | null) =>
    note
      ? t('common:timeline.openedWithNote', { reason: REASON_LABELS[reason], note })
      : t('common:timeline.opened', { reason: REASON_LABELS[reason] }),
  status: (status: CaseStatus) => t('common:timeline.status', { status: STATUS_LABELS[status] }),
  assigned: (name: string | null) =>
    name ? t('common:timeline.assigned', { name }) : t('common:timeline.unassigned'),
  resolved: (code: ResolutionCode, note?: string | null) =>
    note
      ? t('common:timeline.resolvedWithNote', { resolution: RESOLUTION_LABELS[code], note })
      : t('common:timeline.resolved', { resolution: RESOLUTION_LABELS[code] }),
  reopened: (reason?: string | null) =>
    reason ? t('common:timeline.reopenedWithReason', { reason }) : t('common:timeline.reopened'),
} as const

/** Whether a change made here has reached the delivery service, in words. */
export function sendStateText(
  send: 'sent' | 'pending' | 'conflict' | 'failed' | 'discarded',
  error: string | null = null,
): string {
  if (send === 'failed' && error) return t('common:sendState.failedWithError', { error })
  return t(`common:sendState.${send}`)
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
  return t('common:counts.waitingOnYou', { count, formatted: formatCount(count, locale) })
}

/** "1 needs your decision", "2 need your decision". */
export function decisionsWords(count: number, locale?: string): string {
  return t('common:counts.decisions', { count, formatted: formatCount(count, locale) })
}

// Where it was left --------------------------------------------------------------------------

/** Which fix tripped "delivered away from the address": the drop-off, or a photo (1-based). */
export type AwayFix = { kind: 'drop-off' } | { kind: 'photo'; number: number }

/** "Delivered away from the address" or "Photo 2 taken away from the address". */
export function awayFlagTitle(fix: AwayFix): string {
  return fix.kind === 'drop-off'
    ? t('common:away.dropOff')
    : t('common:away.photo', { number: formatCount(fix.number) })
}

/** "Delivered away from the address — 1,655 m": the flag in a few words. */
export function awayFlagShort(fix: AwayFix, distanceM: number, locale?: string): string {
  return t('common:away.short', {
    title: awayFlagTitle(fix),
    distance: formatDistance(distanceM, locale),
  })
}

/** "Delivered away from the address — 1,655 m (beyond the ±11 m fix accuracy); threshold 150 m" */
export function awayFlagSentence(
  flag: { fix: AwayFix; distanceM: number; accuracyM: number | null; thresholdM: number },
  locale?: string,
): string {
  const accuracy =
    flag.accuracyM !== null
      ? t('common:away.beyondAccuracy', { accuracy: formatAccuracy(flag.accuracyM, locale) })
      : t('common:away.noAccuracy')
  return t('common:away.sentence', {
    short: awayFlagShort(flag.fix, flag.distanceM, locale),
    accuracy,
    threshold: formatDistance(flag.thresholdM, locale),
  })
}

/**
 * A person the records name by id whom neither the service's directory (as kept here) nor this
 * computer's sign-ins know: said so, with the id, never as a bare id. One wording for the screens,
 * the timeline, the command line and every export.
 */
export function unknownPersonName(id: string): string {
  return t('common:person.unknown', { id })
}

/** Whether `name` is the unknown-person words (its parts are not a given and a family name). */
export function isUnknownPersonName(name: string): boolean {
  const [before = '', after = ''] = t('common:person.unknown', { id: '\u0000' }).split('\u0000')
  return (
    name.startsWith(before) && name.endsWith(after) && name.length > before.length + after.length
  )
}

/** The name to show for `id`: its known name, else the unknown-person words. */
export function personName(id: string, known: string | null | undefined): string {
  return known ?? unknownPersonName(id)
}
