// When syncs happen: at start, on an interval, and as soon as the service answers again after
// an outage. Manual "Sync now" calls the engine directly.
import type { SyncEngine } from './sync-engine.ts'

export interface SyncSchedule {
  stop(): void
}

export function startSyncSchedule(options: {
  engine: SyncEngine
  /** False while nobody is signed in: nothing to sync with. */
  canSync: () => boolean
  intervalMs: number
  /** Sync at once as well as on the interval (at start-up, not when the interval changes). */
  runNow?: boolean
  /** How often to ask the service whether it is back while offline. */
  probeMs?: number
  onError: (error: unknown) => void
}): SyncSchedule {
  const { engine, canSync, onError } = options
  const runIfSignedIn = () => {
    if (canSync()) engine.run().catch(onError)
  }
  const timers: NodeJS.Timeout[] = []
  if (options.intervalMs > 0) {
    if (options.runNow ?? true) runIfSignedIn()
    timers.push(setInterval(runIfSignedIn, options.intervalMs))
    let wasOnline = true
    timers.push(
      setInterval(() => {
        if (engine.running) return
        void engine.checkOnline().then((online) => {
          if (online && !wasOnline) runIfSignedIn()
          wasOnline = online
        })
      }, options.probeMs ?? 15_000),
    )
  }
  for (const t of timers) t.unref()
  return {
    stop: () => timers.forEach((t) => clearInterval(t)),
  }
}
