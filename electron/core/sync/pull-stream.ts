// Pulls one change stream (deliveries or cases) page by page into the cache. Each page's valid
// items, its rejections and its cursor are committed in one transaction, so after a crash the
// next run resumes from the last page stored whole and ends where an uninterrupted run would.
import type BetterSqlite3 from 'better-sqlite3'
import { removePhotoFiles } from '../photos/photo-files.ts'
import type { ServiceClient } from './service-client.ts'
import { ServiceError } from './service-client.ts'

export type StreamName = 'deliveries' | 'cases'

/**
 * Items asked for per page. Each page is one transaction with its cursor; at 500 items a commit
 * held the event loop (and so the UI's calls) for up to 180 ms when an FTS5 merge landed on it.
 * At 100 the longest stall stays under the 50 ms target, and loopback round trips cost little.
 */
export const DEFAULT_PAGE_SIZE = 100

export interface RejectedItem {
  stream: StreamName
  id: string | null
  reason: string
}

export interface WriteOutcome {
  stored: number
  deleted: number
  /** Photo files nothing refers to any more, removed once the transaction has committed. */
  orphanedSha256?: string[]
}

/** How a stream's items are parsed and written; the store owns its tables. */
export interface StreamWriter<T> {
  parse(
    raw: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }
  apply(items: T[], generation: number | null): WriteOutcome
  sweep(generation: number): WriteOutcome
}

export interface PullResult {
  received: number
  stored: number
  deleted: number
  rejected: RejectedItem[]
  pages: number
  /** True when the service refused our cursor (410) and the stream was pulled again whole. */
  resynced: boolean
}

export async function pullStream<T>(options: {
  stream: StreamName
  writer: StreamWriter<T>
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  dataDir: string
  runId: number | null
  pageSize?: number
  onPage?: (result: PullResult) => void
  signal?: AbortSignal
}): Promise<PullResult> {
  const { stream, writer, sqlite, client } = options
  const readState = sqlite.prepare<
    [string],
    { cursor: string | null; resync_generation: number | null }
  >('SELECT cursor, resync_generation FROM sync_cursors WHERE stream = ?')
  const writeState = sqlite.prepare(
    `INSERT INTO sync_cursors (stream, cursor, updated_at, resync_generation) VALUES (?, ?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at,
       resync_generation = excluded.resync_generation`,
  )
  const recordRejection = sqlite.prepare(
    'INSERT INTO sync_rejections (run_id, stream, item_id, reason, received_at) VALUES (?, ?, ?, ?, ?)',
  )
  const commitPage = sqlite.transaction(
    (
      items: T[],
      rejected: RejectedItem[],
      nextCursor: string,
      generation: number | null,
      last: boolean,
    ) => {
      const now = new Date().toISOString()
      const outcome = writer.apply(items, generation)
      for (const r of rejected) recordRejection.run(options.runId, stream, r.id, r.reason, now)
      let swept: WriteOutcome = { stored: 0, deleted: 0 }
      if (last && generation !== null) swept = writer.sweep(generation)
      writeState.run(stream, nextCursor, now, last ? null : generation)
      return {
        stored: outcome.stored,
        deleted: outcome.deleted + swept.deleted,
        orphanedSha256: [...(outcome.orphanedSha256 ?? []), ...(swept.orphanedSha256 ?? [])],
      }
    },
  )

  const result: PullResult = {
    received: 0,
    stored: 0,
    deleted: 0,
    rejected: [],
    pages: 0,
    resynced: false,
  }
  const state = readState.get(stream)
  let cursor = state?.cursor ?? null
  let generation = state?.resync_generation ?? null
  for (;;) {
    if (options.signal?.aborted) break
    let page
    try {
      page = await client.pullPage(stream, cursor, options.pageSize ?? DEFAULT_PAGE_SIZE)
    } catch (error) {
      // Once per pull: a service that also refuses the cursors it hands out during the resync
      // would otherwise have us pull everything again and again, without end. The run fails
      // instead, and the next one carries on (the resync's generation is kept in sync_cursors).
      const firstGone = !result.resynced
      if (error instanceof ServiceError && error.kind === 'gone' && cursor !== null && firstGone) {
        // The service no longer knows our cursor: pull everything again, marking what it still
        // sends, and sweep the rest at the end. Versions make the replay harmless.
        cursor = null
        generation = Date.now()
        writeState.run(stream, null, new Date().toISOString(), generation)
        result.resynced = true
        continue
      }
      throw error
    }
    const valid: T[] = []
    const rejected: RejectedItem[] = []
    for (const raw of page.items) {
      const parsed = writer.parse(raw)
      if (parsed.success) valid.push(parsed.data)
      else rejected.push({ stream, id: idOf(raw), reason: reasonOf(parsed.error) })
    }
    // Validating a page and writing it are each a stretch of work on this thread; a turn of the
    // event loop between them keeps either from adding to the other's stall.
    await new Promise((resolve) => setImmediate(resolve))
    const outcome = commitPage(valid, rejected, page.nextCursor, generation, !page.hasMore)
    if (outcome.orphanedSha256.length > 0) {
      await removePhotoFiles(options.dataDir, outcome.orphanedSha256)
    }
    result.stored += outcome.stored
    result.deleted += outcome.deleted
    result.pages++
    result.received += page.items.length
    result.rejected.push(...rejected)
    options.onPage?.({ ...result, rejected: [...result.rejected] })
    cursor = page.nextCursor
    if (!page.hasMore) break
    // Let the event loop breathe between pages: the UI's calls must not wait on a long pull.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return result
}

function idOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id
    if (typeof id === 'string') return id.slice(0, 80)
    if (typeof id === 'number') return String(id)
  }
  return null
}

function reasonOf(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>
}): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid record'
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}
