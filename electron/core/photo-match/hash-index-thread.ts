// Builds the look-alike table off the app's main thread: reads every stored hash on a read-only
// connection of its own, sorts them into the band tables (a couple of seconds at a million
// photos) and hands the arrays over, transferred rather than copied, so the main thread only
// swaps them in. Started by index-builder.ts; bundled as its own entry for the app
// (electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { lowerThisThreadsPriority } from '../common/thread-priority.ts'
import { readStoredHashes } from './fingerprints.ts'
import { buildBandTables, type IndexSnapshot } from './hash-index.ts'
import type { IndexReply } from './index-builder.ts'

const port = parentPort
if (!port) throw new Error('hash-index-thread.ts runs as a worker thread')

// A couple of seconds of sorting at a million hashes: the UI's thread gets the CPU first.
lowerThisThreadsPriority()

const { databaseFile } = workerData as { databaseFile: string }
let reply: IndexReply
let transfer: ArrayBuffer[] = []
try {
  const sqlite = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const stored = readStoredHashes(sqlite)
    const snapshot: IndexSnapshot = {
      ...stored,
      tables: buildBandTables(stored.hi, stored.lo, stored.count),
    }
    reply = { ok: true, snapshot, maxId: stored.maxId }
    transfer = buffersOf(snapshot)
  } finally {
    sqlite.close()
  }
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
}
port.postMessage(reply, transfer)

function buffersOf(snapshot: IndexSnapshot): ArrayBuffer[] {
  const { tables } = snapshot
  const arrays = [
    snapshot.ids,
    snapshot.hi,
    snapshot.lo,
    ...tables.offsets,
    ...tables.members,
    ...tables.memberHi,
    ...tables.memberLo,
  ]
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))]
}
