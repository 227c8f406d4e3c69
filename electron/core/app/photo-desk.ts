// Stored delivery photos for the page: `resolvePhoto` says which file a photo address may show (the
// porchlight-photo protocol and the browser-mode bridge serve it) and has no side effect, so a
// request that another page forges changes nothing. Looking at a photo is recorded by an explicit
// API call, `recordPhotoView`, which the console's own page makes when it shows the full photo;
// it travels like every call (Electron IPC from the app's frame, or the bridge with its token),
// and the case it names must be a case on that photo's delivery.
import { signInFirst } from '../api/outcome.ts'
import { signedInUser } from './signed-in-user.ts'
import { existsSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { type ApiHandlers } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import type { createPhotoViewLog } from '../audit/photo-views.ts'
import { createCaseReader } from '../cases/case-state.ts'
import type { RowOf } from '../db/typed-sql.ts'
import { photoToShow } from '../deliveries/photo-table.ts'
import { IdSchema, type User } from '../contract/schemas.ts'
import { photoFilePath, thumbnailPath } from '../photos/photo-files.ts'
import type { PhotoFile, PhotoRequestOptions } from './types.ts'

type PhotoRow = RowOf<typeof photoToShow>

export interface PhotoDesk {
  resolvePhoto(photoId: string, asked?: PhotoRequestOptions): Promise<PhotoFile>
  handlers: Pick<ApiHandlers, 'recordPhotoView'>
}

export function createPhotoDesk(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  photoViews: ReturnType<typeof createPhotoViewLog>
  currentUser: () => User | null
}): PhotoDesk {
  const photoLookup = photoToShow.on(options.sqlite)
  const cases = createCaseReader(options.sqlite)

  /** The stored file behind a photo id, or why it may not be shown. */
  function locate(
    photoId: string,
    variant: 'full' | 'thumbnail',
  ): { ok: true; file: PhotoFile & { ok: true }; row: PhotoRow } | (PhotoFile & { ok: false }) {
    if (!IdSchema.safeParse(photoId).success)
      return { ok: false, status: 400, reason: t('delivery:photoFile.notAPhotoId') }
    if (!options.currentUser()) return { ok: false, status: 403, reason: signInFirst() }
    const row = photoLookup.get({ id: photoId })
    if (!row) return { ok: false, status: 404, reason: t('delivery:photoFile.notInCache') }
    if (row.photo_withheld !== null) {
      return { ok: false, status: 403, reason: t('common:withheld.unknown') }
    }
    if (row.state !== 'stored')
      return { ok: false, status: 404, reason: t('delivery:photoFile.notDownloaded') }
    if (row.display_error !== null) return { ok: false, status: 404, reason: row.display_error }
    if (variant === 'thumbnail') {
      const thumb = thumbnailPath(options.dataDir, row.sha256)
      if (row.has_thumbnail !== 1 || !existsSync(thumb)) {
        return { ok: false, status: 404, reason: t('delivery:photoFile.noThumbnail') }
      }
      return {
        ok: true,
        file: { ok: true, path: thumb, contentType: 'image/webp', sha256: row.sha256 },
        row,
      }
    }
    const path = photoFilePath(options.dataDir, row.sha256)
    if (!existsSync(path)) {
      return { ok: false, status: 404, reason: t('delivery:photoFile.fileMissing') }
    }
    return {
      ok: true,
      file: { ok: true, path, contentType: row.content_type, sha256: row.sha256 },
      row,
    }
  }

  return {
    async resolvePhoto(photoId, asked = {}) {
      const found = locate(photoId, asked.variant ?? 'full')
      return found.ok ? found.file : found
    },
    handlers: {
      recordPhotoView: async ({ photoId, caseId }) => {
        const user = signedInUser(options.currentUser)
        const found = locate(photoId, 'full')
        if (!found.ok) throw new UserFacingError('photo-unavailable', found.reason)
        if (caseId !== null) {
          const state = cases.project(caseId).state
          if (state === null || state.deliveryId !== found.row.delivery_id) {
            throw new UserFacingError('not-this-delivery', t('delivery:photoFile.notThisDelivery'))
          }
        }
        const viewId = options.photoViews.record({
          photoId,
          deliveryId: found.row.delivery_id,
          caseId,
          userId: user.id,
        })
        return { viewId }
      },
    },
  }
}
