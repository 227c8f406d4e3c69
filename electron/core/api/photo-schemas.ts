// The photo calls in the API (see definition.ts). Photos themselves do not travel through the API:
// the porchlight-photo protocol (or the bridge's /photos/) serves their bytes and records nothing.
// Looking at a photo is recorded here, by the page that shows it.
import { z } from 'zod'
import { IdSchema } from '../contract/schemas.ts'

export const photoCalls = {
  /**
   * The console's page shows the full photo `photoId`, for the case `caseId` (a case on that
   * photo's delivery) or for none: recorded in the photo-view audit, then reported to the service.
   */
  recordPhotoView: {
    arg: z.object({ photoId: IdSchema, caseId: z.uuid().nullable() }),
    result: z.object({ viewId: z.string() }),
  },
  /**
   * A proof-of-delivery sheet for the customer (proof-sheet/): one page with the photos, the
   * local time, where the parcel was left and how far from the address, and nothing internal.
   * Refused for a withheld delivery. Every sheet made is written to the audit log. `to: 'file'`
   * asks where to save it (the desktop app) or hands its bytes back to download (browser mode);
   * `to: 'clipboard'` (PNG only) hands the image back for the page to copy.
   */
  makeProofSheet: {
    arg: z
      .object({
        deliveryId: IdSchema,
        caseId: z.uuid().nullable(),
        format: z.enum(['pdf', 'png']),
        to: z.enum(['file', 'clipboard']),
      })
      .refine((a) => a.to === 'file' || a.format === 'png', {
        message: 'Only the image (PNG) can be copied to the clipboard.',
      }),
    result: z.object({
      fileName: z.string(),
      /** Where the desktop app saved it; null when the page is to save or copy `base64`. */
      savedTo: z.string().nullable(),
      /** The file's bytes, when the page saves or copies it; null otherwise. */
      base64: z.string().nullable(),
      /** False when the person cancelled the save dialog. */
      made: z.boolean(),
    }),
  },
} as const
