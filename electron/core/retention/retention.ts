// What Porchlight keeps on this computer, and for how long. Photos (and their thumbnails) older
// than the photo period are removed unless a case on their delivery is open; delivery records
// older than the record period are removed unless the delivery has a case at all. A removal leaves
// nothing behind: `secure_delete` zeroes the freed database pages, the search index runs with
// FTS5's secure-delete so the tokens go too (migration 004), the files are deleted, and the WAL is
// checkpointed and truncated so no older copy of a page survives there.
//
// Work is done in batches, each its own short transaction, so a first purge of a large cache
// never holds the event loop for long. Every pass appends one entry to the audit log; the log
// itself is never purged (see audit/audit-log.ts).
import type BetterSqlite3 from 'better-sqlite3'
import { appendAuditEntry } from '../audit/audit-log.ts'
import { removeDamagedCachesBefore } from '../db/recovery/damaged-folder.ts'
import { caseCount } from '../cases/case-tables.ts'
import { deliveriesKept, expiredDeliveries } from '../deliveries/delivery-tables.ts'
import {
  expiredPhotos,
  markPhotoPurged,
  photosShowingSha,
  restorePurgedPhotos,
  storedPhotosKept,
} from '../deliveries/photo-table.ts'
import { createDeliveryStore } from '../deliveries/store-deliveries.ts'
import { discardPartial, removePhotoFiles } from '../photos/photo-files.ts'
import { createAppState } from '../db/app-state.ts'
import { t } from '../messages/messages.ts'

export interface RetentionPolicy {
  photoDays: number
  deliveryDays: number
}

export interface RetentionOutcome {
  at: string
  photoDays: number
  deliveryDays: number
  /** Photos whose file and thumbnail were removed (or that will now never be fetched). */
  photosPurged: number
  deliveriesPurged: number
  /** Photos fetched again because a case on their delivery is open now. */
  photosRestored: number
  filesRemoved: number
  /** False when another reader kept the WAL from being emptied; the next pass tries again. */
  walTruncated: boolean
}

const DAY_MS = 86_400_000
const BATCH = 500
const LAST_RUN_KEY = 'retention.lastRun'

/** Why a photo is not here, as the photo's record keeps it (in the language spoken then). */
export function purgedPhotoReason(photoDays: number): string {
  return t('settings:purgedPhoto', { count: photoDays })
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** What a pass reads and marks: expired photos and deliveries, photos a newly opened case needs. */
function retentionStatements(sqlite: BetterSqlite3.Database) {
  return {
    expiredPhotos: expiredPhotos.on(sqlite),
    markPurged: markPhotoPurged.on(sqlite),
    stillShown: photosShowingSha.on(sqlite),
    restore: restorePurgedPhotos.on(sqlite),
    expiredDeliveries: expiredDeliveries.on(sqlite),
  }
}

/** Removes photo files (and any partial download of them), a batch at a time. */
async function removeFiles(dataDir: string, shas: readonly string[]) {
  for (let i = 0; i < shas.length; i += BATCH) {
    const slice = shas.slice(i, i + BATCH)
    await removePhotoFiles(dataDir, slice)
    await Promise.all(slice.map((sha) => discardPartial(dataDir, sha)))
  }
}

export function createRetention(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  policy: () => RetentionPolicy
  now?: () => Date
}) {
  const { sqlite, dataDir } = options
  const now = () => (options.now ?? (() => new Date()))()
  const deliveries = createDeliveryStore(sqlite)

  const { expiredPhotos, markPurged, stillShown, restore, expiredDeliveries } =
    retentionStatements(sqlite)
  const state = createAppState(sqlite)

  let running: Promise<RetentionOutcome> | null = null

  async function pass(): Promise<RetentionOutcome> {
    const { photoDays, deliveryDays } = options.policy()
    const at = now()
    const photoCutoff = new Date(at.getTime() - photoDays * DAY_MS).toISOString()
    const deliveryCutoff = new Date(at.getTime() - deliveryDays * DAY_MS).toISOString()
    const outcome: RetentionOutcome = {
      at: at.toISOString(),
      photoDays,
      deliveryDays,
      photosPurged: 0,
      deliveriesPurged: 0,
      photosRestored: 0,
      filesRemoved: 0,
      walTruncated: false,
    }
    const unreferenced = new Set<string>()

    outcome.photosRestored = restore.run().changes

    const reason = purgedPhotoReason(photoDays)
    for (;;) {
      const batch = sqlite.transaction(() => {
        const rows = expiredPhotos.all({ cutoff: photoCutoff, limit: BATCH })
        for (const row of rows) markPurged.run({ id: row.id, at: outcome.at, reason })
        // Content-addressed files may be shared: only a file no kept photo shows goes.
        for (const row of rows)
          if (stillShown.get({ sha256: row.sha256 })?.n === 0) unreferenced.add(row.sha256)
        return rows.length
      })()
      outcome.photosPurged += batch
      if (batch < BATCH) break
      await turn()
    }

    for (;;) {
      const batch = sqlite.transaction(() => {
        const ids = expiredDeliveries.all({ cutoff: deliveryCutoff, limit: BATCH }).map((r) => r.id)
        const removed = deliveries.purge(ids)
        for (const sha of removed.orphanedSha256) unreferenced.add(sha)
        return ids.length
      })()
      outcome.deliveriesPurged += batch
      if (batch < BATCH) break
      await turn()
    }

    // Files after the rows: a crash in between leaves files no row points at, which the next
    // sync's stray-file sweep removes (photos/photo-files.ts), never a row without its file.
    const shas = [...unreferenced]
    await removeFiles(dataDir, shas)
    outcome.filesRemoved = shas.length
    // Damaged caches set aside hold delivery records too: they go when those would have.
    removeDamagedCachesBefore(dataDir, new Date(deliveryCutoff))

    if (outcome.photosPurged + outcome.deliveriesPurged + outcome.photosRestored > 0) {
      appendAuditEntry(
        sqlite,
        'retention',
        {
          photoDays,
          deliveryDays,
          photosPurged: outcome.photosPurged,
          deliveriesPurged: outcome.deliveriesPurged,
          photosRestored: outcome.photosRestored,
        },
        { actorId: null, at },
      )
    }
    outcome.walTruncated = checkpoint(sqlite)
    // Written after the checkpoint so it can say whether that worked; it holds only counts.
    state.set(LAST_RUN_KEY, JSON.stringify(outcome))
    return outcome
  }

  return {
    /** One pass; a pass asked for while one runs joins it. */
    run(): Promise<RetentionOutcome> {
      running ??= pass().finally(() => {
        running = null
      })
      return running
    },
    get running(): boolean {
      return running !== null
    },
    /** Resolves once the pass under way (if any) has ended. */
    async idle(): Promise<void> {
      await running?.catch(() => undefined)
    },
    lastRun(): RetentionOutcome | null {
      const value = state.get(LAST_RUN_KEY)
      if (value === null) return null
      try {
        return JSON.parse(value) as RetentionOutcome
      } catch {
        return null
      }
    },
  }
}

export type Retention = ReturnType<typeof createRetention>

/**
 * Copies every page in the WAL into the database file and truncates the WAL to nothing, so that
 * old versions of purged pages do not linger there. True when it fully succeeded (a reader in
 * another process, such as the command line, can hold it back).
 */
export function checkpoint(sqlite: BetterSqlite3.Database): boolean {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
  return result?.busy === 0
}

/** What is on this computer now, measured against the policy, for the settings screen. */
export function measureKept(
  sqlite: BetterSqlite3.Database,
  policy: RetentionPolicy,
  at: Date = new Date(),
) {
  const photoCutoff = new Date(at.getTime() - policy.photoDays * DAY_MS).toISOString()
  const deliveryCutoff = new Date(at.getTime() - policy.deliveryDays * DAY_MS).toISOString()
  const photos = storedPhotosKept.on(sqlite).get({ cutoff: photoCutoff })
  const records = deliveriesKept.on(sqlite).get({ cutoff: deliveryCutoff })
  const cases = caseCount.on(sqlite).get()
  return {
    photos: {
      stored: photos?.stored ?? 0,
      oldestTakenAt: photos?.oldest ?? null,
      keptForOpenCases: photos?.kept ?? 0,
    },
    deliveries: {
      count: records?.count ?? 0,
      oldestAt: records?.oldest ?? null,
      keptForCases: records?.kept ?? 0,
    },
    cases: cases?.n ?? 0,
  }
}
