// Pulls one change stream (deliveries or cases) page by page into the cache. The writer thread
// validates and stores each page with its cursor in one transaction (page-store.ts) while the next
// page is fetched, so the network and the disk work at the same time and this thread only fetches
// and waits.
import type BetterSqlite3 from 'better-sqlite3'
import { removePhotoFiles } from '../photos/photo-files.ts'
import type { RejectedItem, StoredPage, StreamName } from './page-store.ts'
import type { PageWriter } from './page-writer.ts'
import type { ServiceClient } from '../service/service-client.ts'
import { ServiceError } from '../service/service-client.ts'
import { cursorOf, writeCursor } from './sync-tables.ts'

export type { RejectedItem, StreamName } from './page-store.ts'

/**
 * Items asked for per page. Validating and storing happen off this thread, so a page's size no
 * longer decides how long the UI waits; this thread still parses each page's JSON (about 5 ms
 * for 500 records), and fewer round trips keep a large first sync quick.
 */
export const DEFAULT_PAGE_SIZE = 500

/**
 * The first page of a pull is smaller: its JSON is parsed by code not yet warmed up, and the
 * status bar has its first progress sooner.
 */
const FIRST_PAGE_SIZE = 100

/**
 * Pages fetched ahead of the writer. When it falls behind, the pages waiting are stored in one
 * transaction (page-writer-thread.ts); two bound that transaction, and so how long a write made
 * meanwhile by the app (a case note) may wait for it, to about 50 ms.
 */
const MAX_PAGES_STORING = 2

export interface PullResult {
  received: number
  stored: number
  deleted: number
  rejected: RejectedItem[]
  pages: number
  /** True when the service refused our cursor (410) and the stream was pulled again whole. */
  resynced: boolean
}

export async function pullStream(options: {
  stream: StreamName
  writer: PageWriter
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  dataDir: string
  runId: number | null
  pageSize?: number
  onPage?: (result: PullResult) => void
  signal?: AbortSignal
}): Promise<PullResult> {
  const { stream, writer, sqlite, client } = options
  const readState = cursorOf.on(sqlite)
  // A resync starts from no cursor, with its generation.
  const startResync = writeCursor.on(sqlite)

  const result: PullResult = {
    received: 0,
    stored: 0,
    deleted: 0,
    rejected: [],
    pages: 0,
    resynced: false,
  }
  // Pages handed to the writer and not yet stored, oldest first.
  const storing: Array<Promise<void>> = []
  const account = async (received: number, stored: StoredPage) => {
    if (stored.orphanedSha256.length > 0)
      await removePhotoFiles(options.dataDir, stored.orphanedSha256)
    result.stored += stored.stored
    result.deleted += stored.deleted
    result.pages++
    result.received += received
    result.rejected.push(...stored.rejected)
    options.onPage?.({ ...result, rejected: [...result.rejected] })
  }
  /** Waits until at most `left` pages are still being stored. */
  const stored = async (left = 0) => {
    while (storing.length > left) await storing.shift()
  }

  try {
    const state = readState.get({ stream })
    let cursor = state?.cursor ?? null
    let generation = state?.resync_generation ?? null
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
    let limit = Math.min(pageSize, FIRST_PAGE_SIZE)
    for (;;) {
      if (options.signal?.aborted) break
      let page
      try {
        page = await client.pullPage(stream, cursor, limit)
      } catch (error) {
        // Once per pull: a service that also refuses the cursors it hands out during the resync
        // would otherwise have us pull everything again and again, without end. The run fails
        // instead, and the next one carries on (the resync's generation is kept in sync_cursors).
        const firstGone = !result.resynced
        if (
          error instanceof ServiceError &&
          error.kind === 'gone' &&
          cursor !== null &&
          firstGone
        ) {
          // The service no longer knows our cursor: pull everything again, marking what it still
          // sends, and sweep the rest at the end. Versions make the replay harmless. The page in
          // hand is stored first: its cursor must not overwrite the restart.
          await stored()
          cursor = null
          generation = Date.now()
          startResync.run({ stream, cursor: null, at: new Date().toISOString(), generation })
          result.resynced = true
          continue
        }
        throw error
      }
      limit = pageSize
      await stored(MAX_PAGES_STORING - 1)
      const received = page.items.length
      const write = writer
        .write({
          stream,
          items: page.items,
          nextCursor: page.nextCursor,
          generation,
          last: !page.hasMore,
          runId: options.runId,
        })
        .then((outcome) => account(received, outcome))
      // Observed in order by stored(); until then a failure must not count as unhandled.
      write.catch(() => undefined)
      storing.push(write)
      cursor = page.nextCursor
      if (!page.hasMore) break
    }
    await stored()
  } finally {
    // A failed fetch must not leave writes running past the end of the pull.
    await Promise.allSettled(storing)
  }
  return result
}
