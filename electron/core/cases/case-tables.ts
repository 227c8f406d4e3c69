// Every statement on the cases: `cases` (the service's state of record), `case_events` (each change
// made here, and the outbox of those not sent yet) and `case_snapshots` (the evidence frozen when
// a case was opened here). No other module writes SQL against these tables
// (tests/core/db/ownership.test.ts); they call these. Typed with Kysely against db/schema.ts and
// compiled once (db/typed-sql.ts).
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Nullable,
  type Selectable,
} from 'kysely'
import type {
  CaseEventState,
  CaseEventsTable,
  CasesTable,
  Database,
  DeliveriesTable,
} from '../db/schema.ts'
import { pluckedStatement, query, statement, type Params } from '../db/typed-sql.ts'

/** A row of `cases`: the service's state of record. */
export type CaseRow = Selectable<CasesTable>
/** A row of `case_events`: one change made here, and whether it reached the service. */
export type CaseEventRow = Selectable<CaseEventsTable>

// ---- Storing what the sync receives (store-cases.ts) ----

export const caseVersion = statement((p: Params<{ id: string }>) =>
  query.selectFrom('cases').select('version').where('id', '=', p.id),
)

/** What the store writes of a case: every column. */
export type CaseWrite = Required<Insertable<CasesTable>>

export const upsertCase = statement((p: Params<CaseWrite>) =>
  query
    .insertInto('cases')
    .values({
      id: p.id,
      version: p.version,
      updated_at: p.updated_at,
      delivery_id: p.delivery_id,
      order_id: p.order_id,
      status: p.status,
      reason: p.reason,
      opened_at: p.opened_at,
      opened_by: p.opened_by,
      assignee_id: p.assignee_id,
      resolution_json: p.resolution_json,
      notes_json: p.notes_json,
      ticket: p.ticket,
      seen_generation: p.seen_generation,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        updated_at: eb.ref('excluded.updated_at'),
        delivery_id: eb.ref('excluded.delivery_id'),
        order_id: eb.ref('excluded.order_id'),
        status: eb.ref('excluded.status'),
        reason: eb.ref('excluded.reason'),
        opened_at: eb.ref('excluded.opened_at'),
        opened_by: eb.ref('excluded.opened_by'),
        assignee_id: eb.ref('excluded.assignee_id'),
        resolution_json: eb.ref('excluded.resolution_json'),
        notes_json: eb.ref('excluded.notes_json'),
        ticket: eb.ref('excluded.ticket'),
        // A record sent again outside a resync keeps the resync's mark.
        seen_generation: eb.fn.coalesce('excluded.seen_generation', 'cases.seen_generation'),
      })),
    ),
)

export const markCaseSeen = statement((p: Params<{ id: string; generation: number }>) =>
  query.updateTable('cases').set({ seen_generation: p.generation }).where('id', '=', p.id),
)

export const deleteCase = statement((p: Params<{ id: string }>) =>
  query.deleteFrom('cases').where('id', '=', p.id),
)

/** Ends a full resync: the cases it did not see again are gone upstream. */
export const sweepUnseenCases = statement((p: Params<{ generation: number }>) =>
  query.deleteFrom('cases').where('seen_generation', 'is not', p.generation),
)

// ---- The outbox's counts (app/outbox.ts, cases/case-views.ts) ----

/** How many of `actorId`'s changes are in `state`: their own, since others' are theirs to send. */
export const eventsOfActorIn = statement(
  (p: Params<{ actorId: string; state: 'pending' | 'conflict' }>) =>
    query
      .selectFrom('case_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', p.state)
      .where('actor_id', '=', p.actorId),
)

/** Everyone else's changes waiting for their author (pending or in conflict), oldest first. */
export const othersWaiting = statement((p: Params<{ actorId: string | null }>) =>
  query
    .selectFrom('case_events')
    .select((eb) => [
      eb.ref('actor_id').as('userId'),
      eb.fn.max('actor_name').as('name'),
      eb.fn.countAll<number>().as('changes'),
    ])
    .where('state', 'in', ['pending', 'conflict'])
    .where('actor_id', 'is not', p.actorId)
    .groupBy('actor_id')
    .orderBy((eb) => eb.fn.min('seq')),
)

/** Changes made here that have not reached the service: pending, or in a conflict. */
const unsent = (eb: ExpressionBuilder<Database, 'case_events'>) =>
  eb('state', 'in', ['pending', 'conflict'] as const)

/** How many changes made here have not reached the service (as "erase local data" counts them). */
export const unsentEventCount = statement(() =>
  query
    .selectFrom('case_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unsent),
)

/** The unsent changes per author and case, with the first one's place in the queue. */
export const unsentEventsByAuthorAndCase = statement(() =>
  query
    .selectFrom('case_events')
    .select((eb) => [
      eb.ref('actor_id').as('user_id'),
      eb.fn.max('actor_name').as('name'),
      'case_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('seq').as('first'),
    ])
    .where(unsent)
    .groupBy(['actor_id', 'case_id']),
)

// ---- What this computer holds (retention/retention.ts) ----

export const caseCount = statement(() =>
  query.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')),
)

// ---- Whether the cache holds anything of a service's (cache-identity/cache-owner.ts) ----

export const anyCase = statement(() =>
  query.selectNoFrom((eb) => eb.exists(eb.selectFrom('cases').select('id')).as('held')),
)

export const anyUnsentEvent = statement(() =>
  query.selectNoFrom((eb) =>
    eb.exists(eb.selectFrom('case_events').select('seq').where(unsent)).as('held'),
  ),
)

// ---- Reading cases for the screens (case-views.ts) ----

/** The evidence frozen when the case was opened here. */
export const caseSnapshot = statement((p: Params<{ caseId: string }>) =>
  query.selectFrom('case_snapshots').select('evidence_json').where('case_id', '=', p.caseId),
)

/** Every case the service sent. */
export const allCaseIds = statement(() => query.selectFrom('cases').select('id'))

/** The service's cases on one delivery. */
export const caseIdsOfDelivery = statement((p: Params<{ deliveryId: string }>) =>
  query.selectFrom('cases').select('id').where('delivery_id', '=', p.deliveryId),
)

/**
 * The service's cases carrying a ticket, in either of its forms (with and without `#`; letter case
 * does not count: the column compares NOCASE). One probe of the partial index `cases_ticket`.
 */
export const caseIdsWithTicket = statement((p: Params<{ ticket: string; other: string }>) =>
  query.selectFrom('cases').select('id').where('ticket', 'in', [p.ticket, p.other]).limit(50),
)

/** Tickets set by changes made here and not sent yet (the `case_events_state` index finds them). */
export const pendingTicketChanges = statement(() =>
  query
    .selectFrom('case_events')
    .select((eb) => [
      'case_id',
      eb.fn<string | null>('json_extract', ['body_json', eb.val('$.ticket')]).as('ticket'),
    ])
    .where('state', '=', 'pending')
    .where('type', '=', 'ticket_set'),
)

/** The service's cases on one delivery, newest first (the `show` command lists them). */
export const casesOfDeliveryNewestFirst = statement((p: Params<{ deliveryId: string }>) =>
  query
    .selectFrom('cases')
    .selectAll()
    .where('delivery_id', '=', p.deliveryId)
    .orderBy('opened_at', 'desc'),
)

/** Changes made here that are not settled yet: pending, in a conflict, or refused. */
const notSettled = ['pending', 'conflict', 'failed'] as const

/** Cases with changes made here not settled yet (some of them opened here, unknown to the service). */
export const caseIdsWithLocalWork = statement(() =>
  query.selectFrom('case_events').select('case_id').distinct().where('state', 'in', notSettled),
)

/** Cases opened here on one delivery whose opening is not settled yet. */
export const casesOpenedHereOn = statement((p: Params<{ deliveryId: string }>) =>
  query
    .selectFrom('case_events')
    .select('case_id')
    .distinct()
    .where('type', '=', 'opened')
    .where('state', 'in', notSettled)
    .where((eb) => eb.fn('json_extract', ['body_json', eb.val('$.deliveryId')]), '=', p.deliveryId),
)

// ---- The agent's case actions (case-work.ts) ----

/** A change made here, queued to be sent. */
export const recordCaseEvent = statement(
  (
    p: Params<
      Pick<
        CaseEventRow,
        | 'id'
        | 'case_id'
        | 'type'
        | 'body_json'
        | 'base_version'
        | 'chained'
        | 'actor_id'
        | 'actor_name'
        | 'created_at'
      >
    >,
  ) =>
    query.insertInto('case_events').values({
      id: p.id,
      case_id: p.case_id,
      type: p.type,
      body_json: p.body_json,
      base_version: p.base_version,
      chained: p.chained,
      actor_id: p.actor_id,
      actor_name: p.actor_name,
      created_at: p.created_at,
      state: 'pending',
    }),
)

/** The evidence as it was when a case was opened here. */
export const takeCaseSnapshot = statement(
  (p: Params<{ caseId: string; takenAt: string; evidenceJson: string }>) =>
    query
      .insertInto('case_snapshots')
      .values({ case_id: p.caseId, taken_at: p.takenAt, evidence_json: p.evidenceJson }),
)

/** How many of the author's own changes to a case have not reached the service. */
export const ownUnsentOnCase = statement((p: Params<{ caseId: string; actorId: string }>) =>
  query
    .selectFrom('case_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', p.caseId)
    .where('actor_id', '=', p.actorId)
    .where(unsent),
)

/** The author's own change to a case that met a conflict. */
export const ownConflictEvent = statement(
  (p: Params<{ id: string; caseId: string; actorId: string }>) =>
    query
      .selectFrom('case_events')
      .selectAll()
      .where('id', '=', p.id)
      .where('case_id', '=', p.caseId)
      .where('actor_id', '=', p.actorId)
      .where('state', '=', 'conflict'),
)

/** A change in conflict that its author dropped. */
export const discardCaseEvent = statement((p: Params<{ id: string }>) =>
  query.updateTable('case_events').set({ state: 'discarded' }).where('id', '=', p.id),
)

/** A change in conflict sent again on the version the service holds now. */
export const rebaseCaseEvent = statement((p: Params<{ id: string; baseVersion: number | null }>) =>
  query
    .updateTable('case_events')
    .set({ state: 'pending', base_version: p.baseVersion, chained: 0, conflict_json: null })
    .where('id', '=', p.id),
)

// ---- A case as this console sees it (case-state.ts) ----

/** The service's state of record of one case. */
export const caseById = statement((p: Params<{ id: string }>) =>
  query.selectFrom('cases').selectAll().where('id', '=', p.id),
)

/** Every change made here to one case, in the order it was made. */
export const eventsOfCase = statement((p: Params<{ caseId: string }>) =>
  query.selectFrom('case_events').selectAll().where('case_id', '=', p.caseId).orderBy('seq'),
)

// ---- Sending the changes made here (push-case-events.ts) ----

/** Every change waiting to be sent, in the order it was made. */
export const pendingEvents = statement(() =>
  query.selectFrom('case_events').selectAll().where('state', '=', 'pending').orderBy('seq'),
)

/** The author's change to a case just before this one (discarded ones too). */
export const eventBefore = statement(
  (p: Params<{ caseId: string; actorId: string; seq: number }>) =>
    query
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', p.caseId)
      .where('actor_id', '=', p.actorId)
      .where('seq', '<', p.seq)
      .orderBy('seq', 'desc')
      .limit(1),
)

/** The service took the change: on this base, making this version. */
export const markEventSent = statement(
  (
    p: Params<{
      id: string
      sentAt: string
      baseVersion: number | null
      producedVersion: number | null
    }>,
  ) =>
    query
      .updateTable('case_events')
      .set((eb) => ({
        state: 'sent',
        sent_at: p.sentAt,
        base_version: p.baseVersion,
        produced_version: p.producedVersion,
        last_error: null,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', p.id),
)

/** The service refused the change over a newer version: the case as it holds it, as JSON. */
export const markEventConflict = statement((p: Params<{ id: string; conflictJson: string }>) =>
  query
    .updateTable('case_events')
    .set((eb) => ({
      state: 'conflict',
      conflict_json: p.conflictJson,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', p.id),
)

/** The service refused the change for good, in these words. */
export const markEventFailed = statement((p: Params<{ id: string; error: string }>) =>
  query
    .updateTable('case_events')
    .set((eb) => ({ state: 'failed', last_error: p.error, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', p.id),
)

/** A try that did not reach an answer: the change stays pending. */
export const markEventTried = statement((p: Params<{ id: string; error: string }>) =>
  query
    .updateTable('case_events')
    .set((eb) => ({ last_error: p.error, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', p.id),
)

// ---- An address's own history (addresses/address-history.ts) ----

/** The ids in a JSON array, as a table: the deliveries a history asks about. */
const idsIn = (json: string) => sql<{ value: string }>`json_each(${json})`.as('j')

/** Claims made since `since` on these deliveries (a JSON array of ids), newest first. */
export const claimsOnDeliveriesSince = statement(
  (p: Params<{ deliveryIds: string; since: string }>) =>
    query
      .selectFrom('cases')
      .select(['delivery_id', 'reason', 'status', 'resolution_json', 'opened_at'])
      .where('delivery_id', 'in', (eb) => eb.selectFrom(idsIn(p.deliveryIds)).select('j.value'))
      .where('opened_at', '>=', p.since)
      .orderBy('opened_at', 'desc'),
)

/** The latest claim on each of these deliveries (a JSON array of ids) that has one. */
export const latestClaimOnEach = statement((p: Params<{ deliveryIds: string }>) =>
  query
    .selectFrom('cases as c')
    .select(['c.delivery_id', 'c.reason', 'c.status', 'c.resolution_json'])
    .where('c.delivery_id', 'in', (eb) => eb.selectFrom(idsIn(p.deliveryIds)).select('j.value'))
    .where('c.opened_at', '=', (eb) =>
      eb
        .selectFrom('cases as x')
        .select((e) => e.fn.max('x.opened_at').as('latest'))
        .whereRef('x.delivery_id', '=', 'c.delivery_id'),
    ),
)

// ---- Repeat claims (repeat-claims.ts), as the delivery and case screens show them ----

/**
 * Cases opened since `since` (synced, or opened here and not sent yet) on deliveries other than
 * `deliveryId` that share its customer, its address (postal code and first line, in lower case)
 * or its driver, the three counted in one pass over the recent cases: reading their delivery rows
 * once instead of three times (or, for a driver, every one of their thousands of deliveries) is
 * what keeps opening a delivery quick at a million deliveries.
 */
export const repeatClaimCounts = statement(
  (
    p: Params<{
      since: string
      deliveryId: string
      customer: string
      address: string
      driver: string
    }>,
  ) =>
    query
      .selectFrom((eb) =>
        eb
          .selectFrom('cases as c')
          .select(['c.id', 'c.delivery_id'])
          .where('c.opened_at', '>=', p.since)
          .union(
            eb
              .selectFrom('case_events as e')
              .select((e) => [
                'e.case_id as id',
                e
                  .fn<string>('json_extract', ['e.body_json', sql.lit('$.deliveryId')])
                  .as('delivery_id'),
              ])
              .where('e.type', '=', sql.lit('opened'))
              .where('e.state', '=', sql.lit('pending'))
              .where('e.created_at', '>=', p.since),
          )
          .as('k'),
      )
      .innerJoin('deliveries as d', 'd.id', 'k.delivery_id')
      .select((eb) => [
        eb.fn.sum<number | null>(eb('d.customer_id', '=', p.customer)).as('customer'),
        eb.fn
          .sum<number | null>(
            eb(
              sql`${eb.ref('d.postal_code')} || '|' || lower(${eb.ref('d.address_line1')})`,
              '=',
              p.address,
            ),
          )
          .as('address'),
        eb.fn.sum<number | null>(eb('d.driver_id', '=', p.driver)).as('driver'),
      ])
      .where('d.id', '!=', p.deliveryId),
)

// ---- Reports (reports/report-cases.ts), on a report's own read-only connection ----

/** The viewer's own changes not settled yet, per case, and how many of them are pending. */
export const unsettledWorkOf = statement((p: Params<{ actorId: string }>) =>
  query
    .selectFrom('case_events')
    .select((eb) => [
      'case_id',
      eb.fn.sum<number>(eb('state', '=', sql.lit<CaseEventState>('pending'))).as('pending'),
    ])
    .where('state', 'in', notSettled)
    .where('actor_id', '=', p.actorId)
    .groupBy('case_id'),
)

/** A report's case row and its delivery (null columns when the cache no longer holds it). */
type ReportDB = Database & { d: Nullable<DeliveriesTable> }

/**
 * What a report shows of a case's delivery, with its photos' count, ids and hashes, and farthest
 * fix (none of them when photos are withheld).
 */
const reportDelivery = (eb: ExpressionBuilder<ReportDB, 'd'>) => {
  const unlessWithheld = <T>(value: Expression<T>) =>
    eb.case().when('d.photo_withheld', 'is', null).then(value).end()
  const photos = () => eb.selectFrom('delivery_photos as p')
  return [
    'd.id as d_id',
    'd.tracking_number',
    'd.status as d_status',
    'd.delivered_at',
    'd.customer_id',
    'd.customer_name',
    'd.address_line1',
    'd.address_line2',
    'd.city',
    'd.region',
    'd.postal_code',
    'd.country',
    'd.address_lat',
    'd.address_lng',
    'd.drop_spot',
    'd.drop_note',
    'd.drop_lat',
    'd.drop_lng',
    'd.drop_accuracy_m',
    'd.drop_distance_m',
    'd.driver_id',
    'd.driver_name',
    'd.photo_withheld',
    'd.away_m',
    eb
      .case()
      .when('d.photo_withheld', 'is', null)
      .then(
        photos()
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('p.delivery_id', '=', 'd.id')
          .$asScalar(),
      )
      .else(0)
      .end()
      .as('photo_count'),
    unlessWithheld(
      eb
        .selectFrom(
          photos()
            .select(['p.id', 'p.sha256'])
            .whereRef('p.delivery_id', '=', 'd.id')
            .orderBy('p.position')
            .as('q'),
        )
        .select((e) =>
          sql<string>`group_concat(${e.ref('q.id')} || '=' || ${e.ref('q.sha256')}, ' ')`.as(
            'hashes',
          ),
        )
        .$asScalar(),
    ).as('photo_hashes'),
    unlessWithheld(
      photos()
        .select((e) => e.fn.max('p.distance_m').as('m'))
        .whereRef('p.delivery_id', '=', 'd.id')
        .$asScalar(),
    ).as('photo_distance_m'),
  ] as const
}

/**
 * The cases opened in [from, before) (ISO strings, compared as text), oldest first, each with its
 * delivery: iterated row by row on the report's connection, never all in memory.
 */
export const reportCasesOpenedBetween = statement((p: Params<{ from: string; before: string }>) =>
  query
    .selectFrom('cases as c')
    .leftJoin('deliveries as d', 'd.id', 'c.delivery_id')
    .select([
      'c.id',
      'c.delivery_id',
      'c.order_id',
      'c.status',
      'c.reason',
      'c.opened_at',
      'c.opened_by',
      'c.assignee_id',
      'c.resolution_json',
      'c.notes_json',
      'c.ticket',
    ])
    // The same columns whichever case they join: the one list above, typed on its own.
    .select((eb) => reportDelivery(eb as unknown as ExpressionBuilder<ReportDB, 'd'>))
    .where('c.opened_at', '>=', p.from)
    .where('c.opened_at', '<', p.before)
    .orderBy('c.opened_at')
    .orderBy('c.id'),
)

/** The delivery a case opened here is on (the service does not know the case yet). */
export const reportDeliveryOfOpening = statement((p: Params<{ caseId: string }>) =>
  query
    .selectFrom('case_events as e')
    .leftJoin('deliveries as d', (join) =>
      join.on((eb) =>
        eb('d.id', '=', eb.fn<string>('json_extract', ['e.body_json', sql.lit('$.deliveryId')])),
      ),
    )
    .select((eb) => reportDelivery(eb as unknown as ExpressionBuilder<ReportDB, 'd'>))
    .where('e.case_id', '=', p.caseId)
    .where('e.type', '=', sql.lit('opened')),
)

/** Everyone who opened, was assigned, resolved or changed a case, by id, for the report's filters. */
export const caseAgentIds = pluckedStatement(() =>
  query
    .selectFrom((eb) =>
      eb
        .selectFrom('cases')
        .select('opened_by as id')
        .union(
          eb
            .selectFrom('cases')
            .select('assignee_id as id')
            .where('assignee_id', 'is not', null)
            .$narrowType<{ id: string }>(),
        )
        .union(
          eb
            .selectFrom('cases')
            .select((x) =>
              x.fn<string>('json_extract', ['resolution_json', sql.lit('$.resolvedBy')]).as('id'),
            )
            .where('resolution_json', 'is not', null),
        )
        .union(eb.selectFrom('case_events').select('actor_id as id'))
        .as('a'),
    )
    .select('a.id')
    .where('a.id', 'is not', null),
)

/** The first and last day a case was opened (UTC dates), for the report's period. */
export const caseDaySpan = statement(() =>
  query
    .selectFrom('cases')
    .select((eb) => [
      eb.fn.min<string | null>(eb.fn('date', ['opened_at'])).as('first'),
      eb.fn.max<string | null>(eb.fn('date', ['opened_at'])).as('last'),
    ]),
)
