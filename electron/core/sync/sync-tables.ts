// Every statement on the sync's own records: where each stream's pull stands (`sync_cursors`), each
// run (`sync_runs`) and what it rejected (`sync_rejections`). No other module writes SQL against
// these tables (tests/core/db/ownership.test.ts). Typed with Kysely against db/schema.ts and
// compiled once (db/typed-sql.ts).
import type { NotNull, Selectable } from 'kysely'
import type { SyncCursorsTable, SyncRejectionsTable, SyncRunsTable } from '../db/schema.ts'
import { query, statement, type Params } from '../db/typed-sql.ts'

export type SyncCursorRow = Selectable<SyncCursorsTable>
export type SyncRunRow = Selectable<SyncRunsTable>
export type SyncRejectionRow = Selectable<SyncRejectionsTable>

type Stream = 'deliveries' | 'cases'

export const cursorOf = statement((p: Params<{ stream: Stream }>) =>
  query
    .selectFrom('sync_cursors')
    .select(['cursor', 'resync_generation'])
    .where('stream', '=', p.stream),
)

/** Moves a stream's cursor (with the page that got it, in its transaction: page-store.ts). */
export const writeCursor = statement(
  (p: Params<{ stream: Stream; cursor: string | null; at: string; generation: number | null }>) =>
    query
      .insertInto('sync_cursors')
      .values({
        stream: p.stream,
        cursor: p.cursor,
        updated_at: p.at,
        resync_generation: p.generation,
      })
      .onConflict((oc) =>
        oc.column('stream').doUpdateSet((eb) => ({
          cursor: eb.ref('excluded.cursor'),
          updated_at: eb.ref('excluded.updated_at'),
          resync_generation: eb.ref('excluded.resync_generation'),
        })),
      ),
)

/** True when any stream was ever pulled into this cache (cache-identity/cache-owner.ts). */
export const anyCursor = statement(() =>
  query.selectNoFrom((eb) => eb.exists(eb.selectFrom('sync_cursors').select('stream')).as('held')),
)

export const recordRejection = statement(
  (
    p: Params<{
      runId: number | null
      stream: Stream
      itemId: string | null
      reason: string
      at: string
    }>,
  ) =>
    query.insertInto('sync_rejections').values({
      run_id: p.runId,
      stream: p.stream,
      item_id: p.itemId,
      reason: p.reason,
      received_at: p.at,
    }),
)

export const startRun = statement((p: Params<{ at: string }>) =>
  query.insertInto('sync_runs').values({ started_at: p.at }),
)

export const finishRun = statement(
  (
    p: Params<{
      id: number
      at: string
      outcome: 'complete' | 'failed' | 'stopped'
      error: string | null
      summaryJson: string | null
      serviceWaitJson: string | null
    }>,
  ) =>
    query
      .updateTable('sync_runs')
      .set({
        finished_at: p.at,
        outcome: p.outcome,
        error: p.error,
        summary_json: p.summaryJson,
        service_wait_json: p.serviceWaitJson,
      })
      .where('id', '=', p.id),
)

export const lastFinishedRun = statement(() =>
  query
    .selectFrom('sync_runs')
    .select(['finished_at', 'outcome', 'error', 'summary_json'])
    .where('finished_at', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .$narrowType<{ finished_at: NotNull }>(),
)

/** The newest runs, for the sync report. */
export const recentRuns = statement((p: Params<{ limit: number }>) =>
  query.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').limit(p.limit),
)

export const rejectionsOfRun = statement((p: Params<{ runId: number; limit: number }>) =>
  query
    .selectFrom('sync_rejections')
    .select(['stream', 'item_id', 'reason', 'received_at'])
    .where('run_id', '=', p.runId)
    .orderBy('id')
    .limit(p.limit),
)
