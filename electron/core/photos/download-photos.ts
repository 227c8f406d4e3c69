// Fetches the photos the cache lists but does not hold yet, a few at a time. Each one is
// streamed to a partial file, resumed with Range after a broken connection, kept only when its
// bytes hash to the record's sha256, then checked as an image and thumbnailed.
import type BetterSqlite3 from 'better-sqlite3'
import type { ServiceClient } from '../service/service-client.ts'
import { ServiceError } from '../service/service-client.ts'
import {
  appendToPartial,
  discardPartial,
  partialSize,
  photoFileExists,
  promotePartial,
  removePhotoFiles,
  removeStrayFiles,
} from './photo-files.ts'
import type { PerceptualHash } from './perceptual-hash.ts'
import { makeThumbnail } from './thumbnails.ts'
import { t } from '../messages/messages.ts'
import {
  anyPhotoWithSha,
  markPhotoFailed,
  markPhotoRetry,
  markPhotosStored,
  photosShowingSha,
  photoCountIn,
  pendingPhotosBefore,
  pendingPhotoWithSha,
  storedPhotosWithSha,
} from '../deliveries/photo-table.ts'

/** Broken connections resumed for one photo in one run before leaving it for the next run. */
const MAX_TRANSFERS = 5
/** Hash mismatches (or oversize bodies) before the photo is recorded as failed. */
export const MAX_MISMATCHES = 3
/** Runs in which a photo could not be fetched before it is recorded as failed. */
const MAX_RUNS = 5
/** Pending photos read at a time. */
export const PENDING_CHUNK = 500

export interface PhotoDownloadProgress {
  downloaded: number
  failed: number
  /** Stored and verified, but not an image that can be shown. */
  undisplayable: number
  pending: number
}

interface PendingPhoto {
  id: string
  sha256: string
  bytes: number
  attempts: number
}

/**
 * Photos fetched and thumbnailed at once. Each spends part of its time waiting (the network, an
 * fsync, the thread pool) rather than on a core: with 6 in flight a 2-core laptop kept 95 photos
 * a second against 87 with 4 (the thumbnails alone top out near 150).
 */
export const DEFAULT_CONCURRENCY = 6

export async function downloadPendingPhotos(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  dataDir: string
  concurrency?: number
  onProgress?: (progress: PhotoDownloadProgress) => void
  /** Told the perceptual hash of each photo file kept (photo-match/ keeps them). */
  onHashed?: (sha256: string, hash: PerceptualHash) => void
  signal?: AbortSignal
}): Promise<PhotoDownloadProgress> {
  const { sqlite, client, dataDir } = options
  const rows = photoRows(sqlite)
  const { pendingTotal, nextPending, markStored, markRetry } = rows
  const progress: PhotoDownloadProgress = {
    downloaded: 0,
    failed: 0,
    undisplayable: 0,
    pending: pendingTotal,
  }
  let fatal: unknown = null

  async function keep(photo: PendingPhoto): Promise<void> {
    // The thumbnail comes first and the row says 'stored' only together with its outcome: if
    // the process dies in between, the row is still pending, its file is in place, and the next
    // run makes the thumbnail. (Marking 'stored' first left such rows without one for good.)
    // The file stores every row with its bytes (a reused photo's twins too), each counted here
    // once; a twin already read is then no longer pending when its turn comes, and is skipped.
    const thumbnail = await makeThumbnail(dataDir, photo.sha256)
    if (thumbnail.ok) {
      options.onHashed?.(photo.sha256, thumbnail.hash)
      progress.downloaded += markStored(photo.sha256, 1, null)
    } else {
      // Said in the language spoken when the photo was fetched, as every stored reason is.
      progress.undisplayable += markStored(
        photo.sha256,
        0,
        t('delivery:photoFile.notDisplayable', { reason: thumbnail.reason }),
      )
    }
  }

  // Photos with the same bytes share one partial file and one final file: two workers on the
  // same sha256 at once would write into each other's partial file and rename it from under
  // each other. The second waits for the first, then finds the file in place.
  const inFlight = new Map<string, Promise<void>>()

  async function worker(): Promise<void> {
    while (fatal === null && !options.signal?.aborted) {
      const photo = nextPending()
      if (!photo) return
      for (let busy = inFlight.get(photo.sha256); busy; busy = inFlight.get(photo.sha256)) {
        await busy
      }
      // A twin with the same bytes stored this row since it was read: nothing is left to do.
      if (!rows.isPending(photo.sha256)) continue
      const work = fetchOne({ dataDir, client, rows, progress, keep }, photo)
      inFlight.set(
        photo.sha256,
        work.then(
          () => undefined,
          () => undefined,
        ),
      )
      try {
        await work
      } catch (error) {
        // Offline, signed out or asked to wait: the run ends, and no photo is charged a try.
        if (
          error instanceof ServiceError &&
          (error.kind === 'unreachable' || error.kind === 'unauthorized' || error.kind === 'busy')
        ) {
          fatal = error
          return
        }
        markRetry(
          photo,
          t('delivery:photoFile.downloadFailed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        progress.failed++
      } finally {
        inFlight.delete(photo.sha256)
      }
      progress.pending = Math.max(
        0,
        pendingTotal - progress.downloaded - progress.failed - progress.undisplayable,
      )
      options.onProgress?.({ ...progress })
    }
  }

  // Nothing is being downloaded or thumbnailed yet: clear what an interrupted run left.
  await removeStrayFiles(dataDir, rows.isReferenced, rows.isPending)
  await Promise.all(
    Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, () => worker()),
  )
  if (fatal !== null) throw fatal
  return progress
}

/** The photo rows the download reads and marks, and the pending ones a chunk at a time. */
function photoRows(sqlite: BetterSqlite3.Database) {
  // After a first sync hundreds of thousands of photos wait: they are read a chunk at a time,
  // newest rows first, so no single read holds the event loop. Withheld deliveries have no photo
  // rows (see store-deliveries.ts); the join checks again so that no path can ever fetch a photo
  // of a withheld delivery.
  const pendingChunk = pendingPhotosBefore.on(sqlite)
  const pendingTotal = photoCountIn.on(sqlite).get({ state: 'pending' })?.n ?? 0
  let buffered: PendingPhoto[] = []
  let lastKey = Number.MAX_SAFE_INTEGER
  let exhausted = false
  const nextPending = (): PendingPhoto | undefined => {
    if (buffered.length === 0 && !exhausted) {
      const chunk = pendingChunk.all(lastKey, PENDING_CHUNK)
      exhausted = chunk.length < PENDING_CHUNK
      lastKey = chunk.at(-1)?.key ?? lastKey
      buffered = chunk.reverse()
    }
    return buffered.pop()
  }
  const referenced = anyPhotoWithSha.on(sqlite)
  const pending = pendingPhotoWithSha.on(sqlite)
  const stored = markPhotosStored.on(sqlite)
  const storedWithSha = storedPhotosWithSha.on(sqlite)
  const failed = markPhotoFailed.on(sqlite)
  const retry = markPhotoRetry.on(sqlite)
  const isReferenced = (sha256: string) => referenced.get({ sha256 }) !== undefined
  const isPending = (sha256: string) => pending.get({ sha256 }) !== undefined
  const shown = photosShowingSha.on(sqlite)
  /** Whether a row not failed or purged still has these bytes (stored, or waiting for them). */
  const isShown = (sha256: string) => (shown.get({ sha256 })?.n ?? 0) > 0
  const storeAndCount = sqlite.transaction(
    (sha256: string, hasThumbnail: number, displayError: string | null): number => {
      const before = storedWithSha.get({ sha256 })?.n ?? 0
      stored.run({ sha256, hasThumbnail, displayError })
      return (storedWithSha.get({ sha256 })?.n ?? 0) - before
    },
  )
  /**
   * Stores every row with these bytes; returns how many were not stored before (the count).
   * Immediate: it reads, then writes, while the sync's writer thread may be writing pages; a
   * deferred transaction would then fail at its write (SQLITE_BUSY, no wait) instead of waiting.
   */
  const markStored = (sha256: string, hasThumbnail: number, displayError: string | null) =>
    storeAndCount.immediate(sha256, hasThumbnail, displayError)
  const markFailed = (photo: PendingPhoto, reason: string) =>
    failed.run({ id: photo.id, sha256: photo.sha256, reason })
  const markRetry = (photo: PendingPhoto, reason: string) =>
    retry.run({ id: photo.id, sha256: photo.sha256, reason, maxRuns: MAX_RUNS })
  return {
    pendingTotal,
    nextPending,
    isReferenced,
    isPending,
    isShown,
    markStored,
    markFailed,
    markRetry,
  }
}

type PhotoRows = ReturnType<typeof photoRows>

/**
 * Fetches one photo: resumed with Range after a broken connection, kept when its bytes hash to
 * the record's sha256, marked failed or left for the next run otherwise.
 */
async function fetchOne(
  run: {
    dataDir: string
    client: ServiceClient
    rows: PhotoRows
    progress: PhotoDownloadProgress
    keep: (photo: PendingPhoto) => Promise<void>
  },
  photo: PendingPhoto,
): Promise<void> {
  const { dataDir, client, progress, keep } = run
  const { markFailed, markRetry } = run.rows
  if (await photoFileExists(dataDir, photo.sha256)) return keep(photo)
  let mismatches = 0
  for (let transfer = 1; transfer <= MAX_TRANSFERS; transfer++) {
    const have = await partialSize(dataDir, photo.sha256)
    const response = await client.getPhoto(photo.id, have)
    if (response.status === 401) {
      await response.body?.cancel()
      throw new ServiceError('unauthorized', 'The service refused the sign-in token.', 401)
    }
    if (response.status === 410) {
      await response.body?.cancel()
      await discardPartial(dataDir, photo.sha256)
      markFailed(photo, t('delivery:photoFile.erased'))
      // The file goes unless a twin (another delivery's photo with the same bytes) still has it.
      if (!run.rows.isShown(photo.sha256)) await removePhotoFiles(dataDir, [photo.sha256])
      progress.failed++
      return
    }
    if (response.status === 416) {
      // Our partial file is not a prefix the service recognises: start over.
      await response.body?.cancel()
      await discardPartial(dataDir, photo.sha256)
      continue
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      markRetry(photo, t('delivery:photoFile.httpStatus', { status: response.status }))
      progress.failed++
      return
    }
    const append = response.status === 206 && contentRangeStart(response) === have
    if (response.status === 206 && !append) {
      await response.body.cancel()
      await discardPartial(dataDir, photo.sha256)
      continue
    }
    let size: number
    try {
      size = await appendToPartial(dataDir, photo.sha256, response.body, append, photo.bytes)
    } catch {
      continue // the connection broke mid-body: resume from what arrived
    }
    if (size >= 0 && size < photo.bytes) continue // ended early without an error: resume
    if (size === photo.bytes && (await promotePartial(dataDir, photo.sha256))) return keep(photo)
    await discardPartial(dataDir, photo.sha256)
    mismatches++
    if (mismatches >= MAX_MISMATCHES) {
      markFailed(photo, t('delivery:photoFile.notVerified', { tries: MAX_MISMATCHES }))
      progress.failed++
      return
    }
  }
  markRetry(photo, t('delivery:photoFile.keptBreaking'))
  progress.failed++
}

function contentRangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '')
  return match ? Number(match[1]) : null
}
