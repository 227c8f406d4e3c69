// A delivery's photos: none when withheld or returned, often none for an attempt, one to three
// when delivered, taken in the minutes before the record and near the drop-off; and each photo's
// scene, from which the demo service renders its JPEG.
import type { Fix, LatLng } from '../../contract/schemas.ts'
import { offsetByMetres, roundTo } from '../geo.ts'
import {
  formatOffset,
  isoSeconds,
  localParts,
  pad,
  utcOffsetMinutes,
  zoneAbbreviation,
} from '../local-time.ts'
import { hashSeed } from '../random.ts'
import type { Random } from '../random.ts'
import type { DeliveryDraft, DropOffSpot, PhotoDraft, PhotoScene } from '../types.ts'
import type { AddressPlan } from './addresses.ts'
import type { WorldIds } from './ids.ts'

export interface PhotoOccasion {
  status: DeliveryDraft['status']
  photoWithheld: DeliveryDraft['photoWithheld']
  happenedAt: Date
  spot: DropOffSpot
  dropFix: Fix | null
  plan: AddressPlan
  orderId: string
  trackingNumber: string
  timeZone: string
  /** The world's seed: each photo's scene seed is made from it and the photo id. */
  seed: number
}

export function makePhotos(
  rng: Random,
  ids: WorldIds,
  occasion: PhotoOccasion,
  scenes: Map<string, PhotoScene>,
): PhotoDraft[] {
  const { dropFix, plan } = occasion
  const count = photoCount(rng, occasion)
  const photos: PhotoDraft[] = []
  let takenAt = occasion.happenedAt.getTime() - rng.int(5, 90) * 1000
  for (let p = 0; p < count; p++) {
    if (p > 0) takenAt += rng.int(4, 40) * 1000
    const portrait = rng.chance(0.22)
    const near: LatLng | null = dropFix ?? plan.address.location
    const photoFix: Fix | null =
      near && !rng.chance(0.02)
        ? {
            ...offsetByMetres(near, rng.float(0, dropFix ? 10 : 30), rng.float(0, 360)),
            accuracyM: roundTo(rng.float(3, 25), 1),
          }
        : null
    const photo: PhotoDraft = {
      id: ids.unique('pho_', 12),
      contentType: 'image/jpeg',
      width: portrait ? 600 : 800,
      height: portrait ? 800 : 600,
      takenAt: isoSeconds(takenAt),
      location: photoFix,
    }
    photos.push(photo)
    scenes.set(photo.id, sceneFor(photo, occasion))
  }
  return photos
}

function photoCount(rng: Random, occasion: PhotoOccasion): number {
  if (occasion.photoWithheld !== null || occasion.status === 'returned') return 0
  if (occasion.status === 'attempted') return rng.chance(0.6) ? 1 : 0
  return rng.weighted<number>([
    [1, 65],
    [2, 27],
    [3, 8],
  ])
}

/** The number on the door in the photo: the address's own, the next one's, or none in view. */
function doorNumberFor(spot: DropOffSpot, plan: AddressPlan): string | null {
  if (spot === 'front_door' || spot === 'porch') return plan.unit ?? plan.houseNumber
  if (spot !== 'neighbor') return null
  return plan.unit
    ? String(Number.parseInt(plan.unit, 10) + 1 || 12)
    : String(Number(plan.houseNumber) + 2)
}

const SPOT_LABELS: Readonly<Record<DropOffSpot, string>> = {
  front_door: 'FRONT DOOR',
  back_door: 'BACK DOOR',
  porch: 'PORCH',
  garage: 'GARAGE',
  mailroom: 'MAILROOM',
  leasing_office: 'LEASING OFFICE',
  locker: 'LOCKER',
  neighbor: 'NEIGHBOR',
  other: 'OTHER',
}

function sceneFor(photo: PhotoDraft, occasion: PhotoOccasion): PhotoScene {
  const { timeZone, spot } = occasion
  const instant = new Date(photo.takenAt)
  const local = localParts(instant, timeZone)
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`
  const fix = photo.location ?? null
  const where = fix ? `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)}` : 'NO GPS FIX'
  return {
    photoId: photo.id,
    spot,
    width: photo.width ?? 800,
    height: photo.height ?? 600,
    seed: hashSeed('photo', occasion.seed, photo.id),
    caption: [
      `${occasion.trackingNumber}  ${occasion.orderId}`,
      `${date} ${time.slice(0, 5)} ${zoneAbbreviation(instant, timeZone)}`,
      `${SPOT_LABELS[spot]}  ${where}`,
    ],
    localHour: local.hour,
    doorNumber: doorNumberFor(spot, occasion.plan),
    indoors: occasion.plan.apartment,
    localDateTime: `${date.replaceAll('-', ':')} ${time}`,
    utcOffset: formatOffset(utcOffsetMinutes(instant, timeZone)),
    location: fix ? { lat: fix.lat, lng: fix.lng } : null,
  }
}
