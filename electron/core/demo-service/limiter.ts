// At most `concurrency` tasks at a time, started in the order they were asked for.

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Rejects every task that has not started yet with `reason`; running ones carry on. */
  cancelWaiting(reason: Error): void
  /** Resolves when no task is running or waiting. */
  idle(): Promise<void>
}

export function createLimiter(concurrency: number): Limiter {
  let running = 0
  let waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  let idleWaiters: Array<() => void> = []
  const acquire = (): Promise<void> => {
    if (running < concurrency) {
      running += 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }))
  }
  // A finishing task hands its slot straight to the next waiter, so none can slip in between.
  const release = (): void => {
    const next = waiting.shift()
    if (next) {
      next.resolve()
      return
    }
    running -= 1
    if (running === 0) {
      const waiters = idleWaiters
      idleWaiters = []
      for (const wake of waiters) wake()
    }
  }
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire()
      try {
        return await task()
      } finally {
        release()
      }
    },
    cancelWaiting(reason) {
      const cancelled = waiting
      waiting = []
      for (const entry of cancelled) entry.reject(reason)
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve()
      return new Promise<void>((resolve) => idleWaiters.push(resolve))
    },
  }
}
