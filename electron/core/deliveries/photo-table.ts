// Every statement on the delivery photo rows, `delivery_photos`: what the sync stores of each
// photo record, and what the download, the screens, retention and reports read and mark. No other
// module writes SQL against this table (tests/core/db/ownership.test.ts); they call these. Typed
// with Kysely against db/schema.ts and compiled once (db/typed-sql.ts).
import { sql, type ExpressionBuilder, type Selectable } from 'kysely'
import type { CaseEventState, Database, DeliveryPhotosTable, PhotoState } from '../db/schema.ts'
import { handWritten, pluckedStatement, query, statement, type Params } from '../db/typed-sql.ts'

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

// ---- Downloading the photos the cache lists (photos/download-photos.ts) ----

/**
 * Pending photos below rowid `before`, newest rows first, `limit` at a time, never one of a
 * withheld delivery (the join checks what the store already ensures). By hand: INDEXED BY keeps
 * the planner on the state index, not walking every photo row for the few pending ones.
 */
export const pendingPhotosBefore = handWritten<
  [before: number, limit: number],
  { key: number; id: string; sha256: string; bytes: number; attempts: number }
>(
  `SELECT p.rowid AS key, p.id, p.sha256, p.bytes, p.attempts
   FROM delivery_photos p INDEXED BY delivery_photos_state
   JOIN deliveries d ON d.id = p.delivery_id
   WHERE p.state = 'pending' AND p.rowid < ? AND d.photo_withheld IS NULL
   ORDER BY p.rowid DESC LIMIT ?`,
)

/** Whether any photo row has these bytes (a file no row has is a stray). */
export const anyPhotoWithSha = statement((p: Params<{ sha256: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.lit(1).as('one'))
    .where('sha256', '=', p.sha256)
    .limit(1),
)

/** Whether a photo row with these bytes still waits for its file. */
export const pendingPhotoWithSha = statement((p: Params<{ sha256: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.lit(1).as('one'))
    .where('sha256', '=', p.sha256)
    .where('state', '=', 'pending')
    .limit(1),
)

/**
 * The file with these bytes is in place: every row with them that waits for it or has it is
 * stored, shown or not. A row that failed stays so: it may be a photo the service erased (410) or
 * one retention removed, whose twin (a driver's reused photo, the same bytes) brought the file
 * back; it must not be shown again.
 */
export const markPhotosStored = statement(
  (p: Params<{ sha256: string; hasThumbnail: number; displayError: string | null }>) =>
    query
      .updateTable('delivery_photos')
      .set({
        state: 'stored',
        failure_reason: null,
        has_thumbnail: p.hasThumbnail,
        display_error: p.displayError,
      })
      .where('sha256', '=', p.sha256)
      .where('state', '<>', 'failed')
      .where('purged_at', 'is', null),
)

/** The photo cannot be fetched, for this reason: it is not tried again. */
export const markPhotoFailed = statement(
  (p: Params<{ id: string; sha256: string; reason: string }>) =>
    query
      .updateTable('delivery_photos')
      .set((eb) => ({
        state: 'failed',
        failure_reason: p.reason,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', p.id)
      .where('sha256', '=', p.sha256),
)

/** A try that failed for this reason: tried again next run, until `maxRuns` tries have failed. */
export const markPhotoRetry = statement(
  (p: Params<{ id: string; sha256: string; reason: string; maxRuns: number }>) =>
    query
      .updateTable('delivery_photos')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        failure_reason: p.reason,
        state: eb
          .case()
          .when(eb(eb('attempts', '+', 1), '>=', p.maxRuns))
          .then(eb.val<PhotoState>('failed'))
          .else(eb.val<PhotoState>('pending'))
          .end(),
      }))
      .where('id', '=', p.id)
      .where('sha256', '=', p.sha256),
)

// ---- Look-alike photos (photo-match/) ----

/** The SHA-256s in a JSON array, as a table: the files a look-alike read asks about. */
const shasIn = (json: string) => sql<{ value: string }>`json_each(${json})`.as('j')

/**
 * The earliest `limit` photos of other deliveries with this file, with what the look-alike list
 * shows of their delivery; none of a withheld delivery. Read in order off the (sha256, taken_at)
 * index (migration 016): a file a thousand deliveries share (a placeholder image) costs `limit`
 * rows per delivery looked at, not a thousand.
 */
export const photosWithFileElsewhere = statement(
  (p: Params<{ sha256: string; deliveryId: string; limit: number }>) =>
    query
      .selectFrom('delivery_photos as p')
      .innerJoin('deliveries as d', 'd.id', 'p.delivery_id')
      .select([
        'p.id as photo_id',
        'p.sha256',
        'p.taken_at',
        'd.id',
        'd.order_id',
        'd.delivered_at',
        'd.address_line1',
        'd.address_line2',
        'd.city',
        'd.postal_code',
        'd.country',
        'd.address_lat',
        'd.address_lng',
        'd.photo_withheld',
        'd.driver_id',
        'd.driver_name',
      ])
      .where('p.sha256', '=', p.sha256)
      .where('d.photo_withheld', 'is', null)
      .where('d.id', '!=', p.deliveryId)
      .orderBy('p.taken_at')
      .limit(p.limit),
)

/** The deliveries with a photo among these files (a JSON array of SHA-256s). */
export const deliveriesWithSha = pluckedStatement((p: Params<{ sha256s: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select('delivery_id')
    .distinct()
    .where('sha256', 'in', (eb) => eb.selectFrom(shasIn(p.sha256s)).select('j.value')),
)

/**
 * Stored, displayable photo files without a perceptual hash yet (photo-match/fingerprints.ts):
 * those stored before hashes were kept.
 */
export const storedPhotosUnhashed = pluckedStatement((p: Params<{ limit: number }>) =>
  query
    .selectFrom('delivery_photos as p')
    .select('p.sha256')
    .distinct()
    .where('p.state', '=', 'stored')
    .where('p.display_error', 'is', null)
    .where('p.purged_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('photo_fingerprints as f')
            .select((e) => e.lit(1).as('one'))
            .whereRef('f.sha256', '=', 'p.sha256'),
        ),
      ),
    )
    .limit(p.limit),
)

// ---- Retention (retention/retention.ts) ----

/**
 * Deliveries with a case that is open as this console sees it: open on the service, or with work
 * made here that has not reached it (a case opened here, a change still pending or in conflict).
 * Erring towards "open" only keeps a photo longer.
 */
const openCaseDeliveries = (eb: ExpressionBuilder<Database, 'delivery_photos'>) =>
  eb
    .selectFrom('cases')
    .select('delivery_id')
    .where('status', '<>', sql.lit('resolved'))
    .union(
      eb
        .selectFrom('cases as c')
        .innerJoin('case_events as e', 'e.case_id', 'c.id')
        .select('c.delivery_id')
        .where('e.state', 'in', [
          sql.lit<CaseEventState>('pending'),
          sql.lit<CaseEventState>('conflict'),
        ]),
    )
    .union(
      eb
        .selectFrom('case_events as e')
        .select((x) =>
          x.fn<string>('json_extract', ['e.body_json', sql.lit('$.deliveryId')]).as('delivery_id'),
        )
        .where('e.type', '=', sql.lit('opened'))
        .where('e.state', '<>', sql.lit('discarded'))
        .where((x) =>
          x.not(
            x.exists(
              x
                .selectFrom('cases as c')
                .select((y) => y.lit(1).as('one'))
                .whereRef('c.id', '=', 'e.case_id'),
            ),
          ),
        ),
    )

/** Photos taken before `cutoff` and not purged yet, on deliveries without an open case. */
export const expiredPhotos = statement((p: Params<{ cutoff: string; limit: number }>) =>
  query
    .selectFrom('delivery_photos')
    .select(['id', 'sha256', 'state'])
    .where('purged_at', 'is', null)
    .where('taken_at', '<', p.cutoff)
    .where('delivery_id', 'not in', openCaseDeliveries)
    .limit(p.limit),
)

/** The photo's file is removed from this computer, for this reason; it is not fetched again. */
export const markPhotoPurged = statement((p: Params<{ id: string; at: string; reason: string }>) =>
  query
    .updateTable('delivery_photos')
    .set({
      state: 'failed',
      failure_reason: p.reason,
      display_error: null,
      has_thumbnail: 0,
      purged_at: p.at,
    })
    .where('id', '=', p.id),
)

/** Photo rows that still show the file with these bytes (none: the file can go). */
export const photosShowingSha = statement((p: Params<{ sha256: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', '=', p.sha256)
    .where('purged_at', 'is', null)
    .where('state', '<>', 'failed'),
)

/** Purged photos of deliveries whose case is open now: fetched again. */
export const restorePurgedPhotos = statement(() =>
  query
    .updateTable('delivery_photos')
    .set({ state: 'pending', failure_reason: null, attempts: 0, purged_at: null })
    .where('purged_at', 'is not', null)
    .where('delivery_id', 'in', openCaseDeliveries),
)

/** The stored photos, the oldest one's time, and how many older than `cutoff` an open case keeps. */
export const storedPhotosKept = statement((p: Params<{ cutoff: string }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => [
      eb.fn.countAll<number>().as('stored'),
      eb.fn.min('taken_at').as('oldest'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb.and([
              eb('taken_at', '<', p.cutoff),
              eb('delivery_id', 'in', openCaseDeliveries(eb)),
            ]),
          ),
          eb.lit(0),
        )
        .as('kept'),
    ])
    .where('state', '=', 'stored')
    .where('purged_at', 'is', null),
)

// ---- The status bar (sync/sync-engine.ts), and the download's progress ----

/** How many photo rows are in this state (stored: the status bar; pending: the download). */
export const photoCountIn = statement((p: Params<{ state: PhotoState }>) =>
  query
    .selectFrom('delivery_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', p.state),
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
