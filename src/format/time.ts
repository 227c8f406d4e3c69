// Dates and times as an agent reads them: the local wall-clock time, plus "how long ago".
import { useEffect, useState } from 'react'

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateTimeLong = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'full',
  timeStyle: 'long',
})
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

function toDate(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "12 Mar 2025, 14:05" in the user's locale and time zone. */
export function formatDateTime(iso: string): string {
  const date = toDate(iso)
  return date ? dateTime.format(date) : 'Unknown time'
}

/** "Wednesday 12 March 2025 at 14:05:31 CET": for tooltips, where precision matters. */
export function formatDateTimeLong(iso: string): string {
  const date = toDate(iso)
  return date ? dateTimeLong.format(date) : 'Unknown time'
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "5 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number): string {
  const date = toDate(iso)
  if (!date) return 'at an unknown time'
  const seconds = Math.round((date.getTime() - now) / 1000)
  const magnitude = Math.abs(seconds)
  if (magnitude < 45) return 'just now'
  for (const [unit, size] of UNITS) {
    if (magnitude >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return relative.format(Math.round(seconds / 60), 'minute')
}

/** The current time, refreshed every `intervalMs`, so relative times stay true on screen. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return now
}
