// When a delivery happened: a day among the world's last WORLD_DAYS, at an hour of the area's
// working day, never later than `latest`.
import { fromLocal } from '../local-time.ts'
import type { Area } from '../names.ts'
import type { Random } from '../random.ts'
import { DAY_MS, WORLD_DAYS } from './world-span.ts'

/** Rounds by local hour: most in the early afternoon, a few into the evening. */
const HOURS: ReadonlyArray<readonly [number, number]> = [
  [9, 5],
  [10, 7],
  [11, 8],
  [12, 9],
  [13, 10],
  [14, 11],
  [15, 11],
  [16, 10],
  [17, 9],
  [18, 7],
  [19, 5],
  [20, 3],
]

/**
 * The instant, and the number of days back it was drawn for. Nothing here depends on the anchor's
 * weekday or date but the dates themselves (no fewer Sunday rounds, say), so every anchor takes
 * the same draws in the same order: the world's ids, people, addresses, cases and reused photos
 * are the same from one day to the next.
 */
export function deliveryTime(
  rng: Random,
  area: Area,
  anchor: Date,
  latest: number,
): { instant: Date; daysBack: number } {
  const daysBack = rng.int(1, WORLD_DAYS)
  const date = new Date(
    Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate() - daysBack),
  )
  const hour = rng.weighted(HOURS)
  const instant = fromLocal(
    area.timeZone,
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    hour,
    rng.int(0, 59),
    rng.int(0, 59),
  )
  // A round of the last day that would end after `latest` took place the day before.
  return {
    instant: instant.getTime() > latest ? new Date(instant.getTime() - DAY_MS) : instant,
    daysBack,
  }
}
