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
} as const
