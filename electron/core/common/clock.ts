// The time, and waiting, as the core asks for them: the real ones here, a test's own where a
// module takes a Clock (the service gate's back-off is tested without waiting).
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}
