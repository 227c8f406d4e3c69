// The evidence a case was opened on, frozen with the case, and what has changed upstream since:
// later syncs must never change what a decision was based on, only say that it changed.
import type BetterSqlite3 from 'better-sqlite3'
import type { EvidenceSnapshot } from '../api/case-schemas.ts'
import { deliveryById } from '../deliveries/delivery-tables.ts'
import { photosOfDeliveryInOrder } from '../deliveries/photo-table.ts'
import { t } from '../messages/messages.ts'

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

/** Differences between the snapshot and the delivery as it is now, in the words spoken now. */
export function evidenceChanges(
  snapshot: EvidenceSnapshot,
  now: EvidenceSnapshot | null,
): string[] {
  if (!now) return [t('cases:evidence.removed')]
  const changes: string[] = []
  if (snapshot.deliveredAt !== now.deliveredAt) changes.push(t('cases:evidence.deliveredAtChanged'))
  if (snapshot.driver.id !== now.driver.id)
    changes.push(
      t('cases:evidence.driverChanged', { from: snapshot.driver.name, to: now.driver.name }),
    )
  if (snapshot.dropOff.spot !== now.dropOff.spot) changes.push(t('cases:evidence.spotChanged'))
  if (!sameFix(snapshot.dropOff.location, now.dropOff.location))
    changes.push(t('cases:evidence.fixChanged'))
  const before = snapshot.photos.map((p) => p.sha256).join(',')
  const after = now.photos.map((p) => p.sha256).join(',')
  if (before !== after) changes.push(t('cases:evidence.photosChanged'))
  if (snapshot.photoWithheld !== now.photoWithheld)
    changes.push(t('cases:evidence.withheldChanged'))
  if (snapshot.awayFromAddress.flagged !== now.awayFromAddress.flagged) {
    changes.push(
      now.awayFromAddress.flagged ? t('cases:evidence.nowAway') : t('cases:evidence.noLongerAway'),
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
