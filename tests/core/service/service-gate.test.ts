// The gate on its own, on a clock the test moves: when a request may leave, by how much jitter,
// and what a later answer can and cannot change.
import { describe, expect, it } from 'vitest'
import { createServiceGate } from '../../../electron/core/service/service-gate.ts'
import type { Clock } from '../../../electron/core/common/clock.ts'

/** A clock that moves only when something sleeps on it; each sleep is noted. */
function testClock(start = 1_000_000) {
  const sleeps: number[] = []
  let now = start
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    },
  }
  return { clock, sleeps, advance: (ms: number) => void (now += ms), now: () => now }
}

const answer = (waitMs: number, jitterMs = 0) =>
  ({ request: 'photo', status: 429, waitMs, jitterMs }) as const

describe('the service gate', () => {
  it('lets requests through at once while the service has asked nothing', async () => {
    const { clock, sleeps } = testClock()
    const gate = createServiceGate({ clock })
    expect(await gate.pass(30_000)).toBeNull()
    expect(sleeps).toEqual([])
    expect(gate.waiting()).toBeNull()
  })

  it('holds a request until the instant plus its own jitter, never less', async () => {
    const { clock, sleeps, now } = testClock()
    const gate = createServiceGate({ clock, random: () => 0.5 })
    gate.hold(answer(2_000, 500))
    const until = now() + 2_000
    expect(gate.waiting()).toMatchObject({ until, request: 'photo', status: 429 })

    expect(await gate.pass(30_000)).toBeNull()
    expect(sleeps).toEqual([2_250])
    expect(gate.waiting()).toBeNull()
    // Past the instant nothing waits, and the wait is still there to be reported.
    expect(await gate.pass(30_000)).toBeNull()
    expect(sleeps).toHaveLength(1)
    expect(gate.latest()).toMatchObject({ until })
  })

  it('never shortens the wait for a later, shorter answer', async () => {
    const { clock, sleeps, advance, now } = testClock()
    const gate = createServiceGate({ clock, random: () => 0 })
    gate.hold({ request: 'case-event', status: 429, waitMs: 3_000, jitterMs: 0 })
    const until = now() + 3_000
    advance(100)
    const after = gate.hold({ request: 'photo', status: 503, waitMs: 1_000, jitterMs: 0 })
    expect(after).toMatchObject({ until, request: 'case-event', status: 429 })

    await gate.pass(30_000)
    expect(sleeps).toEqual([2_900])
    expect(gate.asked).toBe(2)
  })

  it('makes a waiting request wait again when a later answer moves the instant', async () => {
    const { clock, sleeps, now } = testClock()
    const gate = createServiceGate({ clock, random: () => 0 })
    gate.hold(answer(1_000))
    const first = now() + 1_000
    // While the request sleeps, another answer asks for two seconds more.
    const slept = clock.sleep
    clock.sleep = async (ms) => {
      clock.sleep = slept
      await slept(ms)
      gate.hold({ request: 'deliveries', status: 429, waitMs: 2_000, jitterMs: 0 })
    }
    await gate.pass(30_000)
    expect(sleeps).toEqual([1_000, 2_000])
    expect(now()).toBe(first + 2_000)
    expect(gate.latest()).toMatchObject({ request: 'deliveries' })
  })

  it('refuses at once, without sleeping, a wait longer than the caller will wait', async () => {
    const { clock, sleeps, now } = testClock()
    const gate = createServiceGate({ clock })
    gate.hold(answer(3_600_000))
    expect(await gate.pass(30_000)).toMatchObject({ until: now() + 3_600_000 })
    expect(sleeps).toEqual([])
    // It stays closed for every later request until the instant.
    expect(await gate.pass(30_000)).not.toBeNull()
  })

  it('starts afresh after an instant has passed, even for a shorter wait', async () => {
    const { clock, advance, now } = testClock()
    const gate = createServiceGate({ clock })
    gate.hold(answer(5_000))
    advance(6_000)
    gate.hold({ request: 'health', status: 503, waitMs: 1_000, jitterMs: 0 })
    expect(gate.waiting()).toMatchObject({ until: now() + 1_000, request: 'health' })
  })
})
