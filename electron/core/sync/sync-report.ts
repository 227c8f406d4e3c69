// The sync report the user can open: the recent runs, what each rejected and why (and what the
// service asked of it), and the photos that could not be fetched or shown.
import type { Kysely } from 'kysely'
import type { SyncReport } from '../api/definition.ts'
import { RunServiceWaitSchema, type RunServiceWait } from '../api/service-wait-schemas.ts'
import type { Database } from '../db/schema.ts'

export async function readSyncReport(db: Kysely<Database>, runs = 10): Promise<SyncReport> {
  const recent = await db
    .selectFrom('sync_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(runs)
    .execute()
  const lastFinished = recent.find((r) => r.finished_at !== null)
  const rejections = lastFinished
    ? await db
        .selectFrom('sync_rejections')
        .select(['stream', 'item_id', 'reason', 'received_at'])
        .where('run_id', '=', lastFinished.id)
        .orderBy('id')
        .limit(500)
        .execute()
    : []
  const photoProblems = await db
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
    .limit(500)
    .execute()
  return {
    runs: recent.map((r) => {
      const summary = r.summary_json
        ? (JSON.parse(r.summary_json) as Record<string, Record<string, number>>)
        : null
      return {
        id: Number(r.id),
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome,
        error: r.error,
        deliveriesReceived: summary?.deliveries?.received ?? 0,
        casesReceived: summary?.cases?.received ?? 0,
        rejected: (summary?.deliveries?.rejected ?? 0) + (summary?.cases?.rejected ?? 0),
        photosDownloaded: summary?.photos?.downloaded ?? 0,
        photosFailed: (summary?.photos?.failed ?? 0) + (summary?.photos?.undisplayable ?? 0),
        serviceWait: serviceWaitOf(r.service_wait_json),
      }
    }),
    rejections: rejections.map((r) => ({
      stream: r.stream,
      itemId: r.item_id,
      reason: r.reason,
      receivedAt: r.received_at,
    })),
    photoProblems: photoProblems.map((p) => ({
      photoId: p.id,
      deliveryId: p.delivery_id,
      orderId: p.order_id,
      reason: p.display_error ?? p.failure_reason ?? 'unknown',
    })),
  }
}

/** The wait a run recorded; null when it has none or it cannot be read. */
function serviceWaitOf(json: string | null): RunServiceWait | null {
  if (json === null) return null
  try {
    const parsed = RunServiceWaitSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
