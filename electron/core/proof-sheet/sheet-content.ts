// What a proof-of-delivery sheet tells the customer, in words, and nothing more: the order and
// tracking number, their own address, when the parcel was left in the address's own local time,
// where it was left and how far from the address, and the photos. Nothing internal ever reaches
// it: no notes, no claim counts, no driver, no agent, no other customer. The sheet's PDF and PNG
// are both drawn from this one value, so they cannot disagree. Its words are the catalogue's
// (documents:proofSheet), in the language the agent's Settings choose when the sheet is made.
import type { DeliveryDetail } from '../api/definition.ts'
import { formatDateTime, formatDateTimeLong, formatDistance } from '../api/display-format.ts'
import { dropOffSpotText } from '../api/display-words.ts'
import { t } from '../messages/messages.ts'

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
  /** What the map's marks mean: "A address · D where it was left". */
  mapLegend: string
  /** The map's marks, one letter each. */
  marks: { address: string; dropOff: string }
  /** What the map says when nothing has a position. */
  noPosition: string
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
    title: t('documents:proofSheet.title'),
    orderLine: t('documents:proofSheet.orderLine', {
      orderId: delivery.orderId,
      trackingNumber: delivery.trackingNumber,
    }),
    deliveredLine: delivery.deliveredAt
      ? t('documents:proofSheet.delivered', {
          time: formatDateTimeLong(delivery.deliveredAt, zone),
        })
      : t('documents:proofSheet.timeNotRecorded'),
    deliveredNote:
      delivery.deliveredAt && delivery.timeZone ? t('documents:proofSheet.localTime') : null,
    mapLegend: t('documents:proofSheet.legend', {
      addressMark: t('documents:map.addressMark'),
      dropOffMark: t('documents:map.dropOffMark'),
    }),
    marks: { address: t('documents:map.addressMark'), dropOff: t('documents:map.dropOffMark') },
    noPosition: t('documents:map.noPosition'),
    addressLines: [
      a.line1,
      ...(a.line2 ? [a.line2] : []),
      [a.city, a.region, a.postalCode].filter(Boolean).join(' '),
      a.country,
    ],
    leftAtLine: t('documents:proofSheet.leftAt', { spot: dropOffSpotText(delivery.dropOff.spot) }),
    distanceLine:
      distance === null
        ? t('documents:proofSheet.noPosition')
        : t('documents:proofSheet.distance', { distance: formatDistance(distance) }),
    photos: photos.slice(0, SHEET_MAX_PHOTOS).map((p) => ({
      id: p.id,
      path: p.path,
      width: p.width,
      height: p.height,
      caption: t('documents:proofSheet.photoTaken', { time: formatDateTime(p.takenAt, zone) }),
      location: fix(locations.get(p.id) ?? null),
    })),
    map: {
      address: a.location ? { lat: a.location.lat, lng: a.location.lng } : null,
      dropOff: fix(delivery.dropOff.location),
    },
    footer: t('documents:proofSheet.footer', {
      time: formatDateTime(madeAt.toISOString(), zone),
    }),
  }
}

function fix(
  at: { lat: number; lng: number; accuracyM?: number | undefined } | null,
): { lat: number; lng: number; accuracyM: number | null } | null {
  return at ? { lat: at.lat, lng: at.lng, accuracyM: at.accuracyM ?? null } : null
}
