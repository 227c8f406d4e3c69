// Hands pulled pages to the sync's writer thread (page-writer-thread.ts) and answers with what
// it stored. One page is written while the next one is on its way from the service.
import { Worker } from 'node:worker_threads'
import type { PageToStore, StoredPage } from './page-store.ts'

export type WriterRequest = { kind: 'store'; id: number; page: PageToStore } | { kind: 'close' }

export type WriterReply =
  | { id: number; ok: true; stored: StoredPage }
  | { id: number; ok: false; message: string; code: string | null }

export interface PageWriter {
  write(page: PageToStore): Promise<StoredPage>
  /**
   * Waits for the pages handed over so far, ends a bulk load under way (its indexes built), then
   * ends the thread. Rejects when that ending failed.
   */
  close(): Promise<void>
}

/** The id of the thread's answer to `close` when ending a bulk load failed. */
export const CLOSE_REPLY_ID = 0

/** Where the writer thread's code is when the core runs as TypeScript (tests, commands). */
export const DEFAULT_WRITER_THREAD_FILE = new URL('./page-writer-thread.ts', import.meta.url)

const WRITER_YOUNG_GENERATION_MB = 32

/** The thread could not store a page; the run fails and the next run resumes from its cursor. */
export class PageWriteError extends Error {
  readonly code: string | null
  constructor(message: string, code: string | null) {
    super(message)
    this.name = 'PageWriteError'
    this.code = code
  }
}

export function startPageWriter(options: {
  databaseFile: string
  /** Whether an empty cache is bulk-loaded (deliveries/bulk-load.ts); true unless told. */
  bulkLoad?: boolean
  /** The thread's built file (the app passes out/main/page-writer-thread.js). */
  threadFile?: string | URL
}): PageWriter {
  const worker = new Worker(options.threadFile ?? DEFAULT_WRITER_THREAD_FILE, {
    workerData: { databaseFile: options.databaseFile, bulkLoad: options.bulkLoad ?? true },
    // The thread allocates briskly (every row it binds) but keeps little: a smaller nursery than
    // V8's default keeps about 40 MB off a large sync's peak memory for a few percent of speed.
    resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
  })
  const waiting = new Map<
    number,
    { resolve: (s: StoredPage) => void; reject: (e: Error) => void }
  >()
  let nextId = 1
  let failure: Error | null = null
  let closeFailure: Error | null = null
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))

  const failAll = (error: Error) => {
    failure ??= error
    for (const { reject } of waiting.values()) reject(failure)
    waiting.clear()
  }
  worker.on('message', (reply: WriterReply) => {
    if (reply.id === CLOSE_REPLY_ID && !reply.ok) {
      closeFailure = new PageWriteError(reply.message, reply.code)
      return
    }
    const entry = waiting.get(reply.id)
    if (!entry) return
    waiting.delete(reply.id)
    if (reply.ok) entry.resolve(reply.stored)
    else entry.reject(new PageWriteError(reply.message, reply.code))
  })
  worker.on('error', (error) =>
    failAll(new PageWriteError(`The sync's writer thread failed: ${error.message}`, null)),
  )
  worker.on('exit', (code) =>
    failAll(new PageWriteError(`The sync's writer thread ended (exit code ${code}).`, null)),
  )

  return {
    write(page) {
      if (failure) return Promise.reject(failure)
      const id = nextId++
      return new Promise<StoredPage>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.postMessage({ kind: 'store', id, page } satisfies WriterRequest)
      })
    },
    async close() {
      // The thread takes messages in order: the pages handed over are stored before it closes.
      if (!failure) worker.postMessage({ kind: 'close' } satisfies WriterRequest)
      await exited
      if (closeFailure) throw closeFailure
    },
  }
}
