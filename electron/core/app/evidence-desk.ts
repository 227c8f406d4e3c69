// The API handlers for the evidence no delivery record carries: look-alike photos and the
// address's own history. Also owns the photo hashes' in-memory table for this process, which the
// sync's photo step feeds (onPhotoHashed) and then flags from (afterPhotos).
import type BetterSqlite3 from 'better-sqlite3'
import type { ApiHandlers } from '../api/definition.ts'
import type { Logger } from '../common/logger.ts'
import { createAddressHistory } from '../addresses/address-history.ts'
import { createFingerprints } from '../photo-match/fingerprints.ts'
import { createLookalikes, reuseFlagOf } from '../photo-match/lookalikes.ts'
import { matchPhotos } from '../photo-match/match-photos.ts'
import { LOOKALIKE_DISTANCE, type PerceptualHash } from '../photos/perceptual-hash.ts'

export function createEvidenceDesk(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  /** The look-alike table's worker thread, built (see FingerprintsOptions); default its source. */
  indexThreadFile?: string
  log: Pick<Logger, 'warn'>
}) {
  const { sqlite } = options
  const fingerprints = createFingerprints(sqlite, {
    indexThreadFile: options.indexThreadFile,
    onIndexThreadError: (error) =>
      options.log.warn(`look-alike table built on the main thread: ${error.message}`),
  })
  const lookalikes = createLookalikes(sqlite, fingerprints)
  const history = createAddressHistory(sqlite)

  const handlers: Pick<ApiHandlers, 'getLookalikes' | 'getAddressHistory'> = {
    getLookalikes: async ({ deliveryId }) => {
      // Read only: worked out from the look-alikes now, so the flag shown never outlives what it
      // was based on (a look-alike since withheld, deleted or moved). The kept flags that search
      // and the report read are refreshed by the sync's look-alike pass (match-photos.ts).
      await fingerprints.ready()
      const found = lookalikes.of(deliveryId)
      return { photos: found, flag: reuseFlagOf(found), maxDistance: LOOKALIKE_DISTANCE }
    },
    getAddressHistory: async ({ deliveryId }) => {
      return history(deliveryId)
    },
  }

  return {
    handlers,
    onPhotoHashed: (sha256: string, hash: PerceptualHash) => fingerprints.record(sha256, hash),
    afterPhotos: (signal: AbortSignal) =>
      matchPhotos({ sqlite, dataDir: options.dataDir, fingerprints, lookalikes, signal }),
    /** After the cache was emptied: the in-memory table is built again from the new one. */
    reset: () => fingerprints.reset(),
  }
}
