// One call of a kind in flight at a time; of the calls asked for meanwhile only the newest runs
// next. Search-as-you-type uses it: each keystroke asks at once, fast typing never queues a search
// per key, and an answer to "smi" can never arrive after the answer to "smith".

export type OneAtATime = <T>(run: () => Promise<T>) => Promise<T>

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
  return async function call<T>(run: () => Promise<T>): Promise<T> {
    const ticket = ++newest
    while (inFlight) {
      await inFlight.catch(() => undefined)
      if (ticket !== newest) throw new Superseded()
    }
    const running = run()
    inFlight = running
    try {
      return await running
    } finally {
      if (inFlight === running) inFlight = null
    }
  }
}
