// Stores one pulled page: its valid items written, its rejects recorded and the stream's cursor
// moved, all in one transaction. After a crash the next run resumes from the last page stored
// whole and ends where an uninterrupted run would. Runs on the sync's writer thread
// (page-writer-thread.ts), which also validates the items as received (validatePage), so the
// main thread only fetches. An empty cache's deliveries are bulk-loaded
// (deliveries/bulk-load.ts).
import type BetterSqlite3 from 'better-sqlite3'
import { createCaseStore } from '../cases/store-cases.ts'
import {
  parseCaseItem,
  parseDeliveryItem,
  type CaseItem,
  type DeliveryItem,
} from '../contract/schemas.ts'
import { createBulkLoad } from '../deliveries/bulk-load.ts'
import { createDeliveryStore } from '../deliveries/store-deliveries.ts'
import { recordRejection, writeCursor } from './sync-tables.ts'

export type StreamName = 'deliveries' | 'cases'

export interface RejectedItem {
  stream: StreamName
  id: string | null
  reason: string
}

/** A page's valid items, and the ones that failed validation (kept for the sync report). */
export type ValidatedItems = (
  { stream: 'deliveries'; items: DeliveryItem[] } | { stream: 'cases'; items: CaseItem[] }
) & { rejected: RejectedItem[] }

/** A page as received from the service, its items not yet validated. */
export interface PageToStore {
  stream: StreamName
  items: readonly unknown[]
  nextCursor: string
  /** Set during a full resync: every id the service still sends is marked with it. */
  generation: number | null
  /** The stream's last page: a resync's unmarked rows are swept with it. */
  last: boolean
  runId: number | null
}

export interface StoredPage {
  /** Items that failed validation, one by one (the good ones beside them are stored). */
  rejected: RejectedItem[]
  stored: number
  deleted: number
  /** Photo files nothing refers to any more; the caller removes them (the rows are committed). */
  orphanedSha256: string[]
}

/**
 * Splits a page's items as received into the valid ones and the rejects: bad data is rejected
 * record by record, never failing the page or losing the good records beside it.
 */
export function validatePage(stream: StreamName, raw: readonly unknown[]): ValidatedItems {
  const rejected: RejectedItem[] = []
  const reject = (item: unknown, error: Issues) =>
    rejected.push({ stream, id: idOf(item), reason: reasonOf(error) })
  if (stream === 'deliveries') {
    const items: DeliveryItem[] = []
    for (const item of raw) {
      const parsed = parseDeliveryItem(item)
      if (parsed.success) items.push(parsed.data)
      else reject(item, parsed.error)
    }
    return { stream, items, rejected }
  }
  const items: CaseItem[] = []
  for (const item of raw) {
    const parsed = parseCaseItem(item)
    if (parsed.success) items.push(parsed.data)
    else reject(item, parsed.error)
  }
  return { stream, items, rejected }
}

type ValidatedPage = PageToStore & ValidatedItems

/**
 * Items per transaction while a bulk load runs: about 10 ms of writing on a 2-core laptop, the
 * longest a case note written meanwhile waits for the write lock.
 */
const BULK_TRANSACTION_ITEMS = 100

export type PageStore = ReturnType<typeof createPageStore>

export function createPageStore(
  sqlite: BetterSqlite3.Database,
  options: { bulkLoad?: boolean } = {},
) {
  const deliveries = createDeliveryStore(sqlite)
  const bulk = createBulkLoad(sqlite)
  // Decided at the first page of deliveries: an empty cache is bulk-loaded (unless told not to).
  let bulkDecided = false
  const cases = createCaseStore(sqlite)
  const moveCursor = writeCursor.on(sqlite)
  const reject = recordRejection.on(sqlite)
  const sweepNone: Outcome = { stored: 0, deleted: 0 }

  const decideBulk = () => {
    if (bulkDecided) return
    // A load a killed run left under way is finished at this run's end either way.
    if (options.bulkLoad !== false) bulk.beginIfEmpty()
    bulkDecided = true
  }

  /**
   * Writes a validated page's items, and when `final`, its rejects, the resync's sweep and the
   * stream's cursor: a page stored in parts moves its cursor with the last part only, so a kill
   * between parts has the next run ask for the page again (versions make the replay harmless).
   */
  const storePart = (page: ValidatedPage, items: ValidatedItems['items'], final: boolean) => {
    const sweeping = final && page.last && page.generation !== null ? page.generation : null
    let outcome: Outcome
    let swept = sweepNone
    if (page.stream === 'deliveries') {
      outcome = deliveries.applyItems(items as DeliveryItem[], page.generation)
      if (sweeping !== null) swept = deliveries.sweepUnseen(sweeping)
    } else {
      outcome = cases.applyItems(items as CaseItem[], page.generation)
      if (sweeping !== null) swept = cases.sweepUnseen(sweeping)
    }
    if (final) {
      const now = new Date().toISOString()
      for (const r of page.rejected)
        reject.run({ runId: page.runId, stream: r.stream, itemId: r.id, reason: r.reason, at: now })
      moveCursor.run({
        stream: page.stream,
        cursor: page.nextCursor,
        at: now,
        generation: page.last ? null : page.generation,
      })
    }
    return {
      stored: outcome.stored,
      deleted: outcome.deleted + swept.deleted,
      orphanedSha256: [...(outcome.orphanedSha256 ?? []), ...(swept.orphanedSha256 ?? [])],
    }
  }

  const validated = (received: PageToStore): ValidatedPage => ({
    ...received,
    ...validatePage(received.stream, received.items),
  })

  const storeAll = sqlite.transaction((pages: readonly PageToStore[]) =>
    pages.map((received): StoredPage => {
      const page = validated(received)
      if (page.stream === 'deliveries') decideBulk()
      return { rejected: page.rejected, ...storePart(page, page.items, true) }
    }),
  )
  const storePartNow = sqlite.transaction(storePart)

  /** A page of a bulk load, in transactions of BULK_TRANSACTION_ITEMS (see there). */
  const storeInParts = (received: PageToStore): StoredPage => {
    const page = validated(received)
    const total: StoredPage = { rejected: page.rejected, stored: 0, deleted: 0, orphanedSha256: [] }
    const items = page.items as readonly unknown[]
    for (let at = 0; at === 0 || at < items.length; at += BULK_TRANSACTION_ITEMS) {
      const part = items.slice(at, at + BULK_TRANSACTION_ITEMS) as ValidatedItems['items']
      const final = at + BULK_TRANSACTION_ITEMS >= items.length
      const stored = storePartNow.immediate(page, part, final)
      total.stored += stored.stored
      total.deleted += stored.deleted
      total.orphanedSha256.push(...stored.orphanedSha256)
    }
    return total
  }

  return {
    /**
     * Stores pages in order in one transaction: all of them or none. A commit costs about as
     * much for a few pages as for one (the same index pages are written), so the writer thread
     * stores the pages that queued up while it was busy together.
     *
     * During a bulk load, whose commits write no index pages, a page is stored in short
     * transactions instead, so the app's own writes (a case note) never wait long for the lock.
     *
     * IMMEDIATE: the write lock is taken (or waited for) at the start. A deferred transaction
     * reads first, and if the app's connection commits meanwhile (a photo marked stored, a case
     * event marked sent, a photo view recorded) it cannot become a writer: SQLite answers "database
     * is locked" at once, without waiting, and the page failed to store.
     */
    store(pages: readonly PageToStore[]): StoredPage[] {
      if (pages.some((p) => p.stream === 'deliveries') && !bulkDecided)
        sqlite.transaction(decideBulk).immediate()
      if (!bulk.underWay()) return storeAll.immediate(pages)
      return pages.map(storeInParts)
    },
    /**
     * Ends a bulk load under way (this run's or one a killed run left): the indexes built and the
     * word index merged, each step a short transaction of its own.
     */
    finishBulkLoad: () => bulk.finish(),
  }
}

type Issues = { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }

interface Outcome {
  stored: number
  deleted: number
  orphanedSha256?: string[]
}

function idOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id
    if (typeof id === 'string') return id.slice(0, 80)
    if (typeof id === 'number') return String(id)
  }
  return null
}

function reasonOf(error: Issues): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid record'
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}
