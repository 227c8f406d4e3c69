// Pulls delivery pages by cursor into the cache. Each page's valid items and its cursor are
// committed in one transaction, so a crash resumes from the last page that was stored whole.
import type BetterSqlite3 from 'better-sqlite3'
import { parseDeliveryItem, type DeliveryItem } from '../contract/schemas.ts'
import { createDeliveryStore } from '../deliveries/store-deliveries.ts'
import { removePhotoFiles } from '../photos/photo-files.ts'
import type { ServiceClient } from './service-client.ts'
import { ServiceError } from './service-client.ts'

export interface RejectedItem {
  id: string | null
  reason: string
}

export interface PullDeliveriesResult {
  received: number
  stored: number
  deleted: number
  rejected: RejectedItem[]
  pages: number
}

const STREAM = 'deliveries'

export async function pullDeliveries(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  dataDir: string
  pageSize?: number
  onPage?: (result: PullDeliveriesResult) => void
  signal?: AbortSignal
}): Promise<PullDeliveriesResult> {
  const { sqlite, client } = options
  const store = createDeliveryStore(sqlite)
  const readCursor = sqlite.prepare<[string], { cursor: string }>(
    'SELECT cursor FROM sync_cursors WHERE stream = ?',
  )
  const writeCursor = sqlite.prepare(
    `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  )
  const recordRejection = sqlite.prepare(
    'INSERT INTO sync_rejections (stream, item_id, reason, received_at) VALUES (?, ?, ?, ?)',
  )
  const commitPage = sqlite.transaction(
    (items: DeliveryItem[], rejected: RejectedItem[], nextCursor: string) => {
      const outcome = store.applyItems(items)
      const now = new Date().toISOString()
      for (const r of rejected) recordRejection.run(STREAM, r.id, r.reason, now)
      writeCursor.run(STREAM, nextCursor, now)
      return outcome
    },
  )

  const result: PullDeliveriesResult = { received: 0, stored: 0, deleted: 0, rejected: [], pages: 0 }
  let cursor = readCursor.get(STREAM)?.cursor ?? null
  for (;;) {
    if (options.signal?.aborted) break
    let page
    try {
      page = await client.pullPage(STREAM, cursor, options.pageSize ?? 500)
    } catch (error) {
      if (error instanceof ServiceError && error.kind === 'gone' && cursor !== null) {
        // The service no longer knows our cursor: start again from the beginning. Versions
        // make the replay harmless (see store-deliveries.ts).
        cursor = null
        continue
      }
      throw error
    }
    const valid: DeliveryItem[] = []
    const rejected: RejectedItem[] = []
    for (const raw of page.items) {
      const parsed = parseDeliveryItem(raw)
      if (parsed.success) valid.push(parsed.data)
      else rejected.push({ id: idOf(raw), reason: reasonOf(parsed.error) })
    }
    const outcome = commitPage(valid, rejected, page.nextCursor)
    await removePhotoFiles(options.dataDir, outcome.orphanedSha256)
    result.pages++
    result.received += page.items.length
    result.stored += outcome.stored
    result.deleted += outcome.deleted
    result.rejected.push(...rejected)
    options.onPage?.({ ...result })
    cursor = page.nextCursor
    if (!page.hasMore) break
  }
  return result
}

function idOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id
    if (typeof id === 'string') return id.slice(0, 80)
  }
  return null
}

function reasonOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  // A union reports the branch that came closest; name the field and what is wrong with it.
  const issue = error.issues[0]
  if (!issue) return 'invalid record'
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}
