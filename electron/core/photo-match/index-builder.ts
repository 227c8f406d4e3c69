// Starts a worker thread that builds the look-alike table from the cache file
// (hash-index-thread.ts) and answers with the built arrays, so the main thread, where the UI's
// calls are answered, never spends the seconds a million hashes take.
import { Worker } from 'node:worker_threads'
import type { IndexSnapshot } from './hash-index.ts'

export type IndexReply =
  | { ok: true; snapshot: IndexSnapshot; /** The highest hash id read (0: none). */ maxId: number }
  | { ok: false; message: string }

/** Where the thread's code is when the core runs as TypeScript (tests, commands, browser mode). */
export const DEFAULT_INDEX_THREAD_FILE = new URL('./hash-index-thread.ts', import.meta.url)

export function buildIndexOffThread(
  databaseFile: string,
  threadFile: string | URL = DEFAULT_INDEX_THREAD_FILE,
): Promise<{ snapshot: IndexSnapshot; maxId: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadFile, { workerData: { databaseFile } })
    // A build under way never keeps the process alive on its own (a command that has answered).
    worker.unref()
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
    }
    worker.once('message', (reply: IndexReply) =>
      settle(() =>
        reply.ok
          ? resolve({ snapshot: reply.snapshot, maxId: reply.maxId })
          : reject(new Error(`Building the look-alike table failed: ${reply.message}`)),
      ),
    )
    worker.once('error', (error) =>
      settle(() => reject(new Error(`The look-alike table's thread failed: ${error.message}`))),
    )
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The look-alike table's thread stopped (code ${code})`))),
    )
  })
}
