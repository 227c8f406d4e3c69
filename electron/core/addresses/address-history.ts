// The address's own history: the earlier deliveries to the same address (same-address.ts: the
// same normalised address and, where geocoded, within 30 m), newest first, and the claims made on
// it. Candidates come off the word index (the house number and the street's first word as a
// phrase, so "12 Main St" and "12 Main Street" both come), then the rule decides.
import type BetterSqlite3 from 'better-sqlite3'
import type { AddressHistory, HistoryEntry } from '../api/evidence-schemas.ts'
import type { CaseReason, CaseStatus, ResolutionCode } from '../contract/schemas.ts'
import { sameAddress, type AddressFacts } from './same-address.ts'
import { deliveryTimeZone } from '../deliveries/delivery-time-zone.ts'
import { newestMatchingWords } from '../deliveries/delivery-tables.ts'

export const HISTORY_SHOWN = 40
export const CLAIM_DAYS = 90
/** Candidates read at most: a large block of flats can have thousands of deliveries. */
const CANDIDATES = 5000
/** Resolutions that say the parcel was delivered after all. */
const DELIVERED_AFTER_ALL: ReadonlySet<string> = new Set([
  'found_by_customer',
  'delivered_to_neighbor',
])

interface Row {
  rowid: number
  id: string
  order_id: string
  status: string
  delivered_at: string | null
  driver_id: string
  driver_name: string
  photo_withheld: string | null
  address_line1: string
  address_line2: string | null
  postal_code: string
  country: string
  address_lat: number | null
  address_lng: number | null
}

const COLUMNS = `rowid, id, order_id, status, delivered_at, driver_id, driver_name, photo_withheld,
  address_line1, address_line2, postal_code, country, address_lat, address_lng`

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
  const own = sqlite.prepare<[string], Row>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`)
  const words = newestMatchingWords.on(sqlite)
  const rowsOf = sqlite.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM deliveries WHERE rowid IN (SELECT value FROM json_each(?))
     ORDER BY rowid DESC`,
  )
  const firstPhoto = sqlite.prepare<[string], { id: string; has_thumbnail: number; state: string }>(
    `SELECT id, has_thumbnail, state FROM delivery_photos WHERE delivery_id = ?
     ORDER BY position LIMIT 1`,
  )
  const casesOf = sqlite.prepare<
    [string, string],
    {
      delivery_id: string
      reason: string
      status: string
      resolution_json: string | null
      opened_at: string
    }
  >(
    `SELECT delivery_id, reason, status, resolution_json, opened_at FROM cases
     WHERE delivery_id IN (SELECT value FROM json_each(?)) AND opened_at >= ?
     ORDER BY opened_at DESC`,
  )
  const latestCases = sqlite.prepare<
    [string],
    { delivery_id: string; reason: string; status: string; resolution_json: string | null }
  >(
    `SELECT delivery_id, reason, status, resolution_json FROM cases c
     WHERE delivery_id IN (SELECT value FROM json_each(?))
       AND opened_at = (SELECT max(opened_at) FROM cases x WHERE x.delivery_id = c.delivery_id)`,
  )

  return function addressHistory(deliveryId: string, now = new Date()): AddressHistory {
    const empty: AddressHistory = {
      deliveries: [],
      total: 0,
      claims: { days: CLAIM_DAYS, count: 0, resolvedAsDelivered: 0 },
    }
    const self = own.get(deliveryId)
    if (!self) return empty
    const phrase = streetPhrase(self.address_line1)
    const here = facts(self)
    const same = phrase
      ? rowsOf
          .all(JSON.stringify(words.all({ match: phrase, limit: CANDIDATES })))
          .filter((row) => row.id === self.id || sameAddress(here, facts(row)))
      : [self]
    const earlier = same.filter((row) => row.rowid < self.rowid)
    const shown = earlier.slice(0, HISTORY_SHOWN)
    const latest = new Map(
      latestCases.all(JSON.stringify(shown.map((row) => row.id))).map((c) => [c.delivery_id, c]),
    )
    const since = new Date(now.getTime() - CLAIM_DAYS * 86_400_000).toISOString()
    const claims = casesOf.all(JSON.stringify(same.map((row) => row.id)), since)
    return {
      deliveries: shown.map((row): HistoryEntry => {
        const photo = row.photo_withheld === null ? firstPhoto.get(row.id) : undefined
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
