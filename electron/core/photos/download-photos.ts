// Fetches the photos the cache knows about but does not hold yet, a few at a time.
import type BetterSqlite3 from 'better-sqlite3'
import type { ServiceClient } from '../sync/service-client.ts'
import { ServiceError } from '../sync/service-client.ts'
import { photoFileExists, writeVerifiedPhoto } from './photo-files.ts'

/** A photo that failed this many times is left as failed until the record changes. */
const MAX_ATTEMPTS = 3

export interface PhotoDownloadProgress {
  downloaded: number
  failed: number
  pending: number
}

interface PendingPhoto {
  id: string
  sha256: string
  bytes: number
  attempts: number
}

export async function downloadPendingPhotos(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  dataDir: string
  concurrency?: number
  onProgress?: (progress: PhotoDownloadProgress) => void
  signal?: AbortSignal
}): Promise<PhotoDownloadProgress> {
  const { sqlite, client, dataDir } = options
  // Withheld deliveries have no photo rows (see store-deliveries.ts); the join re-checks anyway
  // so that no code path can fetch a photo of a withheld delivery.
  const pending = sqlite
    .prepare<[], PendingPhoto>(
      `SELECT p.id, p.sha256, p.bytes, p.attempts FROM delivery_photos p
       JOIN deliveries d ON d.id = p.delivery_id
       WHERE p.state = 'pending' AND d.photo_withheld IS NULL
       ORDER BY d.delivered_at DESC`,
    )
    .all()
  const markStored = sqlite.prepare(
    "UPDATE delivery_photos SET state = 'stored', failure_reason = NULL WHERE sha256 = ? AND state != 'stored'",
  )
  const markAttempt = sqlite.prepare(
    `UPDATE delivery_photos SET attempts = attempts + 1, failure_reason = ?,
       state = CASE WHEN attempts + 1 >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END
     WHERE id = ? AND sha256 = ?`,
  )
  const markFailed = sqlite.prepare(
    "UPDATE delivery_photos SET state = 'failed', failure_reason = ? WHERE id = ? AND sha256 = ?",
  )
  const progress: PhotoDownloadProgress = { downloaded: 0, failed: 0, pending: pending.length }
  let next = 0

  async function fetchOne(photo: PendingPhoto): Promise<void> {
    if (await photoFileExists(dataDir, photo.sha256)) {
      markStored.run(photo.sha256)
      progress.downloaded++
      return
    }
    try {
      const response = await client.getPhoto(photo.id)
      if (response.status === 410) {
        await response.body?.cancel()
        markFailed.run('The delivery service erased this photo.', photo.id, photo.sha256)
        progress.failed++
        return
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel()
        throw new Error(`HTTP ${response.status}`)
      }
      const outcome = await writeVerifiedPhoto(dataDir, photo.sha256, response.body, photo.bytes)
      if (outcome.ok) {
        markStored.run(photo.sha256)
        progress.downloaded++
      } else {
        markAttempt.run(outcome.reason, photo.id, photo.sha256)
        progress.failed++
      }
    } catch (error) {
      if (error instanceof ServiceError && error.kind === 'unreachable') throw error
      const reason = error instanceof Error ? error.message : String(error)
      markAttempt.run(`The download failed (${reason}).`, photo.id, photo.sha256)
      progress.failed++
    }
  }

  async function worker(): Promise<void> {
    while (next < pending.length) {
      if (options.signal?.aborted) return
      const photo = pending[next++]
      if (!photo) return
      await fetchOne(photo)
      progress.pending = pending.length - progress.downloaded - progress.failed
      options.onProgress?.({ ...progress })
    }
  }

  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, () => worker())
  await Promise.all(workers)
  return progress
}
