// Pulls one change stream (deliveries or cases) page by page into the cache. Each page's valid
// items, its rejections and its cursor are committed in one transaction, so after a crash the
// next run resumes from the last page stored whole and ends where an uninterrupted run would.
import type BetterSqlite3 from 'better-sqlite3'
import { removePhotoFiles } from '../photos/photo-files.ts'
import type { ServiceClient } from './service-client.ts'
import { ServiceError } from './service-client.ts'

export type StreamName = 'deliveries' | 'cases'

/** Items written per transaction (see where a page is committed). */
const COMMIT_CHUNK = 50

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

  const commitItems = sqlite.transaction((items: T[], generation: number | null) =>
    writer.apply(items, generation),
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
      page = await client.pullPage(stream, cursor, options.pageSize ?? 500)
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
    // A page is written in chunks, yielding in between: one transaction for a whole page of
    // 500 blocked the event loop (and the UI's calls) for 20-170 ms, as FTS5 merges land on the
    // commit; chunks of 50 keep it under the 50 ms target. Only the chunk that ends the page
    // carries its rejections, the sweep and the cursor, so the cursor is still stored only once
    // all of its page is. A crash between chunks makes the next run fetch the page again, and
    // versions make re-applying its first chunks harmless.
    for (let start = 0; ; start += COMMIT_CHUNK) {
      const chunk = valid.slice(start, start + COMMIT_CHUNK)
      const endsPage = start + COMMIT_CHUNK >= valid.length
      const outcome = endsPage
        ? commitPage(chunk, rejected, page.nextCursor, generation, !page.hasMore)
        : commitItems(chunk, generation)
      if (outcome.orphanedSha256 && outcome.orphanedSha256.length > 0)
        await removePhotoFiles(options.dataDir, outcome.orphanedSha256)
      result.stored += outcome.stored
      result.deleted += outcome.deleted
      if (endsPage) break
      await new Promise((resolve) => setImmediate(resolve))
    }
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
