// The words agents see for case codes, people and times. Kept plain: agents read them to customers.
import type { CaseDetail, TimelineEntry } from '../../electron/core/api/case-schemas.ts'
import { formatAge, formatDuration } from '../../electron/core/api/display-format.ts'
import { t } from '../../electron/core/messages/messages.ts'

export type CaseStatus = CaseDetail['status']
export type CaseReason = CaseDetail['reason']
export type ResolutionCode = NonNullable<CaseDetail['resolution']>['code']
export type SendState = TimelineEntry['send']

// The labels, hints and orders are the one vocabulary the exports use too.
export {
  ACTIVE_STATUSES,
  REASON_HINTS,
  REASON_LABELS,
  REASON_ORDER,
  RESOLUTION_HINTS,
  RESOLUTION_LABELS,
  RESOLUTION_ORDER,
  sendStateText,
  STATUS_LABELS,
  STATUS_ORDER,
} from '../../electron/core/api/display-words.ts'

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
  if (item.firstActionAt) return { kind: 'done', text: t('app:firstAction.done') }
  const left = Date.parse(item.firstActionDueAt) - now
  if (left >= 0) {
    const text = t('app:firstAction.dueIn', { time: formatSpan(left) })
    return { kind: 'due', text, soon: left < 2 * HOUR }
  }
  return { kind: 'overdue', text: t('app:firstAction.overdueBy', { time: formatSpan(-left) }) }
}

/** How long a case has been open at `now`. */
export function caseAge(openedAt: string, now: number): string {
  return formatAge(now - Date.parse(openedAt))
}

/** "4a1f9c…e02b" for a sha256: enough to compare by eye, short enough to read. */
export function shortHash(sha256: string): string {
  return sha256.length > 14 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256
}
