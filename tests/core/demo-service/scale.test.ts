// The default-size world: 2,000 deliveries and hundreds of cases, served page by page. How fast it
// starts is measured by the demo service's benchmark, never here (a loaded machine is no bug).
import { afterAll, describe, expect, it } from 'vitest'
import { SyncPageSchema } from '../../../electron/core/contract/schemas.ts'
import { generateWorld } from '../../../electron/core/demo-service/generate.ts'
import { ANCHOR, getJson, signIn, startHarness } from './helpers.ts'
import type { Harness } from './helpers.ts'

let harness: Harness | undefined

afterAll(async () => {
  await harness?.stop()
})

describe('a 2,000-delivery world', () => {
  it('starts on a cold cache and holds 2,000 deliveries and hundreds of cases', async () => {
    const started = performance.now()
    harness = await startHarness({ deliveries: 2000, seed: 1 })
    const startMs = performance.now() - started

    const world = harness.service.world
    expect(world.deliveryDrafts()).toHaveLength(2000)
    expect(world.headSequence('deliveries')).toBe(2000)
    const token = await signIn(harness.url)
    const cases = SyncPageSchema.parse(
      await (await getJson(`${harness.url}/v1/sync/cases?limit=1000`, token)).json(),
    )
    // Every case the world seeds (hundreds: see world-content.test.ts), in one page.
    expect(cases.items).toHaveLength(
      generateWorld({ seed: 1, deliveries: 2000, anchor: ANCHOR }).seedCases.length,
    )
    expect(cases.items.length).toBeGreaterThanOrEqual(200)
    expect(cases.hasMore).toBe(false)

    // A small first page is quick even though its photos are rendered on demand.
    const pageStarted = performance.now()
    const page = SyncPageSchema.parse(
      await (await getJson(`${harness.url}/v1/sync/deliveries?limit=20`, token)).json(),
    )
    expect(page.items).toHaveLength(20)
    expect(page.hasMore).toBe(true)
    console.info(
      `2,000-delivery world: ready in ${startMs.toFixed(0)} ms; first 20-delivery page in ${(performance.now() - pageStarted).toFixed(0)} ms`,
    )
  })
})
