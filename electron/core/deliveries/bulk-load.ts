// Filling an empty cache the way databases are bulk-loaded: the rows first, into tables without
// their secondary indexes, then each index built once from the rows in sorted order, and the
// word index's segments merged once at the end. Into indexed tables every row costs a random
// write in each index, and each commit writes every index page the rows touched; at a million
// deliveries that is most of a first sync's time.
//
// Only an empty cache is loaded this way (a sync into a cache that holds deliveries stays on the
// incremental path: its indexes serve the searches meanwhile). The rows are written by the same
// store as always (store-deliveries.ts), so a bulk-loaded cache holds exactly what an incremental
// sync leaves; only the indexes' timing differs.
//
// A load under way is recorded (app_state, with the indexes' SQL) in the transaction that drops
// the indexes. A sync killed meanwhile leaves that record: the next sync carries on loading from
// the stream's cursor (stored with each page) and builds the indexes at its end.
import type BetterSqlite3 from 'better-sqlite3'
import { createAppState } from '../db/app-state.ts'
import {
  anyDelivery,
  deliveryIndexes,
  dropDeliveryIndex,
  mergeWordIndexStep,
  restoreDeliveryIndex,
  setWordIndexMerging,
  type DeliveryIndex,
} from './delivery-tables.ts'

const BULK_LOAD_KEY = 'deliveries.bulkLoad'
/** FTS5's own default. */
const DEFAULT_AUTOMERGE = 4
/**
 * Pages one merge step of the word index writes (4 KB each): a few tens of milliseconds, so a
 * case note written meanwhile waits no longer than that for the write lock.
 */
const MERGE_STEP_PAGES = 256

export type BulkLoad = ReturnType<typeof createBulkLoad>

export function createBulkLoad(sqlite: BetterSqlite3.Database) {
  const state = createAppState(sqlite)
  const held = anyDelivery.on(sqlite)
  const underWay = (): DeliveryIndex[] | null => {
    const value = state.get(BULK_LOAD_KEY)
    return value === null ? null : (JSON.parse(value) as DeliveryIndex[])
  }

  return {
    /** True while a load is under way (this run's, or one a killed run left). */
    underWay: (): boolean => underWay() !== null,

    /**
     * Inside the caller's transaction, before it writes deliveries: starts a bulk load when the
     * delivery tables are empty. True when one is under way (started now or before).
     */
    beginIfEmpty(): boolean {
      if (underWay() !== null) return true
      if (held.get()?.held) return false
      const indexes = deliveryIndexes(sqlite)
      for (const index of indexes) dropDeliveryIndex(sqlite, index)
      setWordIndexMerging(sqlite, 0)
      state.set(BULK_LOAD_KEY, JSON.stringify(indexes))
      return true
    },

    /**
     * Ends a load under way: each index built once, then the word index merged in small steps.
     * Each step is a transaction of its own, and every step can be taken again, so a kill in the
     * middle leaves the rest to the next run. Nothing when no load is under way.
     */
    finish(): void {
      const indexes = underWay()
      if (indexes === null) return
      for (const index of indexes) {
        sqlite.transaction(() => restoreDeliveryIndex(sqlite, index)).immediate()
      }
      const step = sqlite.transaction(() => mergeWordIndexStep(sqlite, MERGE_STEP_PAGES))
      while (step.immediate()) {
        // Merging until one segment is left.
      }
      sqlite
        .transaction(() => {
          setWordIndexMerging(sqlite, DEFAULT_AUTOMERGE)
          state.remove(BULK_LOAD_KEY)
        })
        .immediate()
    },
  }
}
