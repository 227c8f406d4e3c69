// Writes validated delivery items into the cache. This is the sync's hot path (hundreds of
// thousands of rows on a full resync): its statements (delivery-tables.ts, photo-table.ts) are
// compiled once and prepared once on the connection it is given.
import type BetterSqlite3 from 'better-sqlite3'
import type { DeliveryItem, DeliveryRecord } from '../contract/schemas.ts'
import { distanceM, recordLocationFacts } from './location-check.ts'
import { createTombstones } from '../db/tombstones.ts'
import { emailHandle, phoneDigits } from './search-columns.ts'
import {
  bumpRowCount,
  deleteDelivery,
  deleteWords,
  deliveryVersion,
  insertWords,
  markDeliverySeen,
  unseenDeliveries,
  upsertDelivery,
} from './delivery-tables.ts'
import { deletePhoto, photosOfDelivery, storedPhotosWithSha, upsertPhoto } from './photo-table.ts'
import { createRecencyKeys, recencyBase } from './recency-key.ts'

export interface StoreOutcome {
  stored: number
  /** Items ignored because the cache already holds the same or a newer version. */
  stale: number
  deleted: number
  /** Photo files no row refers to any more; delete them after the transaction commits. */
  orphanedSha256: string[]
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>

export function createDeliveryStore(sqlite: BetterSqlite3.Database) {
  const selectVersion = deliveryVersion.on(sqlite)
  const keys = createRecencyKeys(sqlite)
  const upsert = upsertDelivery.on(sqlite)
  const markSeen = markDeliverySeen.on(sqlite)
  const tombstones = createTombstones(sqlite, 'deliveries')
  const unseen = unseenDeliveries.on(sqlite)
  // The status bar's counts, moved once per call (see bumpRowCount).
  const bumpCount = bumpRowCount.on(sqlite)
  let counted = { deliveries: 0, withheld: 0 }
  const saveCounts = () => {
    if (counted.deliveries !== 0) bumpCount.run({ name: 'deliveries', n: counted.deliveries })
    if (counted.withheld !== 0) bumpCount.run({ name: 'withheld_deliveries', n: counted.withheld })
    counted = { deliveries: 0, withheld: 0 }
  }
  const deleteFts = deleteWords.on(sqlite)
  const removeDelivery = deleteDelivery.on(sqlite)
  const shaStillStored = storedPhotosWithSha.on(sqlite)
  const replacePhotos = createPhotoRowWriter(sqlite)
  const indexWords = createWordIndexer(sqlite)

  function remove(
    { id, rowid, photo_withheld }: { id: string; rowid: number; photo_withheld: string | null },
    dropped: Set<string>,
  ): void {
    counted.deliveries--
    if (photo_withheld !== null) counted.withheld--
    replacePhotos(id, null, dropped)
    deleteFts.run({ rowid })
    removeDelivery.run({ id })
  }

  function writeOne(
    item: DeliveryItem,
    generation: number | null,
    outcome: StoreOutcome,
    dropped: Set<string>,
  ): void {
    const current = selectVersion.get({ id: item.id })
    const buried = tombstones.versionOf(item.id)
    if (isStale(item.version, current?.version, buried)) {
      // Still present upstream, even if we hold it already: a resync must not sweep it.
      if (generation !== null && item.deleted !== true) markSeen.run({ id: item.id, generation })
      outcome.stale++
      return
    }
    if (item.deleted === true) {
      tombstones.bury(item.id, item.version)
      if (current) {
        remove({ ...current, id: item.id }, dropped)
        outcome.deleted++
      }
      return
    }
    if (buried !== undefined) tombstones.unbury(item.id)
    const base = recencyBase(item.deliveredAt ?? null, item.updatedAt)
    // A delivery keeps its place unless the time it sorts by moved.
    const rowid =
      current && recencyBase(current.delivered_at, current.updated_at) === base
        ? current.rowid
        : keys.free(base)
    upsert.run({ ...toRow(item), rowid, seen_generation: generation })
    if (!current) counted.deliveries++
    counted.withheld +=
      Number(item.photoWithheld !== null) - Number((current?.photo_withheld ?? null) !== null)
    if (current) deleteFts.run({ rowid: current.rowid })
    indexWords(rowid, item)
    replacePhotos(item.id, item, dropped, !current)
    outcome.stored++
  }

  const orphaned = (dropped: Set<string>) => stillUnused(dropped, shaStillStored)

  return {
    /**
     * Applies items in order inside the caller's transaction. A version equal to or older than
     * the cached one is ignored, so repeated and out-of-order items are harmless. During a full
     * resync, `generation` marks every id the service still sends.
     */
    applyItems(items: readonly DeliveryItem[], generation: number | null = null): StoreOutcome {
      const outcome = emptyOutcome()
      const dropped = new Set<string>()
      for (const item of items) writeOne(item, generation, outcome, dropped)
      saveCounts()
      outcome.orphanedSha256 = orphaned(dropped)
      return outcome
    },

    /**
     * Removes deliveries (with their photo rows and search entries) that retention no longer
     * keeps; inside the caller's transaction. Unknown ids are skipped.
     */
    purge(ids: readonly string[]): StoreOutcome {
      const outcome = emptyOutcome()
      const dropped = new Set<string>()
      for (const id of ids) {
        const current = selectVersion.get({ id })
        if (!current) continue
        remove({ ...current, id }, dropped)
        outcome.deleted++
      }
      saveCounts()
      outcome.orphanedSha256 = orphaned(dropped)
      return outcome
    },

    /** Ends a full resync: whatever the service did not send again is gone upstream. */
    sweepUnseen(generation: number): StoreOutcome {
      const outcome = emptyOutcome()
      const dropped = new Set<string>()
      for (const row of unseen.all({ generation })) {
        remove(row, dropped)
        outcome.deleted++
      }
      saveCounts()
      outcome.orphanedSha256 = orphaned(dropped)
      return outcome
    },
  }
}

/**
 * Adds a delivery's words to the search index: a function of its own, so that a profile of the
 * sync tells the word index's share apart (tests/bench/ingest-profile.ts).
 */
function createWordIndexer(sqlite: BetterSqlite3.Database) {
  const insert = insertWords.on(sqlite)
  return function indexWords(rowid: number, item: DeliveryRecord): void {
    insert.run(searchWords(rowid, item))
  }
}

/** Writes the photo rows of one delivery at a time (the store's part on `delivery_photos`). */
function createPhotoRowWriter(sqlite: BetterSqlite3.Database) {
  const photosOf = photosOfDelivery.on(sqlite)
  const removePhoto = deletePhoto.on(sqlite)
  const writePhoto = upsertPhoto.on(sqlite)

  /**
   * Replaces the photo rows of `deliveryId`; files no longer referenced go into `dropped`. A
   * delivery new to the cache has no photo rows (the foreign key sees to it): `isNew` skips
   * looking for them, one statement less for each delivery of a first sync.
   */
  function replacePhotos(
    deliveryId: string,
    record: DeliveryRecord | null,
    dropped: Set<string>,
    isNew = false,
  ) {
    const existing = new Map(isNew ? [] : photosOf.all({ deliveryId }).map((p) => [p.id, p]))
    // A withheld delivery keeps no photo rows at all, whatever the record carries.
    const photos = record && record.photoWithheld === null ? record.photos : []
    const address = record?.address.location ?? null
    photos.forEach((photo, position) => {
      const before = existing.get(photo.id)
      if (before) {
        existing.delete(photo.id)
        if (before.state === 'stored' && before.sha256 !== photo.sha256) dropped.add(before.sha256)
      }
      writePhoto.run({
        id: photo.id,
        delivery_id: deliveryId,
        position,
        sha256: photo.sha256,
        bytes: photo.bytes,
        content_type: photo.contentType,
        width: photo.width ?? null,
        height: photo.height ?? null,
        taken_at: photo.takenAt,
        lat: photo.location?.lat ?? null,
        lng: photo.location?.lng ?? null,
        accuracy_m: photo.location?.accuracyM ?? null,
        distance_m: address && photo.location ? distanceM(address, photo.location) : null,
      })
    })
    for (const gone of existing.values()) {
      removePhoto.run({ id: gone.id })
      if (gone.state === 'stored') dropped.add(gone.sha256)
    }
  }
  return replacePhotos
}

/** A version no newer than the one held, or than the one deleted: repeated or out of order. */
const isStale = (version: number, held: number | undefined, buried: number | undefined) =>
  (held !== undefined && held >= version) || (buried !== undefined && buried >= version)

/** Of the files dropped, those no stored photo row holds any more: they can go. */
const stillUnused = (
  dropped: Set<string>,
  stored: ReturnType<typeof storedPhotosWithSha.on>,
): string[] => [...dropped].filter((sha256) => stored.get({ sha256 })?.n === 0)

const emptyOutcome = (): StoreOutcome => ({ stored: 0, stale: 0, deleted: 0, orphanedSha256: [] })

/** What the search index holds of a delivery. */
function searchWords(rowid: number, item: DeliveryRecord) {
  return {
    rowid,
    customer_name: item.customer.name,
    email_handle: emailHandle(item.customer.email),
    street: [item.address.line1, item.address.line2].filter(Boolean).join(' '),
    city: item.address.city,
  }
}

function toRow(d: DeliveryRecord) {
  const facts = recordLocationFacts(d)
  return {
    away_m: facts.awayM,
    drop_distance_m: facts.dropOffDistanceM,
    id: d.id,
    version: d.version,
    updated_at: d.updatedAt,
    order_id: d.orderId,
    tracking_number: d.trackingNumber,
    status: d.status,
    delivered_at: d.deliveredAt ?? null,
    customer_id: d.customer.id,
    customer_name: d.customer.name,
    customer_email: d.customer.email ?? null,
    customer_phone: d.customer.phone ?? null,
    phone_digits: phoneDigits(d.customer.phone),
    address_line1: d.address.line1,
    address_line2: d.address.line2 ?? null,
    city: d.address.city,
    region: d.address.region ?? null,
    postal_code: d.address.postalCode,
    country: d.address.country,
    address_lat: d.address.location?.lat ?? null,
    address_lng: d.address.location?.lng ?? null,
    drop_spot: d.dropOff.spot,
    drop_note: d.dropOff.note ?? null,
    drop_lat: d.dropOff.location?.lat ?? null,
    drop_lng: d.dropOff.location?.lng ?? null,
    drop_accuracy_m: d.dropOff.location?.accuracyM ?? null,
    driver_id: d.driver.id,
    driver_name: d.driver.name,
    photo_withheld: d.photoWithheld,
    items_json: JSON.stringify(
      (d.items ?? []).map((i) => ({ sku: i.sku ?? null, title: i.title, quantity: i.quantity })),
    ),
  }
}
