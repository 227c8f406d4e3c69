// How Porchlight writes numbers, distances, times, durations and phone numbers: one set of helpers
// for the screen and for every export (CSV, XLSX, PDF), so a figure reads the same wherever it
// appears. Pure (Intl only, no Node, no DOM): the renderer imports it as it imports the API
// definition (eslint allows electron/core/api/display-*.ts), the core imports it directly.
// `locale` is the reader's: undefined takes the user's (the window's, or the process's for files).

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions) {
  const key = `n|${locale ?? ''}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.NumberFormat | undefined
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formatters.set(key, format)
  }
  return format
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `d|${locale ?? ''}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, format)
  }
  return format
}

// Numbers --------------------------------------------------------------------------------------

/** "1,200". */
export function formatCount(value: number, locale?: string): string {
  return numberFormat(locale, {}).format(value)
}

/** "1 delivery", "1,200 deliveries". */
export function plural(value: number, one: string, many: string, locale?: string): string {
  return `${formatCount(value, locale)} ${value === 1 ? one : many}`
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
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(metres))} m`
}

/** "±11 m": a fix's accuracy. */
export function formatAccuracy(metres: number, locale?: string): string {
  return `±${formatDistance(metres, locale)}`
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
  if (minutes < 1) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    const rest = minutes % 60
    return rest ? `${hours} h ${rest} min` : `${hours} h`
  }
  const days = Math.floor(minutes / (24 * 60))
  const restHours = Math.floor((minutes % (24 * 60)) / 60)
  return restHours ? `${days} d ${restHours} h` : `${days} d`
}

/** How long something has existed: "just now" under a minute, else formatDuration. */
export function formatAge(ms: number): string {
  return Math.abs(ms) < MINUTE ? 'just now' : formatDuration(ms)
}

/** A time figure in hours, as reports give it: "5.5 h" under two days, "2.3 d" from there. */
export function formatHours(hours: number | null, locale?: string): string {
  if (hours === null) return '—'
  const oneDecimal = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return hours < 48 ? `${oneDecimal.format(hours)} h` : `${oneDecimal.format(hours / 24)} d`
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

/** "Oct 13, 2026, 9:45 AM PDT": date, time and the zone it is read in. */
export function formatDateTime(iso: string, options: TimeOptions = {}): string {
  const date = toDate(iso)
  if (!date) return 'Unknown time'
  return dateFormat(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date)
}

/** "9:45 AM PDT": the time of day alone, with its zone. */
export function formatTimeOfDay(iso: string, options: TimeOptions = {}): string {
  const date = toDate(iso)
  if (!date) return 'Unknown time'
  return dateFormat(options.locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date)
}

/** "Tuesday, October 13, 2026 at 9:45:31 AM Pacific Daylight Time": where precision matters. */
export function formatDateTimeLong(iso: string, options: TimeOptions = {}): string {
  const date = toDate(iso)
  if (!date) return 'Unknown time'
  return dateFormat(options.locale, {
    dateStyle: 'full',
    timeStyle: 'long',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date)
}

/** The zone's short name at that instant: "PDT", "CET", "GMT+2". */
export function zoneName(iso: string, options: TimeOptions = {}): string {
  const date = toDate(iso) ?? new Date()
  const parts = dateFormat(options.locale, {
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).formatToParts(date)
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? ''
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
  if (!date) return 'at an unknown time'
  const ms = date.getTime() - now
  if (Math.abs(ms) < 45_000) return 'just now'
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(ms) >= size) return relative.format(Math.round(ms / size), unit)
  }
  return relative.format(Math.round(ms / MINUTE), 'minute')
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
