// The evidence calls in the API (see definition.ts) that no delivery record carries: a delivery's
// look-alike photos (photo-match/) and its address's own history (addresses/).
import { z } from 'zod'
import {
  CASE_REASONS,
  CASE_STATUSES,
  DELIVERY_STATUSES,
  RESOLUTION_CODES,
} from '../contract/schemas.ts'

const DeliveryIdArg = z.object({ deliveryId: z.string().min(1).max(64) })

export const LookalikeSchema = z.object({
  deliveryId: z.string(),
  photoId: z.string(),
  /** Bits that differ between the two photos' perceptual hashes (0-64); 0 for the same file. */
  distance: z.number(),
  /** The very same file (same SHA-256). */
  sameFile: z.boolean(),
  takenAt: z.string(),
  orderId: z.string(),
  deliveredAt: z.string().nullable(),
  /** The zone its times are read in, as the delivery screen reads them (null: the agent's own). */
  timeZone: z.string().nullable(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string() }),
  driver: z.object({ id: z.string(), name: z.string() }),
  otherAddress: z.boolean(),
  earlier: z.boolean(),
})

export const ReuseFlagSchema = z.object({
  /** A photo of this delivery also appears on a delivery to another address. */
  otherAddress: z.boolean(),
  /** A photo of this delivery also appears on a delivery photographed earlier. */
  earlier: z.boolean(),
})

export const LookalikesSchema = z.object({
  photos: z.array(z.object({ photoId: z.string(), lookalikes: z.array(LookalikeSchema) })),
  flag: ReuseFlagSchema.nullable(),
  /** The most bits two photos may differ by and still look the same. */
  maxDistance: z.number(),
})

export const HistoryEntrySchema = z.object({
  deliveryId: z.string(),
  orderId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  deliveredAt: z.string().nullable(),
  /** The zone its times are read in, as the delivery screen reads them (null: the agent's own). */
  timeZone: z.string().nullable(),
  driver: z.object({ id: z.string(), name: z.string() }),
  photoWithheld: z.boolean(),
  /** The first photo, when one may be shown (never for a withheld delivery). */
  photo: z.object({ id: z.string(), hasThumbnail: z.boolean() }).nullable(),
  /** The delivery's latest case, if any: its status and how it was resolved. */
  claim: z
    .object({
      reason: z.enum(CASE_REASONS),
      status: z.enum(CASE_STATUSES),
      resolution: z.enum(RESOLUTION_CODES).nullable(),
    })
    .nullable(),
})

export const AddressHistorySchema = z.object({
  /** Earlier deliveries to the same address, newest first (at most 40). */
  deliveries: z.array(HistoryEntrySchema),
  /** How many there are in all. */
  total: z.number(),
  /** Cases in the last 90 days on deliveries to this address, this delivery's included. */
  claims: z.object({
    days: z.number(),
    count: z.number(),
    /** Resolved as delivered after all: found by the customer or with a neighbour. */
    resolvedAsDelivered: z.number(),
  }),
})

export const evidenceCalls = {
  getLookalikes: { arg: DeliveryIdArg, result: LookalikesSchema },
  getAddressHistory: { arg: DeliveryIdArg, result: AddressHistorySchema },
} as const

export type Lookalike = z.output<typeof LookalikeSchema>
export type LookalikesView = z.output<typeof LookalikesSchema>
export type ReuseFlag = z.output<typeof ReuseFlagSchema>
export type AddressHistory = z.output<typeof AddressHistorySchema>
export type HistoryEntry = z.output<typeof HistoryEntrySchema>
