// Zod schemas of the delivery service's contract: the one place where the service's wire format
// is described. The sync client parses every response through these; the demo service types its
// output with them and parses what it receives with them. docs/delivery-api.yaml, the contract as
// an OpenAPI 3.1 document, is generated from them (delivery-api-document.ts, `npm run contract`),
// so the descriptions given here with `.meta()` are the contract's own words.
import { z } from 'zod'

/** `Id`: opaque ids that are also safe in file names and URLs. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ -')
export const UuidSchema = z.uuid()
/** RFC 3339 with an offset (`Z` or `+hh:mm`). */
export const DateTimeSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: 'RFC 3339 with an offset (`Z` or `+hh:mm`).' })

export const LatLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
})
export const FixSchema = LatLngSchema.extend({
  accuracyM: z
    .number()
    .min(0)
    .meta({ description: 'horizontal accuracy, metres (68%)' })
    .optional(),
}).meta({ description: "A position fix from the driver's handset." })

export const RoleSchema = z.enum(['agent', 'supervisor'])
export const UserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
})

export const AddressSchema = z.object({
  line1: z.string().max(200),
  line2: z.string().max(200).nullable().optional(),
  city: z.string().max(100),
  region: z.string().max(100).nullable().optional(),
  postalCode: z.string().max(20),
  country: z.string().regex(/^[A-Z]{2}$/),
  location: LatLngSchema.nullable()
    .meta({ description: 'The geocoded position of the address, when known.' })
    .optional(),
})

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PhotoSchema = z.object({
  id: IdSchema,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be lowercase hex SHA-256')
    .meta({
      description: 'The lowercase hex SHA-256 of the bytes GET /v1/photos/{photoId} returns.',
    }),
  bytes: z.number().int().min(1).max(26214400),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  width: z.number().int().min(1).nullable().optional(),
  height: z.number().int().min(1).nullable().optional(),
  takenAt: DateTimeSchema,
  location: FixSchema.nullable()
    .meta({ description: 'Where the handset was when the photo was taken.' })
    .optional(),
})

export const DELIVERY_STATUSES = ['delivered', 'attempted', 'returned'] as const
export const DROP_OFF_SPOTS = [
  'front_door',
  'back_door',
  'porch',
  'garage',
  'mailroom',
  'leasing_office',
  'locker',
  'neighbor',
  'other',
] as const
export const PHOTO_WITHHELD_REASONS = [
  'customer_opted_out',
  'confidential_address',
  'gift_or_registry',
] as const

export const TombstoneSchema = z.object({
  id: IdSchema,
  version: z.number().int().min(1),
  updatedAt: DateTimeSchema,
  deleted: z.literal(true),
})

export const DeliveryRecordSchema = z.object({
  id: IdSchema,
  version: z.number().int().min(1),
  updatedAt: DateTimeSchema,
  deleted: z.literal(false).optional(),
  orderId: z
    .string()
    .max(64)
    .meta({ examples: ['114-3941689-8772232'] }),
  trackingNumber: z
    .string()
    .max(64)
    .meta({ examples: ['TBA304918273000'] }),
  status: z.enum(DELIVERY_STATUSES),
  deliveredAt: DateTimeSchema.nullable().optional(),
  customer: z.object({
    id: IdSchema,
    name: z.string().max(200),
    email: z.string().max(320).nullable().optional(),
    phone: z.string().max(40).nullable().optional(),
  }),
  address: AddressSchema,
  dropOff: z.object({
    spot: z.enum(DROP_OFF_SPOTS),
    note: z
      .string()
      .max(2000)
      .nullable()
      .meta({ description: "the driver's free text" })
      .optional(),
    location: FixSchema.nullable()
      .meta({ description: 'Where the handset was when the driver marked the package delivered.' })
      .optional(),
  }),
  driver: z.object({ id: IdSchema, name: z.string().max(200) }),
  photos: z.array(PhotoSchema).max(10),
  photoWithheld: z.enum(PHOTO_WITHHELD_REASONS).nullable().meta({
    description: 'Why this delivery has no photo on purpose; null when photos may exist.',
  }),
  items: z
    .array(
      z.object({
        sku: z.string().nullable().optional(),
        title: z.string().max(500),
        quantity: z.number().int().min(1),
      }),
    )
    .optional(),
})

/** A delivery item from a sync page: either a full record or a tombstone. */
export const DeliveryItemSchema = z.union([TombstoneSchema, DeliveryRecordSchema])

/**
 * Parses one sync item with the schema its `deleted` flag picks, so that a rejection names the
 * field that is wrong rather than "no union member matched".
 */
export function parseDeliveryItem(raw: unknown) {
  const deleted = typeof raw === 'object' && raw !== null && (raw as { deleted?: unknown }).deleted
  return deleted === true ? TombstoneSchema.safeParse(raw) : DeliveryRecordSchema.safeParse(raw)
}

export const CASE_STATUSES = ['open', 'investigating', 'awaiting_customer', 'resolved'] as const
export const CASE_REASONS = [
  'not_received',
  'wrong_location',
  'damaged',
  'photo_dispute',
  'other',
] as const
export const RESOLUTION_CODES = [
  'refund_issued',
  'replacement_sent',
  'found_by_customer',
  'delivered_to_neighbor',
  'carrier_claim',
  'no_action',
] as const

/**
 * Who a note is written for: the support team (internal), or the customer (text an agent sends
 * them, e.g. from a canned reply). Absent means internal.
 */
export const NOTE_AUDIENCES = ['internal', 'customer'] as const

/**
 * A help-desk ticket's number as the case carries it (`4521`, `#4521`, `SF-00012345`): 1 to 64
 * letters, digits, `-`, `_`, `#` and `.`, nothing else (no spaces, no control characters).
 */
export const TICKET_PATTERN = /^[A-Za-z0-9#._-]{1,64}$/
export const TicketSchema = z
  .string()
  .regex(
    TICKET_PATTERN,
    'A ticket number is 1 to 64 letters, digits, dashes, underscores, dots or #, with no spaces',
  )
  .meta({ examples: ['4521', 'SF-00012345'] })

export const CaseRecordSchema = z.object({
  id: UuidSchema,
  version: z.number().int().min(1),
  updatedAt: DateTimeSchema,
  deleted: z.literal(false).optional(),
  deliveryId: IdSchema,
  orderId: z.string(),
  status: z.enum(CASE_STATUSES),
  reason: z.enum(CASE_REASONS),
  openedAt: DateTimeSchema,
  openedBy: IdSchema,
  assigneeId: IdSchema.nullable().optional(),
  resolution: z
    .object({
      code: z.enum(RESOLUTION_CODES),
      note: z.string().max(4000).nullable().optional(),
      resolvedAt: DateTimeSchema,
      resolvedBy: IdSchema,
    })
    .nullable()
    .optional(),
  notes: z.array(
    z.object({
      id: UuidSchema,
      authorId: IdSchema,
      body: z.string().max(4000),
      createdAt: DateTimeSchema,
      audience: z
        .enum(NOTE_AUDIENCES)
        .meta({ description: 'Who the note is written for; absent means internal.' })
        .optional(),
    }),
  ),
  ticket: TicketSchema.nullable()
    .meta({
      description:
        'The help-desk ticket the case is worked from, as its number; null or absent when none.',
    })
    .optional(),
})
/**
 * The contract requires every Case field even with `deleted: true`; we accept a bare tombstone
 * too, since all a client needs from one is which case to drop.
 */
export const CaseTombstoneSchema = z.object({
  id: UuidSchema,
  version: z.number().int().min(1),
  updatedAt: DateTimeSchema,
  deleted: z.literal(true),
})
export const CaseItemSchema = z.union([CaseTombstoneSchema, CaseRecordSchema])

export function parseCaseItem(raw: unknown) {
  const deleted = typeof raw === 'object' && raw !== null && (raw as { deleted?: unknown }).deleted
  return deleted === true ? CaseTombstoneSchema.safeParse(raw) : CaseRecordSchema.safeParse(raw)
}

export const CASE_EVENT_TYPES = [
  'opened',
  'note_added',
  'status_changed',
  'assigned',
  'resolved',
  'reopened',
  'ticket_set',
] as const
export const CaseEventSchema = z.strictObject({
  id: UuidSchema.meta({ description: 'Chosen by the client; the idempotency key of the event.' }),
  type: z.enum(CASE_EVENT_TYPES),
  baseVersion: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The case version the client saw; null only for `opened`.' })
    .optional(),
  occurredAt: DateTimeSchema,
  deliveryId: IdSchema.meta({ description: 'opened only' }).optional(),
  reason: z.enum(CASE_REASONS).meta({ description: 'opened only' }).optional(),
  status: z
    .enum(['open', 'investigating', 'awaiting_customer'])
    .meta({ description: 'status_changed only' })
    .optional(),
  assigneeId: IdSchema.nullable().meta({ description: 'assigned only' }).optional(),
  note: z
    .string()
    .max(4000)
    .nullable()
    .meta({ description: 'note_added (required), resolved and reopened (optional)' })
    .optional(),
  resolutionCode: z.enum(RESOLUTION_CODES).meta({ description: 'resolved only' }).optional(),
  audience: z
    .enum(NOTE_AUDIENCES)
    .meta({ description: 'note_added only: who the note is for; absent means internal.' })
    .optional(),
  ticket: TicketSchema.nullable()
    .meta({ description: 'ticket_set only (required): the help-desk ticket, or null to clear it.' })
    .optional(),
})

export const PhotoViewEventSchema = z.object({
  id: UuidSchema,
  photoId: IdSchema,
  deliveryId: IdSchema,
  caseId: UuidSchema.nullable().optional(),
  viewedAt: DateTimeSchema,
})
/** What POST /v1/audit/photo-views takes: up to 500 views at once. */
export const PhotoViewBatchSchema = z.object({ events: z.array(PhotoViewEventSchema).max(500) })

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
})
export const LoginResponseSchema = z.object({
  token: z.string().min(16),
  expiresAt: DateTimeSchema,
  user: UserSchema,
})

/**
 * Which delivery service this is, where it says so (optional: a service without it still
 * validates, and the console then knows it by its address). `id` stays the same for one system of
 * record wherever it is reached from; `scope` names the part of the organisation's deliveries its
 * sync hands out (a region, a tenant) when it serves only part of them. A cache remembers both
 * (cache-identity/) and is never filled from a service that states others.
 */
export const ServiceIdentitySchema = z
  .object({
    id: z
      .string()
      .regex(/^[\x21-\x7e]{1,128}$/, 'must be 1-128 printable ASCII characters')
      .meta({
        description: 'Stable id of this service and its data set; never reused for another.',
      }),
    name: z.string().min(1).max(200).optional().meta({ description: 'A name a person reads.' }),
    scope: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'The region or tenant whose deliveries this service answers with.' }),
  })
  .meta({
    description:
      'Which delivery service this is. Optional: a client keeps one cache per service, and tells services apart by this id where it is stated, else by their address.',
  })

export const HealthSchema = z.object({
  status: z.literal('ok'),
  serverTime: DateTimeSchema,
  // A malformed identity is taken as none stated: the service is still up.
  service: ServiceIdentitySchema.optional().catch(undefined),
})

/**
 * A sync page's envelope. Items are kept as `unknown` here on purpose: each one is parsed on its
 * own so that one bad record is rejected without losing the good ones beside it.
 */
export const SyncPageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.string().max(512),
  hasMore: z.boolean().meta({ description: 'false when the client is up to date.' }),
})

/**
 * One person of the service's directory: an agent, a supervisor or a driver, by the id the
 * records carry (case assignees and actors, a delivery's driver) and the name a person reads.
 */
export const PersonSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1).max(200).meta({ description: 'In any script, as written.' }),
    kind: z.enum(['agent', 'supervisor', 'driver']),
  })
  .meta({ description: 'A person the records name by id.' })

/**
 * What GET /v1/people answers: the whole directory, small enough for one answer. People are kept
 * as `unknown` here and parsed one by one, so one bad entry is dropped without losing the rest.
 */
export const PeopleDirectorySchema = z.object({
  people: z.array(z.unknown()).max(100_000),
})

export const ProblemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
})

export type Id = z.infer<typeof IdSchema>
export type LatLng = z.infer<typeof LatLngSchema>
export type Fix = z.infer<typeof FixSchema>
export type User = z.infer<typeof UserSchema>
export type Role = z.infer<typeof RoleSchema>
export type Address = z.infer<typeof AddressSchema>
export type Photo = z.infer<typeof PhotoSchema>
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>
export type DeliveryTombstone = z.infer<typeof TombstoneSchema>
export type DeliveryItem = z.infer<typeof DeliveryItemSchema>
export type CaseRecord = z.infer<typeof CaseRecordSchema>
export type CaseItem = z.infer<typeof CaseItemSchema>
export type CaseEvent = z.infer<typeof CaseEventSchema>
export type PhotoViewEvent = z.infer<typeof PhotoViewEventSchema>
export type LoginResponse = z.infer<typeof LoginResponseSchema>
export type ServiceIdentity = z.infer<typeof ServiceIdentitySchema>
export type SyncPage = z.infer<typeof SyncPageSchema>
export type Problem = z.infer<typeof ProblemSchema>
export type Person = z.infer<typeof PersonSchema>
export type PhotoWithheldReason = (typeof PHOTO_WITHHELD_REASONS)[number]
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type CaseReason = (typeof CASE_REASONS)[number]
export type ResolutionCode = (typeof RESOLUTION_CODES)[number]
export type NoteAudience = (typeof NOTE_AUDIENCES)[number]
