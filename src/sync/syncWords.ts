// Sync runs and the validator's reasons in words an agent can read. The raw reason stays on
// screen too (it is what a developer searches the logs for); these only make it easier to scan.
// Every word comes from the catalogue (sync namespace), in the language the window speaks.
import type { SyncReport, SyncStatus } from '../../electron/core/api/definition.ts'
import {
  clockTime,
  requestWords,
  serviceWaitWords,
  type RunServiceWait,
} from '../../electron/core/api/service-wait-schemas.ts'
import { sync as english } from '../../electron/core/messages/en/sync.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { formatDateTimeLong } from '../format/time.ts'

export type SyncRun = SyncReport['runs'][number]
export type RunOutcome = NonNullable<SyncRun['outcome']>

/** A run's outcome in a word; "running" for a run still going. */
export function outcomeLabel(outcome: RunOutcome | 'running'): string {
  return t(`sync:outcome.${outcome}`)
}

/** What the service calls a stream, as a person would say it. */
export function streamLabel(stream: string): string {
  if (stream === 'deliveries' || stream === 'cases') return t(`sync:rejections.stream.${stream}`)
  return sentenceCase(splitWords(stream))
}

/** "12 s", "3 min 5 s", "1 h 4 min": how long a run took. */
export function formatDuration(startIso: string, endIso: string): string | null {
  const ms = Date.parse(endIso) - Date.parse(startIso)
  if (!Number.isFinite(ms) || ms < 0) return null
  const seconds = Math.round(ms / 1000)
  if (seconds < 1) return t('sync:duration.underASecond')
  if (seconds < 60) return t('sync:duration.seconds', { seconds })
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) {
    return seconds % 60
      ? t('sync:duration.minutesSeconds', { minutes, seconds: seconds % 60 })
      : t('sync:duration.minutes', { minutes })
  }
  const hours = Math.floor(minutes / 60)
  return minutes % 60
    ? t('sync:duration.hoursMinutes', { hours, minutes: minutes % 60 })
    : t('sync:duration.hours', { hours })
}

/** "1:58", "12:05", "1:02:05": the time left until an instant, counting down by the second. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const two = (n: number) => String(n).padStart(2, '0')
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`
}

/** Field names the catalogue has words for; any other is said as its camelCase parts. */
type KnownField = keyof typeof english.reason.field

function isKnownField(name: string): name is KnownField {
  return Object.hasOwn(english.reason.field, name)
}

function fieldWords(name: string): string {
  return isKnownField(name) ? t(`sync:reason.field.${name}`) : splitWords(name)
}

function splitWords(name: string): string {
  return name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim()
}

function sentenceCase(words: string): string {
  return words ? words[0]!.toUpperCase() + words.slice(1) : words
}

/**
 * "address.location.lat" → "Address › location › latitude"; "photos.0.sha256" → "Photos 1 ›
 * SHA-256". A list index numbers the list's entry.
 */
export function fieldPathInWords(path: string): string {
  const parts: string[] = []
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0) {
      parts[parts.length - 1] = t('sync:reason.nth', {
        item: parts.at(-1) ?? '',
        n: Number(segment) + 1,
      })
    } else {
      parts.push(fieldWords(segment))
    }
  }
  const joined = parts.reduce((parent, child) => t('sync:reason.path', { parent, child }))
  return sentenceCase(joined ?? '')
}

const COMPARISONS = { '<=': 'atMost', '<': 'below', '>=': 'atLeast', '>': 'above' } as const
type Comparison = keyof typeof COMPARISONS

const TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null', 'date', 'bigint'] as const
const typeWords = (name: string) =>
  (TYPES as readonly string[]).includes(name)
    ? t(`sync:reason.type.${name as (typeof TYPES)[number]}`)
    : name

/**
 * The validator's commonest messages as a plain rule about `subject`; null when there is no easy
 * way to say it.
 */
export function messageInWords(message: string, subject: string): string | null {
  const size =
    /^Too (?:big|small): expected (\w+) to (?:be|have) (<=|<|>=|>)(-?[\d.]+)(?: (\w+))?/.exec(
      message,
    )
  if (size) {
    const [, kind, comparison, limit, unit] = size as unknown as [
      string,
      string,
      Comparison,
      string,
      string | undefined,
    ]
    if (kind === 'number') return t(`sync:reason.${COMPARISONS[comparison]}`, { subject, limit })
    const most = comparison.startsWith('<')
    const units =
      unit === undefined || unit === 'items'
        ? t('sync:reason.unit.items')
        : unit === 'characters'
          ? t('sync:reason.unit.characters')
          : unit
    return t(most ? 'sync:reason.atMostItems' : 'sync:reason.atLeastItems', {
      subject,
      limit,
      unit: units,
    })
  }
  const type = /^Invalid input: expected (\w+), received (\w+)/.exec(message)
  if (type?.[1] && type[2]) {
    if (type[2] === 'undefined') return t('sync:reason.missing', { subject })
    return t('sync:reason.wrongType', {
      subject,
      expected: typeWords(type[1]),
      received: typeWords(type[2]),
    })
  }
  const option = /^Invalid option: expected one of (.+)$/.exec(message)
  if (option?.[1]) {
    const options = option[1].replaceAll('"', '').split('|').join(', ')
    return t('sync:reason.oneOf', { subject, options })
  }
  if (/^Invalid ISO datetime/.test(message)) return t('sync:reason.dateTime', { subject })
  if (/^Invalid UUID/.test(message)) return t('sync:reason.uuid', { subject })
  return null
}

/**
 * The validator writes "path.to.field: message", or only the message when the whole record is
 * wrong. Field names never contain spaces, which tells the two apart. `words` is the whole
 * reason as a sentence, as far as it can be said plainly.
 */
export function reasonInWords(reason: string): { field: string | null; words: string } {
  const match = /^([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*): ([\s\S]+)$/.exec(reason)
  const field = match?.[1] ? fieldPathInWords(match[1]) : null
  const message = match?.[2] ?? reason
  const subject = field ?? t('sync:reason.theRecord')
  const words = messageInWords(message, subject) ?? t('sync:reason.invalid', { subject })
  return { field, words }
}

export function syncProgressText(status: SyncStatus): string {
  const { deliveriesReceived, casesReceived, photosDownloaded, photosPending } = status.progress
  // photosPending counts what is still to fetch, so the run's total is the two together.
  const photosTotal = photosDownloaded + photosPending
  const parts: string[] = [t('sync:progress.deliveries', { count: deliveriesReceived })]
  if (casesReceived > 0) parts.push(t('sync:progress.cases', { count: casesReceived }))
  if (photosTotal > 0) {
    parts.push(t('sync:progress.photos', { done: photosDownloaded, total: photosTotal }))
  }
  return t('sync:progress.syncing', { what: parts.join(', ') })
}

/** What a screen reader should hear when the sync state changes; nothing for a plain poll. */
export function transitionAnnouncement(
  before: SyncStatus | null,
  after: SyncStatus | null,
): string {
  if (!before || !after) return ''
  if (before.online && !after.online) return t('sync:announce.offline')
  if (!before.online && after.online) return t('sync:announce.online')
  const wait = after.serviceAsksWaitUntil
  if (!before.running && after.running) return t('sync:announce.started')
  if (before.running && !after.running) {
    if (wait) return t('sync:announce.stoppedWait', { wait: serviceWaitWords(wait) })
    return after.lastError
      ? t('sync:announce.finishedProblem', { error: after.lastError })
      : t('sync:announce.finished')
  }
  if (wait && !before.serviceAsksWaitUntil) {
    return t('sync:announce.wait', { wait: serviceWaitWords(wait) })
  }
  return ''
}

export function lastSyncDetail(status: SyncStatus, lastSuccessAt: string): string {
  const success = formatDateTimeLong(lastSuccessAt)
  const run = status.lastRun
  if (!run || run.outcome === 'complete') return success
  return t(`sync:lastSync.${run.outcome}`, { success, at: formatDateTimeLong(run.finishedAt) })
}

/**
 * Records rejected and photos not fetched or shown by the last run that got far enough to count
 * them. A failed run counts nothing; its error is shown instead.
 */
export function lastRunProblems(status: SyncStatus | null): number {
  const run = status?.lastRun
  if (!run || run.outcome === 'failed') return 0
  return run.rejected + run.photosFailed
}

export function lastRunProblemsDetail(run: NonNullable<SyncStatus['lastRun']>): string {
  const parts: string[] = []
  if (run.rejected > 0) parts.push(t('sync:lastSync.rejected', { count: run.rejected }))
  if (run.photosFailed > 0) {
    parts.push(t('sync:lastSync.photosFailed', { count: run.photosFailed }))
  }
  return t('sync:lastSync.problems', {
    at: formatDateTimeLong(run.finishedAt),
    what: parts.join(', '),
  })
}

/**
 * "The delivery service asked us to wait until 14:32: it answered a photo download with HTTP 429
 * at 14:30. It asked 3 times in this run."
 */
export function serviceWaitInWords(wait: RunServiceWait): string {
  const detail = t('sync:wait.detail', {
    wait: serviceWaitWords(wait.until),
    request: requestWords(wait.request),
    status: wait.status,
    time: clockTime(wait.askedAt),
  })
  if (wait.times === 0) return `${detail} ${t('sync:wait.before')}`
  if (wait.times > 1) return `${detail} ${t('sync:wait.times', { n: wait.times })}`
  return detail
}
