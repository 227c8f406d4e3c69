// Generates the demo world's starting content from (seed, size, anchor): deliveries with their
// photo scenes, and the scripts of the cases agents already opened. Pure: no I/O, no clock, no
// Math.random, so the same inputs give the same world down to the byte. The parts are in
// generate/: ids, addresses, customers, drivers, delivery times, deliveries, photos, the reusing
// driver's photos, the seeded cases, the agent's offline work that colleagues overtook.
import { Customers } from './generate/customers.ts'
import { makeDelivery } from './generate/deliveries.ts'
import { Drivers } from './generate/drivers.ts'
import { WorldIds } from './generate/ids.ts'
import { reusePhotos } from './generate/reuse.ts'
import { overtakeSomeCases, type EarlierWork } from './generate/overtaken-work.ts'
import { generateSeedCases, type SeedCase } from './generate/seed-cases.ts'
import { versionBaseFor } from './generate/world-span.ts'
import { createRandom, hashSeed } from './random.ts'
import type { DeliveryDraft, PhotoScene } from './types.ts'

export { GENERATOR_VERSION, WORLD_DAYS, versionBaseFor } from './generate/world-span.ts'
export { transliterate } from './generate/customers.ts'
export type { SeedCase, SeedCaseStep } from './generate/seed-cases.ts'
export type { EarlierWork } from './generate/overtaken-work.ts'

export interface GenerateOptions {
  seed: number
  deliveries: number
  anchor: Date
}

export interface GeneratedWorld {
  /** In server order: oldest change first. */
  deliveries: DeliveryDraft[]
  scenes: Map<string, PhotoScene>
  seedCases: SeedCase[]
  /**
   * The demo agent's changes made offline on the console before colleagues' later steps on the
   * same cases (in seedCases): the app's demo puts them in a new cache, where they meet a 409.
   */
  earlierWork: EarlierWork[]
  /** The first version number of this world's records (see versionBaseFor). */
  versionBase: number
}

export function generateWorld(options: GenerateOptions): GeneratedWorld {
  const { seed, anchor } = options
  const rng = createRandom(hashSeed('world', seed))
  const ids = new WorldIds(rng)
  const drivers = new Drivers(rng, ids)
  const makers = {
    ...{ rng, ids, drivers, customers: new Customers(rng, ids), seed, anchor },
    scenes: new Map<string, PhotoScene>(),
    versionBase: versionBaseFor(anchor),
    latest: anchor.getTime() - 30 * 60_000,
  }

  const deliveries: DeliveryDraft[] = []
  const farDropOffs = new Set<string>()
  const eventTimes = new Map<string, number>()
  const lastDay = new Set<string>()
  const reusers = new Set<string>()
  for (let index = 0; index < options.deliveries; index++) {
    const made = makeDelivery(makers)
    deliveries.push(made.draft)
    eventTimes.set(made.draft.id, made.happenedAt)
    if (made.far) farDropOffs.add(made.draft.id)
    if (made.lastDay) lastDay.add(made.draft.id)
    if (made.driver.habit === 'reuses') reusers.add(made.draft.id)
  }

  reusePhotos(rng, deliveries, makers.scenes, (id) => reusers.has(id))
  deliveries.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))
  const { latest, versionBase } = makers
  const seedCases = generateSeedCases(rng, {
    ...{ deliveries, farDropOffs, eventTimes, lastDay, latest },
  })
  const earlierWork = overtakeSomeCases(rng, seedCases, versionBase, latest)
  return { deliveries, scenes: makers.scenes, seedCases, earlierWork, versionBase }
}
