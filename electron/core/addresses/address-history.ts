// The address's own history: the earlier deliveries to the same address (same-address.ts: the
// same normalised address and, where geocoded, within 30 m), newest first, and the claims made on
// it. Candidates come off the word index (the house number and the street's first word as a
// phrase, so "12 Main St" and "12 Main Street" both come), then the rule decides.
import type BetterSqlite3 from 'better-sqlite3'
import type { AddressHistory, HistoryEntry } from '../api/evidence-schemas.ts'
import type { CaseReason, CaseStatus, ResolutionCode } from '../contract/schemas.ts'
import { sameAddress, type AddressFacts } from './same-address.ts'
import { deliveryTimeZone } from '../deliveries/delivery-time-zone.ts'
import {
  addressFactsOf,
  addressFactsOfRowids,
  newestMatchingWords,
} from '../deliveries/delivery-tables.ts'
import { firstPhotoOf } from '../deliveries/photo-table.ts'
import { claimsOnDeliveriesSince, latestClaimOnEach } from '../cases/case-tables.ts'
import type { RowOf } from '../db/typed-sql.ts'

export const HISTORY_SHOWN = 40
export const CLAIM_DAYS = 90
/** Candidates read at most: a large block of flats can have thousands of deliveries. */
const CANDIDATES = 5000
/** Resolutions that say the parcel was delivered after all. */
const DELIVERED_AFTER_ALL: ReadonlySet<string> = new Set([
  'found_by_customer',
  'delivered_to_neighbor',
])

type Row = RowOf<typeof addressFactsOf>

const facts = (row: Row): AddressFacts => ({
  line1: row.address_line1,
  line2: row.address_line2,
  postalCode: row.postal_code,
  country: row.country,
  lat: row.address_lat,
  lng: row.address_lng,
})

/** The FTS5 phrase that finds every delivery whose street starts like this one's. */
export function streetPhrase(line1: string): string | null {
  const words = (line1.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 2)
  return words.length === 0 ? null : `street : "${words.join(' ')}"`
}

export function createAddressHistory(sqlite: BetterSqlite3.Database) {
  const own = addressFactsOf.on(sqlite)
  const words = newestMatchingWords.on(sqlite)
  const rowsOf = addressFactsOfRowids.on(sqlite)
  const firstPhoto = firstPhotoOf.on(sqlite)
  const casesOf = claimsOnDeliveriesSince.on(sqlite)
  const latestCases = latestClaimOnEach.on(sqlite)

  return function addressHistory(deliveryId: string, now = new Date()): AddressHistory {
    const empty: AddressHistory = {
      deliveries: [],
      total: 0,
      claims: { days: CLAIM_DAYS, count: 0, resolvedAsDelivered: 0 },
    }
    const self = own.get({ id: deliveryId })
    if (!self) return empty
    const phrase = streetPhrase(self.address_line1)
    const here = facts(self)
    const same = phrase
      ? rowsOf
          .all({ rowids: JSON.stringify(words.all({ match: phrase, limit: CANDIDATES })) })
          .filter((row) => row.id === self.id || sameAddress(here, facts(row)))
      : [self]
    const earlier = same.filter((row) => row.rowid < self.rowid)
    const shown = earlier.slice(0, HISTORY_SHOWN)
    const latest = new Map(
      latestCases
        .all({ deliveryIds: JSON.stringify(shown.map((row) => row.id)) })
        .map((c) => [c.delivery_id, c]),
    )
    const since = new Date(now.getTime() - CLAIM_DAYS * 86_400_000).toISOString()
    const claims = casesOf.all({ deliveryIds: JSON.stringify(same.map((row) => row.id)), since })
    return {
      deliveries: shown.map((row): HistoryEntry => {
        const photo =
          row.photo_withheld === null ? firstPhoto.get({ deliveryId: row.id }) : undefined
        const claim = latest.get(row.id)
        return {
          deliveryId: row.id,
          orderId: row.order_id,
          status: row.status as HistoryEntry['status'],
          deliveredAt: row.delivered_at,
          timeZone: deliveryTimeZone({ lat: row.address_lat, lng: row.address_lng }),
          driver: { id: row.driver_id, name: row.driver_name },
          photoWithheld: row.photo_withheld !== null,
          photo: photo
            ? { id: photo.id, hasThumbnail: photo.state === 'stored' && photo.has_thumbnail === 1 }
            : null,
          claim: claim
            ? {
                reason: claim.reason as CaseReason,
                status: claim.status as CaseStatus,
                resolution: resolutionCode(claim.resolution_json),
              }
            : null,
        }
      }),
      total: earlier.length,
      claims: {
        days: CLAIM_DAYS,
        count: claims.length,
        resolvedAsDelivered: claims.filter((c) =>
          DELIVERED_AFTER_ALL.has(resolutionCode(c.resolution_json) ?? ''),
        ).length,
      },
    }
  }
}

function resolutionCode(json: string | null): ResolutionCode | null {
  if (!json) return null
  return (JSON.parse(json) as { code?: ResolutionCode }).code ?? null
}
