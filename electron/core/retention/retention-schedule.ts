// When retention runs on its own: at start and then on an interval. While a sync runs, a tick is
// skipped: the sync runs a pass itself before its photo step, and a pass must not remove files
// while photos are being written.
export interface RetentionSchedule {
  stop(): void
}

export function startRetentionSchedule(options: {
  intervalMs: number
  busy: () => boolean
  run: () => Promise<unknown>
  onError: (error: unknown) => void
  /** Run once at start as well (default true). */
  runNow?: boolean
}): RetentionSchedule {
  const tick = () => {
    if (options.busy()) return
    options.run().catch(options.onError)
  }
  if (options.runNow ?? true) tick()
  const timer = setInterval(tick, options.intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
