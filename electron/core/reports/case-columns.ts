// The columns of a case export, shared by the CSV and the XLSX writers: one row per case with
// its delivery and evidence facts. Each column says what kind of value it holds, so the XLSX can
// type its cells (dates as dates) and the CSV can write them plainly. Photos of a withheld
// delivery never appear: the row says why instead. Headings and words are the catalogue's
// (documents:caseColumns, documents:caseCells), in the language spoken when the file is written:
// a heading follows the language, like every other word of the file; the values do not.
import { formatDateTime } from '../api/display-format.ts'
import type { documents } from '../messages/en/documents.ts'
import { t } from '../messages/messages.ts'
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

type ColumnKey = Exclude<keyof typeof documents.caseColumns, 'withZone'>

export interface CaseColumn {
  /** Its heading in the catalogue (documents:caseColumns). */
  key: ColumnKey
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
    .map((n) =>
      t('documents:caseCells.note', {
        time: formatDateTime(n.createdAt, { timeZone: ctx.timeZone }),
        name: personName(n.authorId, ctx.userName(n.authorId)),
        text: n.body,
      }),
    )
    .join('\n')
}

/** A column's heading now; a date column's says the zone its times are read in. */
export function columnHeader(column: CaseColumn, timeZone: string): string {
  const heading = t(`documents:caseColumns.${column.key}`)
  return column.kind === 'date'
    ? t('documents:caseColumns.withZone', { column: heading, timeZone })
    : heading
}

/** Yes and no as a CSV cell says them (the XLSX keeps a boolean), looked up once an export. */
export function yesNoWords(): { yes: string; no: string } {
  return { yes: t('documents:caseCells.yes'), no: t('documents:caseCells.no') }
}

export const CASE_COLUMNS: readonly CaseColumn[] = [
  { key: 'caseId', kind: 'text', width: 38, value: (c) => c.id },
  { key: 'order', kind: 'text', width: 22, value: (c) => c.orderId },
  { key: 'ticket', kind: 'text', width: 16, value: (c) => c.ticket },
  {
    key: 'trackingNumber',
    kind: 'text',
    width: 18,
    value: (c) => c.delivery?.trackingNumber ?? null,
  },
  { key: 'status', kind: 'text', width: 18, value: (c) => STATUS_LABELS[c.status] },
  { key: 'reason', kind: 'text', width: 16, value: (c) => REASON_LABELS[c.reason] },
  { key: 'opened', kind: 'date', width: 18, value: (c) => c.openedAt },
  { key: 'openedBy', kind: 'text', width: 18, value: (c, x) => person(c.openedBy, x) },
  { key: 'openedById', kind: 'text', width: 16, value: (c) => c.openedBy },
  { key: 'assignedTo', kind: 'text', width: 18, value: (c, x) => person(c.assigneeId, x) },
  { key: 'assignedToId', kind: 'text', width: 16, value: (c) => c.assigneeId },
  {
    key: 'resolution',
    kind: 'text',
    width: 22,
    value: (c) => (c.resolution ? RESOLUTION_LABELS[c.resolution.code] : null),
  },
  { key: 'resolved', kind: 'date', width: 18, value: (c) => c.resolution?.resolvedAt ?? null },
  {
    key: 'resolvedBy',
    kind: 'text',
    width: 18,
    value: (c, x) => person(c.resolution?.resolvedBy ?? null, x),
  },
  {
    key: 'resolvedById',
    kind: 'text',
    width: 16,
    value: (c) => c.resolution?.resolvedBy ?? null,
  },
  {
    key: 'hoursToResolve',
    kind: 'number',
    width: 10,
    value: (c) => round1(hoursToResolve(c)),
  },
  { key: 'resolutionNote', kind: 'text', width: 40, value: (c) => c.resolution?.note ?? null },
  { key: 'notes', kind: 'text', width: 60, value: (c, x) => notesText(c, x) },
  { key: 'unsentChanges', kind: 'number', width: 10, value: (c) => c.unsentChanges },
  { key: 'deliveryId', kind: 'text', width: 16, value: (c) => c.deliveryId },
  {
    key: 'deliveryStatus',
    kind: 'text',
    width: 12,
    value: (c) => (c.delivery ? deliveryStatusText(c.delivery.status) : null),
  },
  { key: 'delivered', kind: 'date', width: 18, value: (c) => c.delivery?.deliveredAt ?? null },
  { key: 'customer', kind: 'text', width: 24, value: (c) => c.delivery?.customerName ?? null },
  {
    key: 'address',
    kind: 'text',
    width: 30,
    value: (c) =>
      c.delivery ? [c.delivery.line1, c.delivery.line2].filter(Boolean).join(', ') : null,
  },
  { key: 'postalCode', kind: 'text', width: 10, value: (c) => c.delivery?.postalCode ?? null },
  { key: 'city', kind: 'text', width: 16, value: (c) => c.delivery?.city ?? null },
  { key: 'region', kind: 'text', width: 8, value: (c) => c.delivery?.region ?? null },
  { key: 'country', kind: 'text', width: 8, value: (c) => c.delivery?.country ?? null },
  { key: 'driverId', kind: 'text', width: 14, value: (c) => c.delivery?.driverId ?? null },
  { key: 'driver', kind: 'text', width: 20, value: (c) => c.delivery?.driverName ?? null },
  {
    key: 'leftAt',
    kind: 'text',
    width: 14,
    value: (c) => (c.delivery ? dropOffSpotText(c.delivery.dropSpot) : null),
  },
  { key: 'driversNote', kind: 'text', width: 30, value: (c) => c.delivery?.dropNote ?? null },
  {
    key: 'dropOffDistance',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.dropDistanceM),
  },
  {
    key: 'farthestPhoto',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.photoDistanceM),
  },
  {
    key: 'beyondAccuracy',
    kind: 'number',
    width: 12,
    value: (c) => metres(c.delivery?.awayM),
  },
  {
    key: 'away',
    kind: 'boolean',
    width: 10,
    value: (c, x) => isAway(c.delivery, x.thresholdM),
  },
  { key: 'photos', kind: 'number', width: 8, value: (c) => c.delivery?.photoCount ?? 0 },
  {
    key: 'withheldBecause',
    kind: 'text',
    width: 26,
    value: (c) => (c.delivery?.photoWithheld ? withheldWords(c.delivery.photoWithheld) : null),
  },
  {
    key: 'photoHashes',
    kind: 'text',
    width: 40,
    value: (c) => c.delivery?.photoHashes || null,
  },
]

const WITHHELD_REASONS = ['customer_opted_out', 'confidential_address', 'gift_or_registry'] as const

/** Why the photos are withheld, in a few words; a reason this version does not know, as it came. */
function withheldWords(reason: string): string {
  return (WITHHELD_REASONS as readonly string[]).includes(reason)
    ? t(`documents:caseCells.withheld.${reason as (typeof WITHHELD_REASONS)[number]}`)
    : reason.replace(/_/g, ' ')
}
