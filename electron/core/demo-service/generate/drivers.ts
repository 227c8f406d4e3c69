// The world's drivers, spread over the areas; a few have a habit the demo shows (names.ts,
// DRIVER_HABITS) and get more rounds, so even a small world shows it.
import { AREAS, DRIVER_HABITS, DRIVER_NAMES } from '../names.ts'
import type { Area } from '../names.ts'
import type { Random } from '../random.ts'
import type { WorldIds } from './ids.ts'

export interface Driver {
  id: string
  name: string
  /**
   * What makes this driver worth a look: 'reuses' sends earlier photos again (the same file, or
   * one saved again), 'far' marks parcels delivered far from the address much more often.
   */
  habit: 'reuses' | 'far' | null
}

export class Drivers {
  readonly #rng: Random
  readonly #byArea = new Map<Area, Driver[]>(AREAS.map((area) => [area, []]))

  constructor(rng: Random, ids: WorldIds) {
    this.#rng = rng
    DRIVER_NAMES.forEach((name, index) => {
      const area = AREAS[index % AREAS.length] as Area
      const habit = DRIVER_HABITS[name] ?? null
      this.#byArea.get(area)?.push({ id: ids.unique('drv_', 6), name, habit })
    })
  }

  /** The driver of a round in `area`: those with a habit four times as often as the others. */
  pick(area: Area): Driver {
    const theirs = this.#byArea.get(area) ?? []
    return this.#rng.weighted(theirs.map((d) => [d, d.habit ? 4 : 1] as const))
  }
}
