// One call of a kind in flight at a time; of the calls asked for meanwhile only the newest runs
// next. Search-as-you-type uses it: each keystroke asks at once, fast typing never queues a search
// per key, and an answer to "smi" can never arrive after the answer to "smith".

export type OneAtATime = {
  /**
   * Runs `run` now when nothing is in flight, else when what is in flight settles, unless a newer
   * call (or `signal`: its reader went away) replaced it by then.
   */
  <T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** True when a call would run at once. */
  idle: () => boolean
}

/** Thrown to a call that a newer one replaced before it could start. */
export class Superseded extends Error {
  constructor() {
    super('A newer request replaced this one.')
    this.name = 'Superseded'
  }
}

export function oneAtATime(): OneAtATime {
  let inFlight: Promise<unknown> | null = null
  let newest = 0
  async function call<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const ticket = ++newest
    while (inFlight) {
      await inFlight.catch(() => undefined)
      if (ticket !== newest || signal?.aborted) throw new Superseded()
    }
    const running = run()
    inFlight = running
    try {
      return await running
    } finally {
      if (inFlight === running) inFlight = null
    }
  }
  return Object.assign(call, { idle: () => inFlight === null })
}
