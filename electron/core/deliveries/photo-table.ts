// Every statement on the delivery photo rows, `delivery_photos`: what the sync stores of each
// photo record, and what the download, the screens, retention and reports read and mark. No other
// module writes SQL against this table (tests/core/db/ownership.test.ts); they call these. Typed
// with Kysely against db/schema.ts and compiled once (db/typed-sql.ts).
import type { Selectable } from 'kysely'
import type { DeliveryPhotosTable, PhotoState } from '../db/schema.ts'
import { query, statement, type Params } from '../db/typed-sql.ts'

/** A photo row as stored. */
export type DeliveryPhotoRow = Selectable<DeliveryPhotosTable>

// ---- Storing what the sync receives (store-deliveries.ts, on the sync's writer thread) ----

export const photosOfDelivery = statement((p: Params<{ deliveryId: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select(['id', 'sha256', 'state'])
    .where('delivery_id', '=', p.deliveryId),
)

export const deletePhoto = statement((p: Params<{ id: string }>) =>
  query.deleteFrom('delivery_photos').where('id', '=', p.id),
)

/** What the store writes of a photo record (its download state is the photo step's). */
export type PhotoWrite = Pick<
  DeliveryPhotoRow,
  | 'id'
  | 'delivery_id'
  | 'position'
  | 'sha256'
  | 'bytes'
  | 'content_type'
  | 'width'
  | 'height'
  | 'taken_at'
  | 'lat'
  | 'lng'
  | 'accuracy_m'
  | 'distance_m'
>

export const upsertPhoto = statement((p: Params<PhotoWrite>) =>
  query
    .insertInto('delivery_photos')
    .values({
      id: p.id,
      delivery_id: p.delivery_id,
      position: p.position,
      sha256: p.sha256,
      bytes: p.bytes,
      content_type: p.content_type,
      width: p.width,
      height: p.height,
      taken_at: p.taken_at,
      lat: p.lat,
      lng: p.lng,
      accuracy_m: p.accuracy_m,
      state: 'pending',
      failure_reason: null,
      attempts: 0,
      distance_m: p.distance_m,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => {
        // The same bytes keep what is known of them; new bytes start over: what was known about
        // the old ones (thumbnail, why they could not be shown) no longer holds, and would
        // otherwise outlive a failed download of the new ones.
        const sameBytes = eb('delivery_photos.sha256', '=', eb.ref('excluded.sha256'))
        return {
          delivery_id: eb.ref('excluded.delivery_id'),
          position: eb.ref('excluded.position'),
          sha256: eb.ref('excluded.sha256'),
          bytes: eb.ref('excluded.bytes'),
          content_type: eb.ref('excluded.content_type'),
          width: eb.ref('excluded.width'),
          height: eb.ref('excluded.height'),
          taken_at: eb.ref('excluded.taken_at'),
          lat: eb.ref('excluded.lat'),
          lng: eb.ref('excluded.lng'),
          accuracy_m: eb.ref('excluded.accuracy_m'),
          distance_m: eb.ref('excluded.distance_m'),
          state: eb
            .case()
            .when(sameBytes)
            .then(eb.ref('delivery_photos.state'))
            .else(eb.val<PhotoState>('pending'))
            .end(),
          failure_reason: eb
            .case()
            .when(sameBytes)
            .then(eb.ref('delivery_photos.failure_reason'))
            .else(null)
            .end(),
          attempts: eb
            .case()
            .when(sameBytes)
            .then(eb.ref('delivery_photos.attempts'))
            .else(0)
            .end(),
          display_error: eb
            .case()
            .when(sameBytes)
            .then(eb.ref('delivery_photos.display_error'))
            .else(null)
            .end(),
          has_thumbnail: eb
            .case()
            .when(sameBytes)
            .then(eb.ref('delivery_photos.has_thumbnail'))
            .else(0)
            .end(),
        }
      }),
    ),
)

/** Rows still holding a stored file with these bytes (none: the file can go). */
export const storedPhotosWithSha = statement((p: Params<{ sha256: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', '=', p.sha256)
    .where('state', '=', 'stored'),
)

// ---- One delivery for its screen (get-delivery.ts) ----

/** A delivery's photos, in their order. */
export const photosOfDeliveryInOrder = statement((p: Params<{ deliveryId: string }>) =>
  query
    .selectFrom('delivery_photos')
    .selectAll()
    .where('delivery_id', '=', p.deliveryId)
    .orderBy('position'),
)

// ---- An address's own history (addresses/address-history.ts) ----

/** A delivery's first photo, for the history's thumbnail. */
export const firstPhotoOf = statement((p: Params<{ deliveryId: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select(['id', 'has_thumbnail', 'state'])
    .where('delivery_id', '=', p.deliveryId)
    .orderBy('position')
    .limit(1),
)

// ---- Showing a stored photo (app/photo-desk.ts) ----

/** A photo's file and state, and whether its delivery's photos are withheld. */
export const photoToShow = statement((p: Params<{ id: string }>) =>
  query
    .selectFrom('delivery_photos as p')
    .innerJoin('deliveries as d', 'd.id', 'p.delivery_id')
    .select([
      'p.sha256',
      'p.content_type',
      'p.state',
      'p.display_error',
      'p.has_thumbnail',
      'p.delivery_id',
      'd.photo_withheld',
    ])
    .where('p.id', '=', p.id),
)

// ---- The status bar (sync/sync-engine.ts) ----

export const storedPhotoCount = statement(() =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'stored'),
)

// ---- The sync report (sync/sync-report.ts) ----

/** Photos that could not be fetched or shown, newest delivery first. */
export const photoProblems = statement((p: Params<{ limit: number }>) =>
  query
    .selectFrom('delivery_photos as p')
    .innerJoin('deliveries as d', 'd.id', 'p.delivery_id')
    .select([
      'p.id',
      'p.delivery_id',
      'd.order_id',
      'p.state',
      'p.failure_reason',
      'p.display_error',
    ])
    .where((eb) => eb.or([eb('p.state', '=', 'failed'), eb('p.display_error', 'is not', null)]))
    .orderBy('d.delivered_at', 'desc')
    .limit(p.limit),
)
