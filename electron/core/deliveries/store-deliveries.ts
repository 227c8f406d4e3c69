// Writes validated delivery items into the cache. This is the sync's hot path (hundreds of
// thousands of rows on a full resync), so it prepares its statements once on the raw
// better-sqlite3 connection instead of building each query through Kysely.
import type BetterSqlite3 from 'better-sqlite3'
import type { DeliveryItem, DeliveryRecord } from '../contract/schemas.ts'
import { distanceM, recordLocationFacts } from './location-check.ts'
import { createTombstones } from '../db/tombstones.ts'
import { emailHandle, phoneDigits } from '../search/search-plan.ts'
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
  const selectVersion = sqlite.prepare<
    [string],
    {
      rowid: number
      version: number
      delivered_at: string | null
      updated_at: string
      photo_withheld: string | null
    }
  >('SELECT rowid, version, delivered_at, updated_at, photo_withheld FROM deliveries WHERE id = ?')
  const keys = createRecencyKeys(sqlite)
  const upsert = sqlite.prepare(`
    INSERT INTO deliveries (
      rowid, id, version, updated_at, order_id, tracking_number, status, delivered_at,
      customer_id, customer_name, customer_email, customer_phone,
      address_line1, address_line2, city, region, postal_code, country, address_lat, address_lng,
      drop_spot, drop_note, drop_lat, drop_lng, drop_accuracy_m,
      driver_id, driver_name, photo_withheld, items_json, seen_generation, away_m, drop_distance_m,
      phone_digits
    ) VALUES (
      @rowid, @id, @version, @updated_at, @order_id, @tracking_number, @status, @delivered_at,
      @customer_id, @customer_name, @customer_email, @customer_phone,
      @address_line1, @address_line2, @city, @region, @postal_code, @country, @address_lat, @address_lng,
      @drop_spot, @drop_note, @drop_lat, @drop_lng, @drop_accuracy_m,
      @driver_id, @driver_name, @photo_withheld, @items_json, @seen_generation, @away_m,
      @drop_distance_m, @phone_digits
    )
    ON CONFLICT (id) DO UPDATE SET
      rowid = excluded.rowid, version = excluded.version, updated_at = excluded.updated_at, order_id = excluded.order_id,
      tracking_number = excluded.tracking_number, status = excluded.status,
      delivered_at = excluded.delivered_at, customer_id = excluded.customer_id,
      customer_name = excluded.customer_name, customer_email = excluded.customer_email,
      customer_phone = excluded.customer_phone, address_line1 = excluded.address_line1,
      address_line2 = excluded.address_line2, city = excluded.city, region = excluded.region,
      postal_code = excluded.postal_code, country = excluded.country,
      address_lat = excluded.address_lat, address_lng = excluded.address_lng,
      drop_spot = excluded.drop_spot, drop_note = excluded.drop_note,
      drop_lat = excluded.drop_lat, drop_lng = excluded.drop_lng,
      drop_accuracy_m = excluded.drop_accuracy_m, driver_id = excluded.driver_id,
      driver_name = excluded.driver_name, photo_withheld = excluded.photo_withheld,
      items_json = excluded.items_json,
      seen_generation = coalesce(excluded.seen_generation, deliveries.seen_generation),
      away_m = excluded.away_m, drop_distance_m = excluded.drop_distance_m,
      phone_digits = excluded.phone_digits`)
  const markSeen = sqlite.prepare('UPDATE deliveries SET seen_generation = ? WHERE id = ?')
  const tombstones = createTombstones(sqlite, 'deliveries')
  const unseen = sqlite.prepare<
    [number],
    { id: string; rowid: number; photo_withheld: string | null }
  >('SELECT id, rowid, photo_withheld FROM deliveries WHERE seen_generation IS NOT ?')
  // The status bar's counts (row_counts, migration 006), moved once per call rather than by
  // triggers: a trigger on this table makes SQLite journal every statement that writes it, which
  // more than doubled the cost of storing a delivery.
  const bumpCount = sqlite.prepare<[string, number]>(
    `INSERT INTO row_counts (name, n) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET n = n + excluded.n`,
  )
  let counted = { deliveries: 0, withheld: 0 }
  const saveCounts = () => {
    if (counted.deliveries !== 0) bumpCount.run('deliveries', counted.deliveries)
    if (counted.withheld !== 0) bumpCount.run('withheld_deliveries', counted.withheld)
    counted = { deliveries: 0, withheld: 0 }
  }
  const deleteFts = sqlite.prepare('DELETE FROM deliveries_fts WHERE rowid = ?')
  const insertFts = sqlite.prepare(`
    INSERT INTO deliveries_fts (rowid, customer_name, email_handle, street, city)
    VALUES (?, ?, ?, ?, ?)`)
  const deleteDelivery = sqlite.prepare('DELETE FROM deliveries WHERE id = ?')
  const photosOf = sqlite.prepare<[string], { id: string; sha256: string; state: string }>(
    'SELECT id, sha256, state FROM delivery_photos WHERE delivery_id = ?',
  )
  const deletePhoto = sqlite.prepare('DELETE FROM delivery_photos WHERE id = ?')
  const upsertPhoto = sqlite.prepare(`
    INSERT INTO delivery_photos (id, delivery_id, position, sha256, bytes, content_type, width,
      height, taken_at, lat, lng, accuracy_m, state, failure_reason, attempts, distance_m)
    VALUES (@id, @delivery_id, @position, @sha256, @bytes, @content_type, @width, @height,
      @taken_at, @lat, @lng, @accuracy_m, @state, NULL, 0, @distance_m)
    ON CONFLICT (id) DO UPDATE SET
      delivery_id = excluded.delivery_id, position = excluded.position, sha256 = excluded.sha256,
      bytes = excluded.bytes, content_type = excluded.content_type, width = excluded.width,
      height = excluded.height, taken_at = excluded.taken_at, lat = excluded.lat,
      lng = excluded.lng, accuracy_m = excluded.accuracy_m, distance_m = excluded.distance_m,
      state = CASE WHEN delivery_photos.sha256 = excluded.sha256 THEN delivery_photos.state
                   ELSE 'pending' END,
      failure_reason = CASE WHEN delivery_photos.sha256 = excluded.sha256
                            THEN delivery_photos.failure_reason ELSE NULL END,
      attempts = CASE WHEN delivery_photos.sha256 = excluded.sha256
                      THEN delivery_photos.attempts ELSE 0 END,
      -- New bytes: what was known about the old ones (thumbnail, why they could not be shown)
      -- no longer holds, and would otherwise outlive a failed download of the new ones.
      display_error = CASE WHEN delivery_photos.sha256 = excluded.sha256
                           THEN delivery_photos.display_error ELSE NULL END,
      has_thumbnail = CASE WHEN delivery_photos.sha256 = excluded.sha256
                           THEN delivery_photos.has_thumbnail ELSE 0 END`)
  const shaStillStored = sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM delivery_photos WHERE sha256 = ? AND state = 'stored'",
  )

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
    const existing = new Map(isNew ? [] : photosOf.all(deliveryId).map((p) => [p.id, p]))
    // A withheld delivery keeps no photo rows at all, whatever the record carries.
    const photos = record && record.photoWithheld === null ? record.photos : []
    const address = record?.address.location ?? null
    photos.forEach((photo, position) => {
      const before = existing.get(photo.id)
      if (before) {
        existing.delete(photo.id)
        if (before.state === 'stored' && before.sha256 !== photo.sha256) dropped.add(before.sha256)
      }
      upsertPhoto.run({
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
        state: 'pending',
        distance_m: address && photo.location ? distanceM(address, photo.location) : null,
      })
    })
    for (const gone of existing.values()) {
      deletePhoto.run(gone.id)
      if (gone.state === 'stored') dropped.add(gone.sha256)
    }
  }

  function remove(
    { id, rowid, photo_withheld }: { id: string; rowid: number; photo_withheld: string | null },
    dropped: Set<string>,
  ): void {
    counted.deliveries--
    if (photo_withheld !== null) counted.withheld--
    replacePhotos(id, null, dropped)
    deleteFts.run(rowid)
    deleteDelivery.run(id)
  }

  function writeOne(
    item: DeliveryItem,
    generation: number | null,
    outcome: StoreOutcome,
    dropped: Set<string>,
  ): void {
    const current = selectVersion.get(item.id)
    const buried = tombstones.versionOf(item.id)
    if (
      (current && current.version >= item.version) ||
      (buried !== undefined && buried >= item.version)
    ) {
      // Still present upstream, even if we hold it already: a resync must not sweep it.
      if (generation !== null && item.deleted !== true) markSeen.run(generation, item.id)
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
    if (current) deleteFts.run(current.rowid)
    insertFts.run(
      rowid,
      item.customer.name,
      emailHandle(item.customer.email),
      [item.address.line1, item.address.line2].filter(Boolean).join(' '),
      item.address.city,
    )
    replacePhotos(item.id, item, dropped, !current)
    outcome.stored++
  }

  const orphaned = (dropped: Set<string>) =>
    [...dropped].filter((sha) => shaStillStored.get(sha)?.n === 0)

  return {
    /**
     * Applies items in order inside the caller's transaction. A version equal to or older than
     * the cached one is ignored, so repeated and out-of-order items are harmless. During a full
     * resync, `generation` marks every id the service still sends.
     */
    applyItems(items: readonly DeliveryItem[], generation: number | null = null): StoreOutcome {
      const outcome: StoreOutcome = { stored: 0, stale: 0, deleted: 0, orphanedSha256: [] }
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
      const outcome: StoreOutcome = { stored: 0, stale: 0, deleted: 0, orphanedSha256: [] }
      const dropped = new Set<string>()
      for (const id of ids) {
        const current = selectVersion.get(id)
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
      const outcome: StoreOutcome = { stored: 0, stale: 0, deleted: 0, orphanedSha256: [] }
      const dropped = new Set<string>()
      for (const row of unseen.all(generation)) {
        remove(row, dropped)
        outcome.deleted++
      }
      saveCounts()
      outcome.orphanedSha256 = orphaned(dropped)
      return outcome
    },
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
