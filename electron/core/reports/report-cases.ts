// The cases a report reads, one at a time: each case as the service last sent it with the
// reader's own unsent work applied on top (as the case screens show it, see cases/case-state.ts),
// joined to its delivery for the city, driver, location flag and evidence facts.
//
// Rows come from an iterator over a prepared statement on a connection of the report's own (see
// report-connection.ts), so that 100,000 cases never sit in memory together; the event loop gets
// a turn every CHUNK rows so that the app stays responsive while a report runs.
import type BetterSqlite3 from 'better-sqlite3'
import type { ReportFilters } from '../api/report-schemas.ts'
import type { CaseReason, CaseStatus, ResolutionCode } from '../contract/schemas.ts'
import { createCaseReader } from '../cases/case-state.ts'
import type { CaseState } from '../cases/case-rules.ts'
import {
  caseVersion,
  reportCasesOpenedBetween,
  reportDeliveryOfOpening,
  unsettledWorkOf,
} from '../cases/case-tables.ts'
import type { RowOf } from '../db/typed-sql.ts'
import type { DeliveryRow } from '../deliveries/delivery-tables.ts'

/** Rows between two turns of the event loop. */
export const CHUNK = 200

export interface ReportDelivery {
  id: string
  trackingNumber: string
  status: string
  deliveredAt: string | null
  customerId: string
  customerName: string
  line1: string
  line2: string | null
  city: string
  region: string | null
  postalCode: string
  country: string
  addressLat: number | null
  addressLng: number | null
  dropSpot: string
  dropNote: string | null
  dropLat: number | null
  dropLng: number | null
  dropAccuracyM: number | null
  dropDistanceM: number | null
  driverId: string
  driverName: string
  photoWithheld: string | null
  /** The largest distance beyond a fix's accuracy; null without an address position. */
  awayM: number | null
  /** Photos of the delivery (none at all when withheld). */
  photoCount: number
  /** "id=sha256" of each photo, space separated; empty when withheld. */
  photoHashes: string
  /** The farthest photo fix from the address, metres. */
  photoDistanceM: number | null
}

export interface ReportCase {
  id: string
  orderId: string
  deliveryId: string
  status: CaseStatus
  reason: CaseReason
  openedAt: string
  openedBy: string
  assigneeId: string | null
  /** The help-desk ticket's number the case is worked from; null when none. */
  ticket: string | null
  resolution: {
    code: ResolutionCode
    note: string | null
    resolvedAt: string
    resolvedBy: string
  } | null
  /** The case's notes, oldest first. */
  notes: Array<{ authorId: string; body: string; createdAt: string }>
  /** This console's changes to the case not yet accepted by the service. */
  unsentChanges: number
  /** Null when the delivery is not (or no longer) in the local cache. */
  delivery: ReportDelivery | null
}

/** A report row's delivery columns: all null when the cache no longer holds the delivery. */
type DeliveryColumns = RowOf<typeof reportDeliveryOfOpening>
/** The same when it holds it: each column as the delivery stores it (db/schema.ts). */
type HeldDelivery = {
  [K in keyof DeliveryColumns]: K extends keyof DeliveryRow ? DeliveryRow[K] : DeliveryColumns[K]
} & { d_id: string; d_status: string }

type CaseRow = RowOf<typeof reportCasesOpenedBetween>

function deliveryOf(columns: DeliveryColumns): ReportDelivery | null {
  if (columns.d_id === null) return null
  const row = columns as HeldDelivery
  const withheld = row.photo_withheld !== null
  return {
    id: row.d_id,
    trackingNumber: row.tracking_number,
    status: row.d_status,
    deliveredAt: row.delivered_at,
    customerId: row.customer_id,
    customerName: row.customer_name,
    line1: row.address_line1,
    line2: row.address_line2,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    addressLat: row.address_lat,
    addressLng: row.address_lng,
    dropSpot: row.drop_spot,
    dropNote: row.drop_note,
    dropLat: row.drop_lat,
    dropLng: row.drop_lng,
    dropAccuracyM: row.drop_accuracy_m,
    dropDistanceM: row.drop_distance_m,
    driverId: row.driver_id,
    driverName: row.driver_name,
    photoWithheld: row.photo_withheld,
    awayM: row.away_m,
    // Belt and braces: the store keeps no photo rows for a withheld delivery anyway.
    photoCount: withheld ? 0 : (row.photo_count ?? 0),
    photoHashes: withheld ? '' : (row.photo_hashes ?? ''),
    photoDistanceM: withheld ? null : row.photo_distance_m,
  }
}

function caseOf(
  state: CaseState,
  id: string,
  delivery: ReportDelivery | null,
  unsent: number,
): ReportCase {
  return {
    id,
    orderId: state.orderId,
    deliveryId: state.deliveryId,
    status: state.status,
    reason: state.reason,
    openedAt: state.openedAt,
    openedBy: state.openedBy,
    assigneeId: state.assigneeId,
    ticket: state.ticket,
    resolution: state.resolution
      ? { ...state.resolution, note: state.resolution.note ?? null }
      : null,
    notes: state.notes.map((n) => ({ authorId: n.authorId, body: n.body, createdAt: n.createdAt })),
    unsentChanges: unsent,
    delivery,
  }
}

function stateOfRow(row: CaseRow): CaseState {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    orderId: row.order_id,
    status: row.status as CaseStatus,
    reason: row.reason as CaseReason,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    assigneeId: row.assignee_id,
    resolution: row.resolution_json
      ? (JSON.parse(row.resolution_json) as CaseState['resolution'])
      : null,
    notes: JSON.parse(row.notes_json) as CaseState['notes'],
    ticket: row.ticket,
  }
}

export interface CaseScope {
  /**
   * Who reads the report. Unsent work belongs to its author: the report shows the service's
   * cases with this person's own unsent work on top, never what someone else has not sent yet.
   */
  viewerId: string
  /** Only cases opened at or after this instant (ISO); all when absent. */
  openedFrom?: string
  /** Only cases opened before this instant (ISO). */
  openedBefore?: string
}

/**
 * Every case in the cache (or those opened in `scope`), oldest first, with the viewer's unsent
 * local work applied. Cases the viewer opened on this console and the service does not know yet
 * are merged in by their opening time.
 */
export async function* readReportCases(
  sqlite: BetterSqlite3.Database,
  scope: CaseScope,
): AsyncGenerator<ReportCase> {
  const reader = createCaseReader(sqlite)
  const localWork = new Map<string, number>()
  for (const r of unsettledWorkOf.on(sqlite).all({ actorId: scope.viewerId }))
    localWork.set(r.case_id, r.pending)
  const deliveryOfOpening = reportDeliveryOfOpening.on(sqlite)
  const onService = caseVersion.on(sqlite)
  const from = scope.openedFrom ? Date.parse(scope.openedFrom) : -Infinity
  const before = scope.openedBefore ? Date.parse(scope.openedBefore) : Infinity
  const inScope = (openedAt: string) => {
    const t = Date.parse(openedAt)
    return t >= from && t < before
  }

  // Opened here and not yet known to the service: few, so read whole and merged in below.
  const localOnly: ReportCase[] = []
  for (const [id, unsent] of localWork) {
    if (onService.get({ id })) continue
    const state = reader.project(id, scope.viewerId).state
    if (!state || !inScope(state.openedAt)) continue
    const row = deliveryOfOpening.get({ caseId: id })
    localOnly.push(caseOf(state, id, row ? deliveryOf(row) : null, unsent))
  }
  localOnly.sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt))

  // opened_at strings carry offsets, so the SQL range is widened by a day either side and the
  // exact bounds are checked on the parsed instants.
  const wide = (t: number, days: number, otherwise: string) =>
    Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString() : otherwise
  const statement = reportCasesOpenedBetween.on(sqlite)
  let n = 0
  for (const row of statement.iterate({
    from: wide(from, -1, ''),
    before: wide(before, 1, '\uffff'),
  })) {
    if (++n % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve))
    let state: CaseState | null
    const unsent = localWork.get(row.id)
    if (unsent === undefined) state = stateOfRow(row)
    else state = reader.project(row.id, scope.viewerId).state
    if (!state || !inScope(state.openedAt)) continue
    while (localOnly.length && Date.parse(localOnly[0]!.openedAt) < Date.parse(state.openedAt)) {
      yield localOnly.shift()!
    }
    yield caseOf(state, row.id, deliveryOf(row), unsent ?? 0)
  }
  yield* localOnly
}

/** The address as one key for repeat claims, as the case desk counts them. */
export function addressKey(d: ReportDelivery): string {
  return `${d.postalCode}|${d.line1.toLowerCase()}`
}

export function addressText(d: ReportDelivery): string {
  return [d.line1, d.line2, `${d.postalCode} ${d.city}`, d.region].filter(Boolean).join(', ')
}

/** True when the delivery is flagged "delivered away from the address" at this threshold. */
export function isAway(d: ReportDelivery | null, thresholdM: number): boolean {
  return d !== null && d.awayM !== null && d.awayM > thresholdM
}

/** Whether a case passes the report's filters (the period is checked by the caller). */
export function matchesFilters(c: ReportCase, f: ReportFilters, thresholdM: number): boolean {
  if (f.reason && c.reason !== f.reason) return false
  if (f.resolution) {
    if (f.resolution === 'unresolved' ? c.resolution !== null : c.resolution?.code !== f.resolution)
      return false
  }
  if (f.agentId) {
    const handled =
      c.openedBy === f.agentId ||
      c.assigneeId === f.agentId ||
      c.resolution?.resolvedBy === f.agentId
    if (!handled) return false
  }
  return matchesDeliveryFilters(c.delivery, f, thresholdM)
}

/** The filters that are about the delivery (also applied to the drivers' delivery counts). */
export function matchesDeliveryFilters(
  d: Pick<ReportDelivery, 'city' | 'region' | 'driverId' | 'awayM'> | null,
  f: ReportFilters,
  thresholdM: number,
): boolean {
  const needsDelivery = f.city || f.region || f.driverId || f.locationFlag !== 'any'
  if (!d) return !needsDelivery
  if (f.city && d.city !== f.city) return false
  if (f.region && d.region !== f.region) return false
  if (f.driverId && d.driverId !== f.driverId) return false
  const away = d.awayM !== null && d.awayM > thresholdM
  if (f.locationFlag === 'away' && !away) return false
  if (f.locationFlag === 'not-away' && away) return false
  return true
}
