// The sync's writer thread: validates and stores pulled pages on its own connection to the cache
// (WAL lets the app's connection keep reading meanwhile). Storing a page, with its search index
// updates and the occasional FTS5 merge or WAL checkpoint, takes tens of milliseconds; here it
// never holds the main process's event loop, where the UI's calls are answered.
// Started by page-writer.ts; bundled as its own entry for the app (electron.vite.config.ts).
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { lowerThisThreadsPriority } from '../common/thread-priority.ts'
import { configureConnection } from '../db/configure-connection.ts'
import { refreshPlannerStatistics } from '../deliveries/planner-statistics.ts'
import { createPageStore, type StoredPage } from './page-store.ts'
import { CLOSE_REPLY_ID, type WriterReply, type WriterRequest } from './page-writer.ts'

const port = parentPort
if (!port) throw new Error('page-writer-thread.ts runs as a worker thread')

// Writing a large sync keeps this thread busy for minutes: it gives the UI's thread the CPU first.
lowerThisThreadsPriority()

const options = workerData as { databaseFile: string; bulkLoad: boolean }
const sqlite = new BetterSqlite3(options.databaseFile)
configureConnection(sqlite)
// Checkpoints copy the WAL into the database file and wait for the disk; at the app's setting
// (256 pages) a large sync would do that after nearly every page. Here, off the UI's thread, a
// checkpoint every 32 MB keeps the disk waits rare; the WAL is truncated back afterwards.
sqlite.pragma('wal_autocheckpoint = 8192')
sqlite.pragma('journal_size_limit = 67108864')
// Half the app's page cache: measured, storing 100,000 deliveries went no slower with 32 MB than
// with 64 MB, and the difference stays off the app's peak memory during a large sync.
sqlite.pragma('cache_size = -32768')
const pages = createPageStore(sqlite, { bulkLoad: options.bulkLoad })

// After a page fails to store, nothing after it may be: a later page's cursor would skip it.
let failure: { message: string; code: string | null } | null = null

port.on('message', (first: WriterRequest) => {
  // Whatever else is waiting goes into the same transaction.
  const requests = [first]
  for (let next; (next = receiveMessageOnPort(port));) requests.push(next.message as WriterRequest)
  const stores = requests.filter((r) => r.kind === 'store')
  if (stores.length > 0) storeAll(stores)
  if (requests.some((r) => r.kind === 'close')) {
    // A bulk load ends here (its indexes built), whether this run's pull completed or not: the
    // rows stored are whole pages either way, and the next run carries on incrementally. Then
    // the planner's statistics follow the tables' new sizes, off the app's thread.
    finishBulkLoad()
    if (!failure) refreshPlannerStatistics(sqlite)
    sqlite.close()
    port.close()
  }
})

function finishBulkLoad(): void {
  try {
    pages.finishBulkLoad()
  } catch (error) {
    // Left under way: the next run finishes it. The run fails with this (PageWriter.close).
    const code = (error as { code?: unknown }).code
    failure = {
      message: `Building the search indexes failed: ${error instanceof Error ? error.message : String(error)}`,
      code: code === undefined ? null : String(code),
    }
    reply({ id: CLOSE_REPLY_ID, ok: false, ...failure })
  }
}

function storeAll(requests: Array<Extract<WriterRequest, { kind: 'store' }>>): void {
  if (!failure) {
    try {
      const stored = pages.store(requests.map((r) => r.page))
      requests.forEach((r, i) => reply({ id: r.id, ok: true, stored: stored[i] as StoredPage }))
      return
    } catch (error) {
      const code = (error as { code?: unknown }).code
      failure = {
        message: error instanceof Error ? error.message : String(error),
        code: code === undefined ? null : String(code),
      }
    }
  }
  for (const r of requests) reply({ id: r.id, ok: false, ...failure })
}

function reply(message: WriterReply): void {
  port?.postMessage(message)
}
