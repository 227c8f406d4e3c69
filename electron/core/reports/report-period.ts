// A report's period: whole days from `from` to `to` in the report's time zone, as the instants
// that bound it, and the day an instant falls on there. Local midnight to instant is date-fns-tz's
// (offsets, summer time); instant to wall clock is the platform's Intl, one formatter per zone.
// Only the two date-fns-tz functions are imported: its index loads all of date-fns (seconds).
import { fromZonedTime } from 'date-fns-tz/fromZonedTime'
import type { ReportFilters } from '../api/report-schemas.ts'
import { currentLocale, t } from '../messages/messages.ts'

export interface ReportPeriod {
  /** The first instant of `from` in the time zone (inclusive), ISO in UTC. */
  start: string
  /** The first instant after `to` (exclusive), ISO in UTC. */
  end: string
  timeZone: string
  /** Every day of the period, "2025-06-01", in order. */
  days: string[]
}

export function reportPeriod(
  filters: Pick<ReportFilters, 'from' | 'to' | 'timeZone'>,
): ReportPeriod {
  const { from, to, timeZone } = filters
  // Calendar days, counted on UTC dates where every day has 24 hours.
  const dayAfter = (day: string) =>
    new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)
  const days: string[] = []
  for (let day = from; day <= to; day = dayAfter(day)) days.push(day)
  const after = dayAfter(to)
  return {
    start: fromZonedTime(`${from}T00:00:00`, timeZone).toISOString(),
    end: fromZonedTime(`${after}T00:00:00`, timeZone).toISOString(),
    timeZone,
    days,
  }
}

/** True when the RFC 3339 instant `at` lies in the period. */
export function inPeriod(at: string | null | undefined, period: ReportPeriod): boolean {
  if (!at) return false
  const t = Date.parse(at)
  return t >= Date.parse(period.start) && t < Date.parse(period.end)
}

/** The day ("2025-06-01") the instant falls on in `timeZone`. */
export function dayIn(at: string, timeZone: string): string {
  return wallClockDate(at, timeZone).toISOString().slice(0, 10)
}

const clocks = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone, reused: an export converts three times per row, 100,000 rows. */
function clockOf(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone)
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    clocks.set(timeZone, clock)
  }
  return clock
}

/**
 * A Date whose UTC fields are the wall-clock time in `timeZone`: spreadsheet cells carry no zone,
 * so Excel must be handed the local time the supervisor reads, not UTC.
 */
export function wallClockDate(at: string, timeZone: string): Date {
  const instant = new Date(at)
  const parts: Record<string, number> = {}
  for (const p of clockOf(timeZone).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return new Date(
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) +
      instant.getUTCMilliseconds(),
  )
}

/** The instant as wall-clock time in `timeZone` with its offset: "2025-06-01T09:30:00-07:00". */
export function localTimestamp(at: string, timeZone: string): string {
  const instant = new Date(at)
  const wall = wallClockDate(at, timeZone)
  const offsetMinutes = Math.round((wall.getTime() - instant.getTime()) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${wall.toISOString().slice(0, 19)}${offset}`
}

const monthNames = new Map<string, Intl.DateTimeFormat>()

/** The month's short name in `locale`, as it reads beside a day ("Jun"; "jun" in Spanish). */
function shortMonth(wall: Date, locale: string): string {
  let format = monthNames.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    })
    monthNames.set(locale, format)
  }
  return format.formatToParts(wall).find((p) => p.type === 'month')?.value ?? ''
}

/**
 * "1 Jun 2025 09:30" in `timeZone`, for the PDF: the 24-hour clock, the month's short name in the
 * locale spoken, and the parts in the order the catalogue gives (documents:time.readable).
 */
export function readableTime(at: string, timeZone: string): string {
  const wall = wallClockDate(at, timeZone)
  return t('documents:time.readable', {
    day: wall.getUTCDate(),
    month: shortMonth(wall, currentLocale()),
    year: wall.getUTCFullYear(),
    time: wall.toISOString().slice(11, 16),
  })
}
