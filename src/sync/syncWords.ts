// Sync runs and the validator's reasons in words an agent can read. The raw reason stays on
// screen too (it is what a developer searches the logs for); these only make it easier to scan.
import type { SyncReport, SyncStatus } from '../../electron/core/api/definition.ts'
import {
  clockTime,
  requestWords,
  serviceWaitWords,
  type RunServiceWait,
} from '../../electron/core/api/service-wait-schemas.ts'
import { formatCount, plural } from '../format/numbers.ts'
import { formatDateTimeLong } from '../format/time.ts'

export type SyncRun = SyncReport['runs'][number]
export type RunOutcome = NonNullable<SyncRun['outcome']>

export const OUTCOME_LABELS: Record<RunOutcome | 'running', string> = {
  complete: 'Completed',
  failed: 'Failed',
  stopped: 'Stopped',
  running: 'Running',
}

/** What the service calls a stream, as a person would say it. */
export function streamLabel(stream: string): string {
  if (stream === 'deliveries') return 'Delivery'
  if (stream === 'cases') return 'Case'
  return sentenceCase(splitWords(stream))
}

/** "12 s", "3 min 5 s", "1 h 4 min": how long a run took. */
export function formatDuration(startIso: string, endIso: string): string | null {
  const ms = Date.parse(endIso) - Date.parse(startIso)
  if (!Number.isFinite(ms) || ms < 0) return null
  const seconds = Math.round(ms / 1000)
  if (seconds < 1) return 'under 1 s'
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
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

/** Field names whose words are not simply their camelCase parts. */
const FIELD_WORDS: Record<string, string> = {
  lat: 'latitude',
  lng: 'longitude',
  accuracyM: 'accuracy (metres)',
  sha256: 'SHA-256',
  id: 'ID',
  orderId: 'order ID',
  deliveryId: 'delivery ID',
  assigneeId: 'assignee',
  line1: 'first line',
  line2: 'second line',
  sku: 'SKU',
  dropOff: 'drop-off',
  photoWithheld: 'photo withheld',
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

function singular(words: string): string {
  if (words.endsWith('ies')) return `${words.slice(0, -3)}y`
  if (words.endsWith('s') && !words.endsWith('ss')) return words.slice(0, -1)
  return words
}

/**
 * "address.location.lat" → "Address › location › latitude"; "photos.0.sha256" → "Photo 1 ›
 * SHA-256". A list index turns the list's name into "the nth one of it".
 */
export function fieldPathInWords(path: string): string {
  const parts: string[] = []
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0) {
      parts[parts.length - 1] = `${singular(parts.at(-1) ?? '')} ${Number(segment) + 1}`
    } else {
      parts.push(FIELD_WORDS[segment] ?? splitWords(segment))
    }
  }
  return sentenceCase(parts.join(' › '))
}

const COMPARISONS = {
  '<=': (limit: string) => `must be ${limit} or less`,
  '<': (limit: string) => `must be less than ${limit}`,
  '>=': (limit: string) => `must be ${limit} or more`,
  '>': (limit: string) => `must be more than ${limit}`,
} as const

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`)

/** The validator's commonest messages as a plain rule; null when there is no easy way to say it. */
export function messageInWords(message: string): string | null {
  const size =
    /^Too (?:big|small): expected (\w+) to (?:be|have) (<=|<|>=|>)(-?[\d.]+)(?: (\w+))?/.exec(
      message,
    )
  if (size) {
    const [, kind, comparison, limit, unit] = size as unknown as [
      string,
      string,
      keyof typeof COMPARISONS,
      string,
      string | undefined,
    ]
    if (kind === 'number') return COMPARISONS[comparison](limit)
    const most = comparison.startsWith('<')
    return `must have ${most ? 'at most' : 'at least'} ${limit} ${unit ?? 'items'}`
  }
  const type = /^Invalid input: expected (\w+), received (\w+)/.exec(message)
  if (type?.[1] && type[2]) {
    if (type[2] === 'undefined') return 'is missing'
    return `must be ${article(type[1])}, not ${type[2] === 'null' ? 'empty' : article(type[2])}`
  }
  const option = /^Invalid option: expected one of (.+)$/.exec(message)
  if (option?.[1]) return `must be one of ${option[1].replaceAll('"', '').split('|').join(', ')}`
  if (/^Invalid ISO datetime/.test(message)) return 'must be a date and time with an offset'
  if (/^Invalid UUID/.test(message)) return 'must be a UUID'
  if (/^must /.test(message)) return message
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
  const rule = messageInWords(message)
  if (field && rule) return { field, words: `${field} ${rule}.` }
  if (field) return { field, words: `${field} is not valid.` }
  return { field: null, words: rule ? `The record ${rule}.` : 'The record is not valid.' }
}

export function syncProgressText(status: SyncStatus): string {
  const { deliveriesReceived, casesReceived, photosDownloaded, photosPending } = status.progress
  // photosPending counts what is still to fetch, so the run's total is the two together.
  const photosTotal = photosDownloaded + photosPending
  const parts = [plural(deliveriesReceived, 'delivery', 'deliveries')]
  if (casesReceived > 0) parts.push(plural(casesReceived, 'case', 'cases'))
  if (photosTotal > 0)
    parts.push(`${formatCount(photosDownloaded)}/${formatCount(photosTotal)} photos`)
  return `Syncing — ${parts.join(', ')}`
}

/** What a screen reader should hear when the sync state changes; nothing for a plain poll. */
export function transitionAnnouncement(
  before: SyncStatus | null,
  after: SyncStatus | null,
): string {
  if (!before || !after) return ''
  if (before.online && !after.online) return 'Porchlight is offline. Showing the local copy.'
  if (!before.online && after.online) return 'Porchlight is back online.'
  const wait = after.serviceAsksWaitUntil
  if (!before.running && after.running) return 'Sync started.'
  if (before.running && !after.running) {
    if (wait) return `The sync stopped. ${serviceWaitWords(wait)}.`
    return after.lastError ? `Sync finished with a problem: ${after.lastError}` : 'Sync finished.'
  }
  if (wait && !before.serviceAsksWaitUntil) return `${serviceWaitWords(wait)}.`
  return ''
}

export const RUN_OUTCOMES = {
  complete: 'completed',
  failed: 'failed',
  stopped: 'was stopped',
} as const

export function lastSyncDetail(status: SyncStatus, lastSuccessAt: string): string {
  const success = formatDateTimeLong(lastSuccessAt)
  const run = status.lastRun
  if (!run || run.outcome === 'complete') return success
  return `${success}. The latest run ${RUN_OUTCOMES[run.outcome]} ${formatDateTimeLong(run.finishedAt)}.`
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
  if (run.rejected > 0)
    parts.push(`${plural(run.rejected, 'record', 'records')} rejected as invalid`)
  if (run.photosFailed > 0) {
    parts.push(`${plural(run.photosFailed, 'photo', 'photos')} could not be fetched or shown`)
  }
  return `The sync that finished ${formatDateTimeLong(run.finishedAt)}: ${parts.join(', ')}.`
}

/**
 * "The delivery service asked us to wait until 14:32: it answered a photo download with HTTP 429
 * at 14:30. It asked 3 times in this run."
 */
export function serviceWaitInWords(wait: RunServiceWait): string {
  const times =
    wait.times === 0
      ? ' It asked before this run started.'
      : wait.times > 1
        ? ` It asked ${plural(wait.times, 'time', 'times')} in this run.`
        : ''
  return `${serviceWaitWords(wait.until)}: it answered ${requestWords(wait.request)} with HTTP ${wait.status} at ${clockTime(wait.askedAt)}.${times}`
}
