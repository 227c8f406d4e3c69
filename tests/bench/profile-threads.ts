// Profiles the worker threads an app module starts, and no other thread: V8's sampling profiler
// interrupts the thread it samples with a signal, and SQLite's busy wait (sleeps that a signal cuts
// short, counted at their full length) would then give up on a lock in a fraction of its time.
// Profiling the whole process (node --cpu-prof) made the bench's case notes fail "database is
// locked" within a second. So only the matching threads get --cpu-prof, through the Worker
// constructor every module imports (syncBuiltinESMExports updates their bindings).
import { createRequire, syncBuiltinESMExports } from 'node:module'
import type { Worker, WorkerOptions } from 'node:worker_threads'

const require = createRequire(import.meta.url)

/** From now on, a worker thread started from a file whose path ends with `entry` is profiled. */
export function profileWorkerThreads(dir: string, entry: string): void {
  const threads = require('node:worker_threads') as { Worker: typeof Worker }
  const Original = threads.Worker
  class ProfiledWorker extends Original {
    constructor(filename: string | URL, options: WorkerOptions = {}) {
      const profiled = String(filename).endsWith(entry)
      super(
        filename,
        profiled
          ? {
              ...options,
              execArgv: [...(options.execArgv ?? []), '--cpu-prof', `--cpu-prof-dir=${dir}`],
            }
          : options,
      )
    }
  }
  threads.Worker = ProfiledWorker
  syncBuiltinESMExports()
}
