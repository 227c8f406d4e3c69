// What a proof-of-delivery sheet tells the customer, in words, and nothing more: the order and
// tracking number, their own address, when the parcel was left in the address's own local time,
// where it was left and how far from the address, and the photos. Nothing internal ever reaches
// it: no notes, no claim counts, no driver, no agent, no other customer. The sheet's PDF and PNG
// are both drawn from this one value, so they cannot disagree.
import type { DeliveryDetail } from '../api/definition.ts'
import { formatDateTime, formatDateTimeLong, formatDistance } from '../api/display-format.ts'
import { dropOffSpotText } from '../api/display-words.ts'

export interface SheetPhoto {
  id: string
  /** The stored, verified file. */
  path: string
  width: number | null
  height: number | null
  /** "Taken Oct 13, 2026, 6:41 PM PDT", or null when the handset gave no time. */
  caption: string
  location: { lat: number; lng: number; accuracyM: number | null } | null
}

export interface SheetContent {
  orderId: string
  title: string
  orderLine: string
  deliveredLine: string
  /** "Local time at the address", when the time is read in the address's zone. */
  deliveredNote: string | null
  addressLines: string[]
  leftAtLine: string
  distanceLine: string
  photos: SheetPhoto[]
  map: {
    address: { lat: number; lng: number } | null
    dropOff: { lat: number; lng: number; accuracyM: number | null } | null
  }
  footer: string
}

/** The photos a sheet may show, at most this many (one page). */
export const SHEET_MAX_PHOTOS = 2

export function sheetContent(
  delivery: DeliveryDetail,
  photos: ReadonlyArray<Omit<SheetPhoto, 'caption' | 'location'> & { takenAt: string }>,
  madeAt: Date,
): SheetContent {
  const zone = delivery.timeZone ? { timeZone: delivery.timeZone } : {}
  const a = delivery.address
  const distance = delivery.locationCheck.dropOffDistanceM
  const locations = new Map(delivery.photos.map((p) => [p.id, p.location]))
  return {
    orderId: delivery.orderId,
    title: 'Proof of delivery',
    orderLine: `Order ${delivery.orderId} · Tracking number ${delivery.trackingNumber}`,
    deliveredLine: delivery.deliveredAt
      ? `Delivered ${formatDateTimeLong(delivery.deliveredAt, zone)}`
      : 'The time of delivery was not recorded.',
    deliveredNote: delivery.deliveredAt && delivery.timeZone ? 'Local time at the address' : null,
    addressLines: [
      a.line1,
      ...(a.line2 ? [a.line2] : []),
      [a.city, a.region, a.postalCode].filter(Boolean).join(' '),
      a.country,
    ],
    leftAtLine: `Left at: ${dropOffSpotText(delivery.dropOff.spot)}`,
    distanceLine:
      distance === null
        ? 'The place where the parcel was left was not recorded with a position.'
        : `The driver marked the parcel delivered ${formatDistance(distance)} from the address.`,
    photos: photos.slice(0, SHEET_MAX_PHOTOS).map((p) => ({
      id: p.id,
      path: p.path,
      width: p.width,
      height: p.height,
      caption: `Photo taken ${formatDateTime(p.takenAt, zone)}`,
      location: fix(locations.get(p.id) ?? null),
    })),
    map: {
      address: a.location ? { lat: a.location.lat, lng: a.location.lng } : null,
      dropOff: fix(delivery.dropOff.location),
    },
    footer: `Made ${formatDateTime(madeAt.toISOString(), zone)} from the delivery service's record of this delivery.`,
  }
}

function fix(
  at: { lat: number; lng: number; accuracyM?: number | undefined } | null,
): { lat: number; lng: number; accuracyM: number | null } | null {
  return at ? { lat: at.lat, lng: at.lng, accuracyM: at.accuracyM ?? null } : null
}
