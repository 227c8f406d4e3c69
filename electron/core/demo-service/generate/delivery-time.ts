// When a delivery happened: a day among the world's last WORLD_DAYS (fewer on Sundays), at an
// hour of the area's working day, never later than `latest`.
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
 * The instant, and the number of days back it was drawn for (before a Sunday round moves to the
 * Saturday): the world's facts that must not change from one anchor to the next use that.
 */
export function deliveryTime(
  rng: Random,
  area: Area,
  anchor: Date,
  latest: number,
): { instant: Date; daysBack: number } {
  const drawn = rng.int(1, WORLD_DAYS)
  let daysBack = drawn
  const day = new Date(anchor.getTime() - daysBack * DAY_MS)
  // Fewer Sunday rounds, as in a real network. Drawn whatever the day, so every anchor takes the
  // same draws: the world's ids, people and addresses are the same from one day to the next.
  const movedOffSunday = rng.chance(0.5)
  if (day.getUTCDay() === 0 && movedOffSunday) daysBack = Math.min(WORLD_DAYS, daysBack + 1)
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
  return {
    instant: instant.getTime() > latest ? new Date(instant.getTime() - DAY_MS) : instant,
    daysBack: drawn,
  }
}
