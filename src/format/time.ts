// Dates, times and ages in the app's one format (shared with the exports), always with the zone
// they are read in; plus the clock that keeps "5 minutes ago" true on screen.
import { useEffect, useState } from 'react'

export {
  formatAge,
  formatDate,
  formatDateTime,
  formatDateTimeLong,
  formatDuration,
  formatRelative,
  formatTimeOfDay,
} from '../../electron/core/api/display-format.ts'

/** The current time, refreshed every `intervalMs`, so relative times stay true on screen. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return now
}
