// A worker thread that works for seconds or minutes (the sync's writer, the look-alike table's
// builder) lowers its own priority: on a 2-core laptop the OS would otherwise share the cores
// evenly between it, the app's main thread and the window, and the UI's calls would wait their
// turn. At a lower priority the OS gives them the CPU first. Linux keeps a nice value per thread,
// and setpriority on "this process" (0) sets the calling thread's. Elsewhere the same call would
// lower the whole app, so it is made on Linux only.
import { setPriority } from 'node:os'

/** The niceness of the app's background threads. */
export const BACKGROUND_NICENESS = 10

/** Lowers the calling thread's priority, where that is per thread (Linux); else does nothing. */
export function lowerThisThreadsPriority(niceness = BACKGROUND_NICENESS): void {
  if (process.platform !== 'linux') return
  try {
    setPriority(0, niceness)
  } catch {
    // Not permitted: the thread keeps the app's priority.
  }
}
