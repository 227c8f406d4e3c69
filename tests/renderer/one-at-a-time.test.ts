// Search-as-you-type keeps one search in flight; of those asked for meanwhile only the newest runs.
import { describe, expect, it } from 'vitest'
import { oneAtATime, Superseded } from '../../src/api/oneAtATime.ts'

/** A call that settles when told to, and records that it started. */
function held(started: string[], name: string) {
  let release = () => {}
  const settled = new Promise<string>((resolve) => (release = () => resolve(name)))
  return { run: () => (started.push(name), settled), release }
}

describe('oneAtATime', () => {
  it('runs a call at once when nothing is in flight, and says so', async () => {
    const gate = oneAtATime()
    expect(gate.idle()).toBe(true)
    const started: string[] = []
    const a = held(started, 'a')
    const answer = gate(a.run)
    expect(started).toEqual(['a'])
    expect(gate.idle()).toBe(false)
    a.release()
    await expect(answer).resolves.toBe('a')
    expect(gate.idle()).toBe(true)
  })

  it('of the calls asked for while one is in flight, runs only the newest, after it', async () => {
    const gate = oneAtATime()
    const started: string[] = []
    const [s, sm, smi, smith] = ['s', 'sm', 'smi', 'smith'].map((name) => held(started, name))
    const first = gate(s!.run)
    const skipped = [gate(sm!.run), gate(smi!.run)]
    const newest = gate(smith!.run)
    expect(started).toEqual(['s'])
    s!.release()
    await expect(first).resolves.toBe('s')
    for (const call of skipped) await expect(call).rejects.toBeInstanceOf(Superseded)
    await Promise.resolve()
    expect(started).toEqual(['s', 'smith'])
    smith!.release()
    await expect(newest).resolves.toBe('smith')
  })

  it('drops a waiting call whose reader went away, and still waits after a failure', async () => {
    const gate = oneAtATime()
    const started: string[] = []
    const failing = gate(() => (started.push('broken'), Promise.reject(new Error('core down'))))
    const gone = new AbortController()
    gone.abort()
    const dropped = gate(() => (started.push('dropped'), Promise.resolve('dropped')), gone.signal)
    await expect(failing).rejects.toThrow('core down')
    await expect(dropped).rejects.toBeInstanceOf(Superseded)
    expect(started).toEqual(['broken'])
    await expect(gate(() => Promise.resolve('next'))).resolves.toBe('next')
  })
})
