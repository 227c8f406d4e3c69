// One photo run, in a process of its own: the SyncEngine syncs the photo world's records (not
// timed), and from its beforePhotos hook to the end of the run downloads, verifies and
// thumbnails every photo (downloadPendingPhotos, as the app runs it). The baseline then fetches
// the same photos and hashes them, with the same concurrency, and nothing else; and, for the
// diagnosis, makes their thumbnails again from the stored files.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../electron/core/common/logger.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { createServiceClient } from '../../electron/core/service/service-client.ts'
import { SyncEngine } from '../../electron/core/sync/sync-engine.ts'
import { makeThumbnail } from '../../electron/core/photos/thumbnails.ts'
import { DEFAULT_CONCURRENCY } from '../../electron/core/photos/download-photos.ts'

export interface PhotoRunArgs {
  url: string
  expected: number
  thumbnailsAlone: number
}

export interface PhotoRunResult {
  photos: number
  seconds: number
  undisplayable: number
  baseline: { photos: number; seconds: number }
  /** Making the thumbnails again from the stored files, same concurrency: the diagnosis. */
  thumbnailsAlone: { photos: number; seconds: number }
}

/** downloadPendingPhotos' default, which the app does not change. */
const CONCURRENCY = DEFAULT_CONCURRENCY
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export async function photoRun(args: PhotoRunArgs): Promise<PhotoRunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-photos-'))
  try {
    const local = await openDatabase(dataDir)
    let token: string | null = null
    const client = createServiceClient({ baseUrl: args.url, getToken: () => token })
    token = (await client.login('agent', 'demo-agent')).token
    let photosStarted = 0
    const engine = new SyncEngine({
      sqlite: local.sqlite,
      dataDir,
      client,
      log: quiet,
      reauthenticate: async () => false,
      onUnauthorized: () => {},
      beforePhotos: async () => {
        photosStarted = performance.now()
      },
    })
    const summary = await engine.run()
    const seconds = (performance.now() - photosStarted) / 1000
    const { downloaded, undisplayable, failed } = summary.photos
    if (downloaded + undisplayable !== args.expected || failed !== 0) {
      throw new Error(
        `stored ${downloaded + undisplayable} of ${args.expected} photos (${failed} failed)`,
      )
    }

    const photos = local.sqlite
      .prepare<[], { id: string; sha256: string }>('SELECT id, sha256 FROM delivery_photos')
      .all()
    await local.close()
    type Photo = { id: string; sha256: string }
    const inParallel = async (list: Photo[], work: (photo: Photo) => Promise<void>) => {
      let next = 0
      const worker = async () => {
        for (let photo = list[next++]; photo; photo = list[next++]) await work(photo)
      }
      const started = performance.now()
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
      return (performance.now() - started) / 1000
    }
    const baselineSeconds = await inParallel(photos, async (photo) => {
      const response = await client.getPhoto(photo.id)
      if (!response.ok || !response.body) throw new Error(`photo ${photo.id}: ${response.status}`)
      const hash = createHash('sha256')
      for await (const chunk of response.body) hash.update(chunk)
      if (hash.digest('hex') !== photo.sha256) throw new Error(`photo ${photo.id}: bad hash`)
    })
    const again = photos.slice(0, args.thumbnailsAlone)
    const thumbnailSeconds = await inParallel(again, async (photo) => {
      const outcome = await makeThumbnail(dataDir, photo.sha256)
      if (!outcome.ok) throw new Error(`photo ${photo.id}: ${outcome.reason}`)
    })
    return {
      photos: downloaded + undisplayable,
      seconds,
      undisplayable,
      baseline: { photos: photos.length, seconds: baselineSeconds },
      thumbnailsAlone: { photos: again.length, seconds: thumbnailSeconds },
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
