// The sync report the user can open: the recent runs, what each rejected and why (and what the
// service asked of it), and the photos that could not be fetched or shown.
import type BetterSqlite3 from 'better-sqlite3'
import type { SyncReport } from '../api/definition.ts'
import { RunServiceWaitSchema, type RunServiceWait } from '../api/service-wait-schemas.ts'
import { photoProblems as photoProblemRows } from '../deliveries/photo-table.ts'
import { recentRuns, rejectionsOfRun } from './sync-tables.ts'

/** Rejections and photo problems listed at most. */
const LISTED = 500

export async function readSyncReport(
  sqlite: BetterSqlite3.Database,
  runs = 10,
): Promise<SyncReport> {
  const recent = recentRuns.on(sqlite).all({ limit: runs })
  const lastFinished = recent.find((r) => r.finished_at !== null)
  const rejections = lastFinished
    ? rejectionsOfRun.on(sqlite).all({ runId: lastFinished.id, limit: LISTED })
    : []
  const photoProblems = photoProblemRows.on(sqlite).all({ limit: LISTED })
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
