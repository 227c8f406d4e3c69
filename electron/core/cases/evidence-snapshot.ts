// The evidence a case was opened on, frozen with the case, and what has changed upstream since:
// later syncs must never change what a decision was based on, only say that it changed.
import type BetterSqlite3 from 'better-sqlite3'
import type { EvidenceSnapshot } from '../api/case-schemas.ts'
import { deliveryById } from '../deliveries/delivery-tables.ts'
import { photosOfDeliveryInOrder } from '../deliveries/photo-table.ts'

/** Reads a delivery's evidence as it is in the cache now; null when the delivery is gone. */
export function createEvidenceReader(sqlite: BetterSqlite3.Database) {
  const delivery = deliveryById.on(sqlite)
  const photos = photosOfDeliveryInOrder.on(sqlite)
  return (deliveryId: string, thresholdM: number, takenAt: string): EvidenceSnapshot | null => {
    const d = delivery.get({ id: deliveryId })
    if (!d) return null
    return {
      takenAt,
      deliveryVersion: d.version,
      deliveredAt: d.delivered_at,
      driver: { id: d.driver_id, name: d.driver_name },
      dropOff: { spot: d.drop_spot, location: fix(d.drop_lat, d.drop_lng, d.drop_accuracy_m) },
      photos: photos.all({ deliveryId }).map((p) => ({
        id: p.id,
        sha256: p.sha256,
        takenAt: p.taken_at,
        location: fix(p.lat, p.lng, p.accuracy_m),
      })),
      photoWithheld: d.photo_withheld,
      awayFromAddress: { flagged: d.away_m !== null && d.away_m > thresholdM, distanceM: d.away_m },
    }
  }
}

function fix(lat: number | null, lng: number | null, accuracyM: number | null) {
  if (lat === null || lng === null) return null
  return accuracyM === null ? { lat, lng } : { lat, lng, accuracyM }
}

/** Differences between the snapshot and the delivery as it is now, in words. */
export function evidenceChanges(
  snapshot: EvidenceSnapshot,
  now: EvidenceSnapshot | null,
): string[] {
  if (!now) return ['The delivery record was removed by the delivery service.']
  const changes: string[] = []
  if (snapshot.deliveredAt !== now.deliveredAt) changes.push('The delivery time changed.')
  if (snapshot.driver.id !== now.driver.id)
    changes.push(`The driver changed from ${snapshot.driver.name} to ${now.driver.name}.`)
  if (snapshot.dropOff.spot !== now.dropOff.spot)
    changes.push('Where the package was left changed.')
  if (!sameFix(snapshot.dropOff.location, now.dropOff.location))
    changes.push('The drop-off location changed.')
  const before = snapshot.photos.map((p) => p.sha256).join(',')
  const after = now.photos.map((p) => p.sha256).join(',')
  if (before !== after) changes.push('The photos changed.')
  if (snapshot.photoWithheld !== now.photoWithheld)
    changes.push('Whether photos are withheld changed.')
  if (snapshot.awayFromAddress.flagged !== now.awayFromAddress.flagged) {
    changes.push(
      now.awayFromAddress.flagged
        ? 'The delivery is now flagged as delivered away from the address.'
        : 'The delivery is no longer flagged as delivered away from the address.',
    )
  }
  return changes
}

function sameFix(
  a: { lat: number; lng: number } | null,
  b: { lat: number; lng: number } | null,
): boolean {
  if (a === null || b === null) return a === b
  return Math.abs(a.lat - b.lat) < 1e-7 && Math.abs(a.lng - b.lng) < 1e-7
}
