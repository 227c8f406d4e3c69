// "Delivered away from the address": which fix tripped the flag, and the sentence an agent reads.
// The core decides whether a delivery is flagged (distance beyond the fix's own accuracy, over the
// threshold in Settings); this only picks the fix to name, preferring the drop-off, because where
// the driver marked it delivered is what the customer is asking about.
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import {
  awayFlagSentence,
  awayFlagShort,
  awayFlagTitle,
  type AwayFix,
} from '../../electron/core/api/display-words.ts'

export type LocationFlag = {
  /** The drop-off, or the photo (by its position in the shown list) that is farthest away. */
  fix: { kind: 'drop-off' } | { kind: 'photo'; index: number }
  distanceM: number
  accuracyM: number | null
  thresholdM: number
}

type Candidate = LocationFlag['fix'] & { distanceM: number; accuracyM: number | null }

const excess = (c: { distanceM: number; accuracyM: number | null }): number =>
  c.distanceM - (c.accuracyM ?? 0)

export function locationFlag(
  delivery: DeliveryDetail,
  photos: readonly DeliveryPhoto[],
): LocationFlag | null {
  const check = delivery.locationCheck
  if (!check.flagged) return null
  const candidates: Candidate[] = []
  if (check.dropOffDistanceM !== null) {
    candidates.push({
      kind: 'drop-off',
      distanceM: check.dropOffDistanceM,
      accuracyM: delivery.dropOff.location?.accuracyM ?? null,
    })
  }
  const photoDistance = new Map(check.photoDistancesM.map((p) => [p.photoId, p.distanceM]))
  photos.forEach((photo, index) => {
    const distanceM = photoDistance.get(photo.id)
    if (distanceM === undefined || distanceM === null) return
    candidates.push({
      kind: 'photo',
      index,
      distanceM,
      accuracyM: photo.location?.accuracyM ?? null,
    })
  })
  const dropOff = candidates.find((c) => c.kind === 'drop-off')
  const chosen =
    dropOff && excess(dropOff) > check.thresholdM
      ? dropOff
      : candidates.reduce<Candidate | null>(
          (best, c) => (best === null || excess(c) > excess(best) ? c : best),
          null,
        )
  if (!chosen) return null
  const { distanceM, accuracyM, ...fix } = chosen
  return { fix, distanceM, accuracyM, thresholdM: check.thresholdM }
}

/** The fix in the shared words' terms: the photo by its number (1-based). */
function awayFix(flag: LocationFlag): AwayFix {
  return flag.fix.kind === 'drop-off'
    ? { kind: 'drop-off' }
    : { kind: 'photo', number: flag.fix.index + 1 }
}

/** "Delivered away from the address" or "Photo 2 taken away from the address". */
export function locationFlagTitle(flag: LocationFlag): string {
  return awayFlagTitle(awayFix(flag))
}

/** "Delivered away from the address — 420 m" */
export function locationFlagShort(flag: LocationFlag): string {
  return awayFlagShort(awayFix(flag), flag.distanceM)
}

/**
 * "Delivered away from the address — 420 m (beyond the ±15 m fix accuracy); threshold 150 m"
 */
export function locationFlagSentence(flag: LocationFlag): string {
  return awayFlagSentence({ ...flag, fix: awayFix(flag) })
}
