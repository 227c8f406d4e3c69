// A delivery's look-alike photos: per photo, the other deliveries' photos that are the same file
// (same SHA-256) or look the same (perceptual hashes within LOOKALIKE_DISTANCE bits). A delivery is
// flagged when one of its photos also appears on a delivery to another address, or on a delivery
// photographed earlier. Withheld deliveries take no part, either way: they have no photo rows to
// match, and the join below leaves them out even while a sync is removing theirs.
import type BetterSqlite3 from 'better-sqlite3'
import { sameAddress, type AddressFacts } from '../addresses/same-address.ts'
import type { Fingerprints } from './fingerprints.ts'
import { LOOKALIKE_DISTANCE } from '../photos/perceptual-hash.ts'
import { deliveryTimeZone } from '../deliveries/delivery-time-zone.ts'
import { addressFactsOf, type DeliveryRow } from '../deliveries/delivery-tables.ts'
import {
  deliveriesWithSha,
  photosOfDeliveryInOrder,
  photosWithFileElsewhere,
} from '../deliveries/photo-table.ts'

/**
 * A look-alike photo taken at least this much earlier counts as "an earlier delivery": two parcels
 * left together and photographed once are the same drop, not a reused photo.
 */
export const EARLIER_MS = 12 * 3_600_000
/**
 * Look-alikes listed per photo, nearest first (a placeholder image could match thousands). The
 * flag is worked out from the same rows: "earlier" exactly (a file's earliest photos are among
 * them), "another address" among each file's earliest MAX_LOOKALIKES deliveries.
 */
export const MAX_LOOKALIKES = 50

export interface Lookalike {
  deliveryId: string
  photoId: string
  distance: number
  sameFile: boolean
  takenAt: string
  orderId: string
  deliveredAt: string | null
  /** The other delivery's own zone (deliveries/delivery-time-zone.ts), as its screen reads it. */
  timeZone: string | null
  address: { line1: string; line2: string | null; city: string }
  driver: { id: string; name: string }
  /** The other delivery went to another address. */
  otherAddress: boolean
  /** The other photo was taken at least EARLIER_MS before this one. */
  earlier: boolean
}

export interface PhotoLookalikes {
  photoId: string
  lookalikes: Lookalike[]
}

export interface ReuseFlag {
  otherAddress: boolean
  earlier: boolean
}

/** What the address rule reads of a delivery. */
type AddressRow = Pick<
  DeliveryRow,
  'address_line1' | 'address_line2' | 'postal_code' | 'country' | 'address_lat' | 'address_lng'
>

const addressOf = (row: AddressRow): AddressFacts => ({
  line1: row.address_line1,
  line2: row.address_line2,
  postalCode: row.postal_code,
  country: row.country,
  lat: row.address_lat,
  lng: row.address_lng,
})

/** Flagged when a look-alike went to another address or was photographed earlier. */
export function reuseFlagOf(found: readonly PhotoLookalikes[]): ReuseFlag | null {
  let otherAddress = false
  let earlier = false
  for (const photo of found) {
    for (const match of photo.lookalikes) {
      otherAddress ||= match.otherAddress
      earlier ||= match.earlier
    }
  }
  return otherAddress || earlier ? { otherAddress, earlier } : null
}

/** The deliveries flagged now for a photo that also appears elsewhere (for the report, per driver). */
export function reuseFlaggedDeliveries(sqlite: BetterSqlite3.Database): Set<string> {
  return new Set(
    sqlite
      .prepare<[], string>(
        'SELECT delivery_id FROM photo_reuse WHERE other_address = 1 OR earlier = 1',
      )
      .pluck()
      .all(),
  )
}

export type Lookalikes = ReturnType<typeof createLookalikes>

export function createLookalikes(sqlite: BetterSqlite3.Database, fingerprints: Fingerprints) {
  const delivery = addressFactsOf.on(sqlite)
  const photosOf = photosOfDeliveryInOrder.on(sqlite)
  const photosWith = photosWithFileElsewhere.on(sqlite)
  const deliveriesWith = deliveriesWithSha.on(sqlite)
  const setFlag = sqlite.prepare<[string, number, number]>(
    `INSERT INTO photo_reuse (delivery_id, other_address, earlier) VALUES (?, ?, ?)
     ON CONFLICT (delivery_id) DO UPDATE SET other_address = excluded.other_address,
       earlier = excluded.earlier`,
  )
  const clearFlag = sqlite.prepare<[string]>('DELETE FROM photo_reuse WHERE delivery_id = ?')
  const flaggedAfter = sqlite
    .prepare<[string, number], string>(
      'SELECT delivery_id FROM photo_reuse WHERE delivery_id > ? ORDER BY delivery_id LIMIT ?',
    )
    .pluck()

  /** Files within the distance of a photo file: the file itself first, even before it is hashed. */
  function filesLike(sha256: string): Map<string, number> {
    const hash = fingerprints.hashOf(sha256)
    const files = new Map<string, number>([[sha256, 0]])
    if (hash) {
      for (const file of fingerprints.filesNear(hash, LOOKALIKE_DISTANCE)) {
        if (!files.has(file.sha256)) files.set(file.sha256, file.distance)
      }
    }
    return files
  }

  function of(deliveryId: string): PhotoLookalikes[] {
    const own = delivery.get({ id: deliveryId })
    if (!own || own.photo_withheld !== null) return []
    const home = addressOf(own)
    return photosOf.all({ deliveryId }).map((photo) => {
      const files = filesLike(photo.sha256)
      const takenAt = Date.parse(photo.taken_at)
      // Each file's earliest MAX_LOOKALIKES: all of a file's photos are at one distance, so the
      // nearest and earliest MAX_LOOKALIKES of all are among them.
      const rows = [...files.keys()].flatMap((sha256) =>
        photosWith.all({ sha256, deliveryId, limit: MAX_LOOKALIKES }),
      )
      const lookalikes = rows
        .map((row): Lookalike => ({
          deliveryId: row.id,
          photoId: row.photo_id,
          distance: files.get(row.sha256) ?? 0,
          sameFile: row.sha256 === photo.sha256,
          takenAt: row.taken_at,
          orderId: row.order_id,
          deliveredAt: row.delivered_at,
          timeZone: deliveryTimeZone({ lat: row.address_lat, lng: row.address_lng }),
          address: { line1: row.address_line1, line2: row.address_line2, city: row.city },
          driver: { id: row.driver_id, name: row.driver_name },
          otherAddress: !sameAddress(home, addressOf(row)),
          earlier: Date.parse(row.taken_at) <= takenAt - EARLIER_MS,
        }))
        .sort(
          (a, b) =>
            a.distance - b.distance ||
            a.takenAt.localeCompare(b.takenAt) ||
            a.photoId.localeCompare(b.photoId),
        )
        .slice(0, MAX_LOOKALIKES)
      return { photoId: photo.id, lookalikes }
    })
  }

  /** Works the flag out again from the delivery's look-alikes now, and keeps it. */
  function refresh(deliveryId: string): { found: PhotoLookalikes[]; flag: ReuseFlag | null } {
    const found = of(deliveryId)
    const flag = reuseFlagOf(found)
    if (flag) setFlag.run(deliveryId, Number(flag.otherAddress), Number(flag.earlier))
    else clearFlag.run(deliveryId)
    return { found, flag }
  }

  return {
    of,
    refresh,
    /** Flagged deliveries after `afterId` in id order, `limit` at a time (to check them again). */
    flagged: (afterId: string, limit: number): string[] => flaggedAfter.all(afterId, limit),
    /** The deliveries with a photo among these files or files that look like them. */
    deliveriesNear(sha256s: readonly string[]): string[] {
      const files = new Set<string>()
      for (const sha256 of sha256s) for (const file of filesLike(sha256).keys()) files.add(file)
      return deliveriesWith.all({ sha256s: JSON.stringify([...files]) })
    },
  }
}
