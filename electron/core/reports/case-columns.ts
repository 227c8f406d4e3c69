// The columns of a case export, shared by the CSV and the XLSX writers: one row per case with
// its delivery and evidence facts. Each column says what kind of value it holds, so the XLSX can
// type its cells (dates as dates) and the CSV can write them plainly. Photos of a withheld
// delivery never appear: the row says why instead.
import { formatDateTime } from '../api/display-format.ts'
import { hoursToResolve } from './report-figures.ts'
import { isAway, type ReportCase } from './report-cases.ts'
import {
  deliveryStatusText,
  dropOffSpotText,
  personName,
  REASON_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
} from '../api/display-words.ts'

export type ColumnKind = 'text' | 'number' | 'date' | 'boolean'

export interface CaseColumn {
  header: string
  kind: ColumnKind
  /** Width in characters, for the spreadsheet. */
  width: number
  /** The value; a 'date' column gives an RFC 3339 instant. */
  value: (c: ReportCase, context: ColumnContext) => string | number | boolean | null
}

export interface ColumnContext {
  thresholdM: number
  /** The report's time zone: times inside text cells (the notes) are read in it. */
  timeZone: string
  /** The name of a person the records name by id, or null for a person the cache cannot name. */
  userName: (id: string | null) => string | null
}

const round1 = (n: number | null | undefined) => (n == null ? null : Math.round(n * 10) / 10)
/** Whole metres, as the screen and the PDF give every distance. */
const metres = (n: number | null | undefined) => (n == null ? null : Math.round(n))
/** A person by name, or said to be unknown (never a bare id); their id has a column of its own. */
const person = (id: string | null, ctx: ColumnContext) =>
  id ? personName(id, ctx.userName(id)) : null

/** Every note, one a line: when (in the report's zone), who, and what they wrote. */
function notesText(c: ReportCase, ctx: ColumnContext): string | null {
  if (c.notes.length === 0) return null
  return c.notes
    .map(
      (n) =>
        `${formatDateTime(n.createdAt, { timeZone: ctx.timeZone })}, ${person(n.authorId, ctx)}: ${n.body}`,
    )
    .join('\n')
}

export const CASE_COLUMNS: readonly CaseColumn[] = [
  { header: 'Case ID', kind: 'text', width: 38, value: (c) => c.id },
  { header: 'Order', kind: 'text', width: 22, value: (c) => c.orderId },
  { header: 'Ticket', kind: 'text', width: 16, value: (c) => c.ticket },
  {
    header: 'Tracking number',
    kind: 'text',
    width: 18,
    value: (c) => c.delivery?.trackingNumber ?? null,
  },
  { header: 'Status', kind: 'text', width: 18, value: (c) => STATUS_LABELS[c.status] },
  { header: 'Reason', kind: 'text', width: 16, value: (c) => REASON_LABELS[c.reason] },
  { header: 'Opened', kind: 'date', width: 18, value: (c) => c.openedAt },
  { header: 'Opened by', kind: 'text', width: 18, value: (c, x) => person(c.openedBy, x) },
  { header: 'Opened by ID', kind: 'text', width: 16, value: (c) => c.openedBy },
  { header: 'Assigned to', kind: 'text', width: 18, value: (c, x) => person(c.assigneeId, x) },
  { header: 'Assigned to ID', kind: 'text', width: 16, value: (c) => c.assigneeId },
  {
    header: 'Resolution',
    kind: 'text',
    width: 22,
    value: (c) => (c.resolution ? RESOLUTION_LABELS[c.resolution.code] : null),
  },
  { header: 'Resolved', kind: 'date', width: 18, value: (c) => c.resolution?.resolvedAt ?? null },
  {
    header: 'Resolved by',
    kind: 'text',
    width: 18,
    value: (c, x) => person(c.resolution?.resolvedBy ?? null, x),
  },
  {
    header: 'Resolved by ID',
    kind: 'text',
    width: 16,
    value: (c) => c.resolution?.resolvedBy ?? null,
  },
  {
    header: 'Hours to resolve',
    kind: 'number',
    width: 10,
    value: (c) => round1(hoursToResolve(c)),
  },
  { header: 'Resolution note', kind: 'text', width: 40, value: (c) => c.resolution?.note ?? null },
  { header: 'Notes', kind: 'text', width: 60, value: (c, x) => notesText(c, x) },
  { header: 'Changes not yet sent', kind: 'number', width: 10, value: (c) => c.unsentChanges },
  { header: 'Delivery ID', kind: 'text', width: 16, value: (c) => c.deliveryId },
  {
    header: 'Delivery status',
    kind: 'text',
    width: 12,
    value: (c) => (c.delivery ? deliveryStatusText(c.delivery.status) : null),
  },
  { header: 'Delivered', kind: 'date', width: 18, value: (c) => c.delivery?.deliveredAt ?? null },
  { header: 'Customer', kind: 'text', width: 24, value: (c) => c.delivery?.customerName ?? null },
  {
    header: 'Address',
    kind: 'text',
    width: 30,
    value: (c) =>
      c.delivery ? [c.delivery.line1, c.delivery.line2].filter(Boolean).join(', ') : null,
  },
  { header: 'Postal code', kind: 'text', width: 10, value: (c) => c.delivery?.postalCode ?? null },
  { header: 'City', kind: 'text', width: 16, value: (c) => c.delivery?.city ?? null },
  { header: 'Region', kind: 'text', width: 8, value: (c) => c.delivery?.region ?? null },
  { header: 'Country', kind: 'text', width: 8, value: (c) => c.delivery?.country ?? null },
  { header: 'Driver ID', kind: 'text', width: 14, value: (c) => c.delivery?.driverId ?? null },
  { header: 'Driver', kind: 'text', width: 20, value: (c) => c.delivery?.driverName ?? null },
  {
    header: 'Left at',
    kind: 'text',
    width: 14,
    value: (c) => (c.delivery ? dropOffSpotText(c.delivery.dropSpot) : null),
  },
  { header: "Driver's note", kind: 'text', width: 30, value: (c) => c.delivery?.dropNote ?? null },
  {
    header: 'Drop-off distance from address (m)',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.dropDistanceM),
  },
  {
    header: 'Farthest photo from address (m)',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.photoDistanceM),
  },
  {
    header: 'Beyond accuracy (m)',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.awayM),
  },
  {
    header: 'Delivered away from address',
    kind: 'boolean',
    width: 10,
    value: (c, x) => isAway(c.delivery, x.thresholdM),
  },
  { header: 'Photos', kind: 'number', width: 8, value: (c) => c.delivery?.photoCount ?? 0 },
  {
    header: 'Photos withheld because',
    kind: 'text',
    width: 26,
    value: (c) => (c.delivery?.photoWithheld ? words(c.delivery.photoWithheld) : null),
  },
  {
    header: 'Photo SHA-256 (id=hash)',
    kind: 'text',
    width: 40,
    value: (c) => c.delivery?.photoHashes || null,
  },
]

/** `awaiting_customer` → "awaiting customer". */
export function words(code: string): string {
  return code.replace(/_/g, ' ')
}
