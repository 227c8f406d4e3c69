// One delivery as its screen shows it: found by its id, order id or tracking number, with its
// photos. Opening a delivery is a hot path: its statements (delivery-tables.ts, photo-table.ts)
// are prepared once on the connection, and nothing is awaited.
import type BetterSqlite3 from 'better-sqlite3'
import type { DeliveryDetail } from '../api/definition.ts'
import { deliveryById, newestDeliveryByNumber, type DeliveryRow } from './delivery-tables.ts'
import { deliveryTimeZone } from './delivery-time-zone.ts'
import { photosOfDeliveryInOrder, type DeliveryPhotoRow } from './photo-table.ts'

/** What a delivery's view adds from elsewhere: the location threshold, its cases, repeat claims. */
export interface DeliveryExtras {
  thresholdM: number
  casesOf: (deliveryId: string) => DeliveryDetail['cases']
  repeatClaimsOf: (deliveryId: string) => DeliveryDetail['repeatClaims']
}

export type DeliveryReader = (idOrNumber: string, extras: DeliveryExtras) => DeliveryDetail | null

/** Finds a delivery by its id, order id or tracking number, with its photos. */
export function createDeliveryReader(sqlite: BetterSqlite3.Database): DeliveryReader {
  const byId = deliveryById.on(sqlite)
  const byNumber = newestDeliveryByNumber.on(sqlite)
  const photosOf = photosOfDeliveryInOrder.on(sqlite)
  return (idOrNumber, extras) => {
    const row =
      byId.get({ id: idOrNumber }) ??
      byNumber.get({ orderId: idOrNumber, trackingNumber: idOrNumber.toUpperCase() })
    if (!row) return null
    const photos = row.photo_withheld === null ? photosOf.all({ deliveryId: row.id }) : []
    return detailOf(row, photos, extras)
  }
}

function detailOf(
  row: DeliveryRow,
  photos: DeliveryPhotoRow[],
  extras: DeliveryExtras,
): DeliveryDetail {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at,
    orderId: row.order_id,
    trackingNumber: row.tracking_number,
    status: row.status as DeliveryDetail['status'],
    deliveredAt: row.delivered_at,
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
    },
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
      location:
        row.address_lat !== null && row.address_lng !== null
          ? { lat: row.address_lat, lng: row.address_lng }
          : null,
    },
    dropOff: {
      spot: row.drop_spot as DeliveryDetail['dropOff']['spot'],
      note: row.drop_note,
      location:
        row.drop_lat !== null && row.drop_lng !== null
          ? { lat: row.drop_lat, lng: row.drop_lng, ...accuracy(row.drop_accuracy_m) }
          : null,
    },
    timeZone: deliveryTimeZone(
      { lat: row.address_lat, lng: row.address_lng },
      { lat: row.drop_lat, lng: row.drop_lng },
    ),
    driver: { id: row.driver_id, name: row.driver_name },
    items: JSON.parse(row.items_json) as DeliveryDetail['items'],
    photoWithheld: row.photo_withheld as DeliveryDetail['photoWithheld'],
    locationCheck: {
      thresholdM: extras.thresholdM,
      dropOffDistanceM: row.drop_distance_m,
      photoDistancesM: photos.map((p) => ({ photoId: p.id, distanceM: p.distance_m })),
      awayM: row.away_m,
      flagged: row.away_m !== null && row.away_m > extras.thresholdM,
    },
    repeatClaims: extras.repeatClaimsOf(row.id),
    cases: extras.casesOf(row.id),
    photos: photos.map((p) => ({
      id: p.id,
      position: p.position,
      takenAt: p.taken_at,
      width: p.width,
      height: p.height,
      contentType: p.content_type,
      location:
        p.lat !== null && p.lng !== null
          ? { lat: p.lat, lng: p.lng, ...accuracy(p.accuracy_m) }
          : null,
      state: p.state,
      failureReason: p.failure_reason,
      displayError: p.display_error,
      hasThumbnail: p.has_thumbnail === 1,
    })),
  }
}

function accuracy(m: number | null): { accuracyM?: number } {
  return m === null ? {} : { accuracyM: m }
}
