// The shapes of the case calls in the API (see definition.ts): a case as the agent sees it
// (the server's state with this console's unsent work applied on top), its timeline, the
// evidence snapshot it was opened with, and the queue.
import { z } from 'zod'
import {
  CASE_REASONS,
  CASE_STATUSES,
  FixSchema,
  TicketSchema,
  NOTE_AUDIENCES,
  RESOLUTION_CODES,
} from '../contract/schemas.ts'

export const CaseStatusSchema = z.enum(CASE_STATUSES)
export const CaseReasonSchema = z.enum(CASE_REASONS)
export const ResolutionCodeSchema = z.enum(RESOLUTION_CODES)
const CaseIdSchema = z.uuid()
/** A ticket number as the agent types or pastes it: spaces around it do not count. */
export const TicketArgSchema = z.string().trim().pipe(TicketSchema)
const NoteSchema = z
  .string()
  .trim()
  .min(1, 'Write a note first')
  .max(4000, 'A note can be at most 4,000 characters')

/** The facts a decision is based on, frozen when the case is opened. */
export const EvidenceSnapshotSchema = z.object({
  takenAt: z.string(),
  deliveryVersion: z.number(),
  deliveredAt: z.string().nullable(),
  driver: z.object({ id: z.string(), name: z.string() }),
  dropOff: z.object({ spot: z.string(), location: FixSchema.nullable() }),
  photos: z.array(
    z.object({
      id: z.string(),
      sha256: z.string(),
      takenAt: z.string(),
      location: FixSchema.nullable(),
    }),
  ),
  photoWithheld: z.string().nullable(),
  awayFromAddress: z.object({ flagged: z.boolean(), distanceM: z.number().nullable() }),
})

export const TIMELINE_KINDS = [
  'opened',
  'note',
  'status',
  'assigned',
  'resolved',
  'reopened',
  'ticket',
] as const
export const SEND_STATES = ['sent', 'pending', 'conflict', 'failed', 'discarded'] as const

/**
 * What an entry of the timeline records, as codes and data: each reader (the window, the PDF)
 * puts it in words in the language it speaks. A note's body, a ticket, a reason are data.
 */
export const CaseChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), reason: CaseReasonSchema, note: z.string().nullable() }),
  z.object({ kind: z.literal('note'), body: z.string() }),
  z.object({ kind: z.literal('status'), status: CaseStatusSchema }),
  z.object({ kind: z.literal('assigned'), assigneeId: z.string().nullable() }),
  z.object({
    kind: z.literal('resolved'),
    code: ResolutionCodeSchema,
    note: z.string().nullable(),
  }),
  z.object({ kind: z.literal('reopened'), reason: z.string().nullable() }),
  z.object({ kind: z.literal('ticket'), ticket: z.string().nullable() }),
])
export type CaseChange = z.infer<typeof CaseChangeSchema>

export const TimelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** What happened (its kind is `kind`). */
  change: CaseChangeSchema,
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /**
   * The entry in the words of the language the core speaks: the note's body, "Status: Awaiting
   * customer", "Assigned to Alex Rivera" (the PDF and the command line print it).
   */
  text: z.string(),
  /** Whether the event has reached the delivery service. */
  send: z.enum(SEND_STATES),
  error: z.string().nullable(),
  /** For a note: whether it is for the team or text written for the customer; else null. */
  audience: z.enum(NOTE_AUDIENCES).nullable(),
})

export const ConflictSchema = z.object({
  eventId: z.string(),
  /** What this console tried to do, in the words of the language the core speaks. */
  mine: z.string(),
  /** The same, as codes and data. */
  change: CaseChangeSchema,
  /** The case as the delivery service holds it now. */
  server: z.object({
    version: z.number(),
    status: CaseStatusSchema,
    assigneeId: z.string().nullable(),
    resolutionCode: ResolutionCodeSchema.nullable(),
    updatedAt: z.string(),
  }),
})

export const CaseDetailSchema = z.object({
  id: CaseIdSchema,
  deliveryId: z.string(),
  orderId: z.string(),
  customerName: z.string().nullable(),
  status: CaseStatusSchema,
  reason: CaseReasonSchema,
  openedAt: z.string(),
  openedBy: z.string(),
  assigneeId: z.string().nullable(),
  /** The help-desk ticket's number the case is worked from; null when none. */
  ticket: z.string().nullable(),
  resolution: z
    .object({
      code: ResolutionCodeSchema,
      note: z.string().nullable(),
      resolvedAt: z.string(),
      resolvedBy: z.string(),
    })
    .nullable(),
  /** The server's version this view is based on; null while the case exists only here. */
  serverVersion: z.number().nullable(),
  pendingChanges: z.number(),
  /**
   * Other users' changes on this case made here and not sent yet: they wait for their author to
   * sign in again. Only who and how many: their content is not shown to anyone else.
   */
  waitingForOthers: z.array(
    z.object({ userId: z.string(), name: z.string(), changes: z.number() }),
  ),
  timeline: z.array(TimelineEntrySchema),
  snapshot: EvidenceSnapshotSchema.nullable(),
  /** What changed upstream since the snapshot, in words; empty when nothing did. */
  evidenceChanges: z.array(z.string()),
  conflict: ConflictSchema.nullable(),
  firstActionDueAt: z.string(),
  firstActionAt: z.string().nullable(),
})

export const CaseListItemSchema = z.object({
  id: CaseIdSchema,
  deliveryId: z.string(),
  orderId: z.string(),
  customerName: z.string().nullable(),
  city: z.string().nullable(),
  status: CaseStatusSchema,
  reason: CaseReasonSchema,
  openedAt: z.string(),
  assigneeId: z.string().nullable(),
  ticket: z.string().nullable(),
  firstActionDueAt: z.string(),
  firstActionAt: z.string().nullable(),
  pendingChanges: z.number(),
  hasConflict: z.boolean(),
  awayFromAddress: z.boolean(),
})

/**
 * The queue's orders. 'due': cases still waiting for a first action, soonest due first, then the
 * rest; each sort's '-desc' is its reverse. Status runs open → resolved; assignee by display name,
 * the unassigned last.
 */
export const CASE_SORTS = [
  'oldest',
  'newest',
  'due',
  'due-desc',
  'status',
  'status-desc',
  'assignee',
  'assignee-desc',
] as const
export const ListCasesArgSchema = z.object({
  statuses: z.array(CaseStatusSchema).max(4).optional(),
  reason: CaseReasonSchema.optional(),
  /** 'me', 'unassigned', or a user id. */
  assignee: z.string().max(64).optional(),
  /** Only cases opened at least this many hours ago. */
  minAgeHours: z
    .number()
    .min(0)
    .max(24 * 365)
    .optional(),
  customerId: z.string().max(64).optional(),
  addressKey: z.string().max(300).optional(),
  driverId: z.string().max(64).optional(),
  /** Words to find in the order number, the customer's name or the case's notes. */
  text: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(CASE_SORTS).default('oldest'),
  limit: z.number().int().min(1).max(500).default(200),
})

export const CaseCountsSchema = z.object({
  waitingOnMe: z.number(),
  open: z.number(),
  conflicts: z.number(),
  pendingChanges: z.number(),
})

export const CannedNoteSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Internal (for the team's notes) or a reply written for the customer. */
  audience: z.enum(NOTE_AUDIENCES),
  updatedAt: z.string(),
})

export const caseCalls = {
  openCase: {
    arg: z.object({
      deliveryId: z.string().min(1).max(64),
      reason: CaseReasonSchema,
      note: NoteSchema.optional(),
      /** The help-desk ticket the case is opened from. */
      ticket: TicketArgSchema.optional(),
    }),
    result: CaseDetailSchema,
  },
  getCase: { arg: z.object({ caseId: CaseIdSchema }), result: CaseDetailSchema.nullable() },
  listCases: { arg: ListCasesArgSchema, result: z.array(CaseListItemSchema) },
  getCaseCounts: { arg: z.undefined().optional(), result: CaseCountsSchema },
  addCaseNote: {
    arg: z.object({
      caseId: CaseIdSchema,
      body: NoteSchema,
      /** Internal (the default) or text written for the customer. */
      audience: z.enum(NOTE_AUDIENCES).optional(),
    }),
    result: CaseDetailSchema,
  },
  setCaseTicket: {
    /** null clears the case's ticket. */
    arg: z.object({ caseId: CaseIdSchema, ticket: TicketArgSchema.nullable() }),
    result: CaseDetailSchema,
  },
  findCasesByTicket: {
    /** What is in the search box: a ticket's number, or its address in the help desk. */
    arg: z.object({ text: z.string().max(2048) }),
    result: z.object({
      /** The ticket number read from the text; null when the text cannot be one. */
      ticket: z.string().nullable(),
      /** The text was the address of a ticket in the help desk (Settings' ticket address). */
      fromTicketLink: z.boolean(),
      /** The cases carrying that ticket, newest first. */
      cases: z.array(CaseListItemSchema),
    }),
  },
  changeCaseStatus: {
    arg: z.object({
      caseId: CaseIdSchema,
      status: z.enum(['open', 'investigating', 'awaiting_customer']),
    }),
    result: CaseDetailSchema,
  },
  assignCase: {
    arg: z.object({ caseId: CaseIdSchema, to: z.enum(['me', 'nobody']) }),
    result: CaseDetailSchema,
  },
  resolveCase: {
    arg: z.object({
      caseId: CaseIdSchema,
      code: ResolutionCodeSchema,
      note: NoteSchema.optional(),
    }),
    result: CaseDetailSchema,
  },
  reopenCase: {
    /** Why the case is reopened: required, and shown on the timeline. */
    arg: z.object({ caseId: CaseIdSchema, note: NoteSchema }),
    result: CaseDetailSchema,
  },
  resolveConflict: {
    arg: z.object({
      caseId: CaseIdSchema,
      eventId: z.uuid(),
      choice: z.enum(['apply-again', 'discard']),
    }),
    result: CaseDetailSchema,
  },
  listCannedNotes: { arg: z.undefined().optional(), result: z.array(CannedNoteSchema) },
  saveCannedNote: {
    arg: z.object({
      id: z.string().max(64).optional(),
      title: z.string().trim().min(1, 'Give the note a title').max(80),
      body: z.string().trim().min(1, 'Write the note').max(4000),
      audience: z.enum(NOTE_AUDIENCES),
    }),
    result: z.array(CannedNoteSchema),
  },
  deleteCannedNote: {
    arg: z.object({ id: z.string().max(64) }),
    result: z.array(CannedNoteSchema),
  },
} as const

export type CaseDetail = z.output<typeof CaseDetailSchema>
export type CaseListItem = z.output<typeof CaseListItemSchema>
export type TimelineEntry = z.output<typeof TimelineEntrySchema>
export type EvidenceSnapshot = z.output<typeof EvidenceSnapshotSchema>
export type CannedNote = z.output<typeof CannedNoteSchema>
export type NoteAudience = CannedNote['audience']
export type ListCasesArg = z.output<typeof ListCasesArgSchema>

/** Fills {orderId} and {customerName} into a canned note (pure: the renderer uses it too). */
export function fillPlaceholders(
  body: string,
  values: { orderId: string; customerName: string },
): string {
  return body
    .replaceAll('{orderId}', values.orderId)
    .replaceAll('{customerName}', values.customerName)
}
