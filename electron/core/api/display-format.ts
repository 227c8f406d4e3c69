// How Porchlight writes numbers, distances, times, durations and phone numbers: one set of helpers
// for the screen and for every export (CSV, XLSX, PDF), so a figure reads the same wherever it
// appears. Pure (Intl and the message catalogue, no Node, no DOM): the renderer imports it as it
// imports the API definition, the core imports it directly. Words come from the catalogue in the
// language this process speaks; `locale` is the reader's: undefined takes the one it speaks in.
import { dateFormat, numberFormat as sharedNumberFormat } from '../messages/intl-formats.ts'
import { currentLocale, localized, t } from '../messages/messages.ts'

const numberFormat = (locale: string | undefined, options: Intl.NumberFormatOptions) =>
  sharedNumberFormat(locale ?? currentLocale(), options)

// Numbers --------------------------------------------------------------------------------------

/** "1,200". */
export function formatCount(value: number, locale?: string): string {
  return numberFormat(locale, {}).format(value)
}

/** "12.5%" for 0.125: one decimal, as every report figure. */
export function formatShare(fraction: number, locale?: string): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(fraction)
}

// Distances ------------------------------------------------------------------------------------

/** "38 m", "1,240 m": whole metres, because that is how precise the fixes are. */
export function formatDistance(metres: number, locale?: string): string {
  const value = numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(metres))
  return t('common:unit.metres', { value })
}

/** "±11 m": a fix's accuracy. */
export function formatAccuracy(metres: number, locale?: string): string {
  return t('common:unit.accuracy', { distance: formatDistance(metres, locale) })
}

// Durations ------------------------------------------------------------------------------------

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A length of time the way agents say it: "under a minute", "12 min", "3 h 12 min", "4 d 6 h".
 * Minutes are "min", never "m", which is metres.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE)
  if (minutes < 1) return t('common:unit.underAMinute')
  if (minutes < 60) return t('common:unit.minutes', { minutes: formatCount(minutes) })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    const rest = minutes % 60
    return rest
      ? t('common:unit.hoursMinutes', { hours: formatCount(hours), minutes: formatCount(rest) })
      : t('common:unit.hours', { hours: formatCount(hours) })
  }
  const days = Math.floor(minutes / (24 * 60))
  const restHours = Math.floor((minutes % (24 * 60)) / 60)
  return restHours
    ? t('common:unit.daysHours', { days: formatCount(days), hours: formatCount(restHours) })
    : t('common:unit.days', { days: formatCount(days) })
}

/** How long something has existed: "just now" under a minute, else formatDuration. */
export function formatAge(ms: number): string {
  return Math.abs(ms) < MINUTE ? t('common:unit.justNow') : formatDuration(ms)
}

/** A time figure in hours, as reports give it: "5.5 h" under two days, "2.3 d" from there. */
export function formatHours(hours: number | null, locale?: string): string {
  if (hours === null) return t('common:time.none')
  const oneDecimal = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return hours < 48
    ? t('common:unit.hoursDecimal', { value: oneDecimal.format(hours) })
    : t('common:unit.daysDecimal', { value: oneDecimal.format(hours / 24) })
}

// Times ----------------------------------------------------------------------------------------

export type TimeOptions = {
  /**
   * The IANA zone to read the clock in: the delivery's, where the question is "when was it left";
   * undefined for the reader's own. The zone's name is always written after the time.
   */
  timeZone?: string | null
  locale?: string
}

function toDate(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** An instant in `fields`, in the zone and locale asked for; the unknown-time words if unreadable. */
function formatInstant(iso: string, options: TimeOptions, fields: Intl.DateTimeFormatOptions) {
  const date = toDate(iso)
  if (!date) return t('common:time.unknown')
  return localized(zonedFormat(options, fields).format(date))
}

function zonedFormat(options: TimeOptions, fields: Intl.DateTimeFormatOptions) {
  return dateFormat(options.locale ?? currentLocale(), {
    ...fields,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  })
}

/** "Oct 13, 2026, 9:45 AM PDT": date, time and the zone it is read in. */
export function formatDateTime(iso: string, options: TimeOptions = {}): string {
  return formatInstant(iso, options, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  })
}

/** "Oct 13, 2026" ("13 oct 2026"): the calendar day alone, where the hour does not matter. */
export function formatDate(iso: string, options: TimeOptions = {}): string {
  return formatInstant(iso, options, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** "9:45 AM PDT": the time of day alone, with its zone. */
export function formatTimeOfDay(iso: string, options: TimeOptions = {}): string {
  return formatInstant(iso, options, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })
}

/** "Tuesday, October 13, 2026 at 9:45:31 AM Pacific Daylight Time": where precision matters. */
export function formatDateTimeLong(iso: string, options: TimeOptions = {}): string {
  return formatInstant(iso, options, { dateStyle: 'full', timeStyle: 'long' })
}

/** The zone's short name at that instant: "PDT", "CET", "GMT+2". */
export function zoneName(iso: string, options: TimeOptions = {}): string {
  const date = toDate(iso) ?? new Date()
  const parts = zonedFormat(options, { timeZoneName: 'short' }).formatToParts(date)
  return localized(parts.find((p) => p.type === 'timeZoneName')?.value ?? '')
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
]

/** "5 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number, locale?: string): string {
  const date = toDate(iso)
  if (!date) return t('common:time.unknownRelative')
  const ms = date.getTime() - now
  if (Math.abs(ms) < 45_000) return t('common:unit.justNow')
  const relative = new Intl.RelativeTimeFormat(locale ?? currentLocale(), { numeric: 'auto' })
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(ms) >= size) return localized(relative.format(Math.round(ms / size), unit))
  }
  return localized(relative.format(Math.round(ms / MINUTE), 'minute'))
}

// Phone numbers --------------------------------------------------------------------------------

/** The digits of a phone number, as search compares them: "+1 (650) 555-0196" → "16505550196". */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D/g, '')
}

/**
 * One display format for every phone number, however the service sent it: North American numbers
 * as "(650) 555-0196" ("+1" is dropped: every demo and customer number is North American unless it
 * says otherwise), others in international form ("+44 20 7946 0958" as sent, spaces tidied).
 * Anything that is not a phone number is shown as it came.
 */
export function formatPhone(raw: string): string {
  const digits = phoneDigits(raw)
  const international = raw.trim().startsWith('+') || raw.trim().startsWith('00')
  const national =
    digits.length === 10 && !international
      ? digits
      : digits.length === 11 && digits.startsWith('1')
        ? digits.slice(1)
        : null
  if (national && /^[2-9]\d{2}[2-9]/.test(national)) {
    return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`
  }
  if (international && digits.length >= 7) {
    return `+${raw
      .trim()
      .replace(/^(\+|00)/, '')
      .replace(/[^\d]+/g, ' ')
      .trim()}`
  }
  return raw.trim()
}
