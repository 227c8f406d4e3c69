// Making proof-of-delivery sheets (the makeProofSheet call): checks that the delivery may show
// its photos (never for a withheld one, whatever the page asks), draws the sheet from the cached
// record and the stored photos, writes who made which sheet to the audit log, then saves it where
// the person chooses or hands it back to the page.
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import type { ApiHandlers, DeliveryDetail } from '../api/definition.ts'
import type { ExportDestination } from '../reports/export-jobs.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import { UserFacingError } from '../common/errors.ts'
import type { User } from '../contract/schemas.ts'
import { withheldReasonText } from '../api/display-words.ts'
import { signInFirst } from '../api/outcome.ts'
import { t } from '../messages/messages.ts'
import { sheetContent, SHEET_MAX_PHOTOS, type SheetContent } from './sheet-content.ts'
import { renderSheetPdf } from './sheet-pdf.ts'
import { renderSheetPng } from './sheet-png.ts'

type StoredPhoto = { ok: true; path: string; contentType: string } | { ok: false; reason: string }

export interface ProofSheetOptions {
  sqlite: BetterSqlite3.Database
  currentUser: () => User | null
  /** The delivery as the screen shows it (one truth for times and distances). */
  delivery: (id: string) => Promise<DeliveryDetail | null>
  /** The stored file behind a photo id, or why it may not be shown (photo-desk's rule). */
  photoFile: (photoId: string) => Promise<StoredPhoto>
  destination: ExportDestination
  now?: () => Date
}

export function createProofSheets(options: ProofSheetOptions): {
  handlers: Pick<ApiHandlers, 'makeProofSheet'>
} {
  const now = options.now ?? (() => new Date())

  async function contentFor(deliveryId: string): Promise<SheetContent> {
    const delivery = await options.delivery(deliveryId)
    if (!delivery) throw new UserFacingError('not-found', t('documents:proofSheet.notCached'))
    if (delivery.photoWithheld !== null) {
      throw new UserFacingError(
        'photo-withheld',
        t('documents:proofSheet.withheld', {
          reason: withheldReasonText(delivery.photoWithheld),
        }),
      )
    }
    const photos = []
    for (const photo of delivery.photos) {
      if (photos.length === SHEET_MAX_PHOTOS) break
      const file = await options.photoFile(photo.id)
      if (file.ok && /^image\/(jpeg|png|webp)$/.test(file.contentType)) {
        photos.push({ ...photo, path: file.path })
      }
    }
    if (photos.length === 0) {
      throw new UserFacingError('photo-unavailable', t('documents:proofSheet.noPhoto'))
    }
    return sheetContent(delivery, photos, now())
  }

  return {
    handlers: {
      makeProofSheet: async ({ deliveryId, caseId, format, to }) => {
        const user = options.currentUser()
        if (!user) throw new UserFacingError('signed-out', signInFirst())
        const sheet = await contentFor(deliveryId)
        const fileName = `${t('documents:fileName.proofSheet', { order: safe(sheet.orderId) })}.${format}`
        const bytes = await render(sheet, format)
        const savedTo =
          to === 'file' && !options.destination.downloadable
            ? await options.destination.choose(fileName, format, {
                title: t('documents:proofSheet.saveTitle'),
                button: t('documents:proofSheet.saveButton'),
              })
            : null
        if (to === 'file' && !options.destination.downloadable && savedTo === null) {
          return { fileName, savedTo: null, base64: null, made: false }
        }
        // Recorded before the sheet leaves Porchlight, like a photo view.
        appendAuditEntry(
          options.sqlite,
          'proof-sheet',
          {
            sheetId: randomUUID(),
            deliveryId,
            caseId,
            format,
            to,
            photoIds: sheet.photos.map((p) => p.id).join(' '),
          },
          { actorId: user.id },
        )
        if (savedTo !== null) {
          writeFileSync(savedTo, bytes, { mode: 0o600 })
          options.destination.reveal?.(savedTo)
          return { fileName, savedTo, base64: null, made: true }
        }
        return { fileName, savedTo: null, base64: bytes.toString('base64'), made: true }
      },
    },
  }
}

function render(sheet: SheetContent, format: 'pdf' | 'png'): Promise<Buffer> {
  return format === 'png' ? renderSheetPng(sheet) : renderSheetPdf(sheet)
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 60)
}
