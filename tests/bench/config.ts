// Sizes, seeds and repetitions of one bench run. The default is the full sizes; --quick
// shrinks everything for development (its figures are not the published ones).
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface BenchConfig {
  quick: boolean
  /** Seed of the demo worlds; the search cache's worlds are seed, seed + 1, … */
  seed: number
  /**
   * The worlds' "today": the first day of the current month (UTC). Case dates then stay inside
   * the 90-day repeat-claim window as they do in use, and the cached 1M database is reused for a
   * month before the dates move on.
   */
  anchor: Date
  /** Where the cached search database and the demo photos are kept between runs. */
  cacheRoot: string
  ingest: {
    deliveries: number
    /** Made in the world after each first sync, then taken in by a change sync. */
    changes: { updated: number; added: number; deleted: number }
    runs: number
    /**
     * No further run starts that would end past this. At the app's target rate a run takes
     * seconds and all of them run; far below it, one run already says how far, and three would
     * take most of the 15 minutes the whole bench may take.
     */
    budgetSeconds: number
  }
  search: {
    /** Deliveries in the cached database (search, open delivery and UI). */
    deliveries: number
    /** The demo generator's worlds are made in chunks this size (one world of 1M needs ~6 GB). */
    chunk: number
    queriesPerKind: number
    rounds: number
    /** The LIKE scan reads every row, so it runs on the first few queries of each kind only. */
    likeQueriesPerKind: number
  }
  open: { deliveries: number; rounds: number }
  photos: {
    worldDeliveries: number
    runs: number
    /** Thumbnails made again on their own, for the diagnosis. */
    thumbnailsAlone: number
  }
  ui: { queriesPerKind: number }
  lookalikes: {
    /** Photo hashes stored (the figure is at a million). */
    photos: number
    /** Demo photos rendered and hashed, from which the stored hashes are made. */
    rendered: number
    queries: number
    /** Queries also answered by a linear scan (the baseline, and the check). */
    scanQueries: number
  }
}

export function benchConfig(quick: boolean): BenchConfig {
  const now = new Date()
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const common = { quick, seed: 8, anchor, cacheRoot: join(tmpdir(), 'porchlight-bench') }
  if (quick) {
    return {
      ...common,
      ingest: {
        deliveries: 20_000,
        changes: { updated: 1_200, added: 400, deleted: 400 },
        runs: 2,
        budgetSeconds: 120,
      },
      search: {
        deliveries: 100_000,
        chunk: 100_000,
        queriesPerKind: 40,
        rounds: 2,
        likeQueriesPerKind: 4,
      },
      open: { deliveries: 60, rounds: 2 },
      // About 320 photos (the exact count is printed).
      photos: { worldDeliveries: 260, runs: 2, thumbnailsAlone: 100 },
      ui: { queriesPerKind: 8 },
      lookalikes: { photos: 1_000_000, rendered: 64, queries: 400, scanQueries: 40 },
    }
  }
  return {
    ...common,
    ingest: {
      deliveries: 1_000_000,
      changes: { updated: 12_000, added: 4_000, deleted: 4_000 },
      runs: 3,
      budgetSeconds: 900,
    },
    search: {
      deliveries: 1_000_000,
      chunk: 200_000,
      queriesPerKind: 200,
      rounds: 2,
      likeQueriesPerKind: 6,
    },
    open: { deliveries: 200, rounds: 3 },
    // About 2,000 photos: 1.24 a delivery on average (the exact count is printed).
    photos: { worldDeliveries: 1_600, runs: 3, thumbnailsAlone: 200 },
    ui: { queriesPerKind: 20 },
    lookalikes: { photos: 1_000_000, rendered: 300, queries: 2_000, scanQueries: 200 },
  }
}
