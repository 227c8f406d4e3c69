// The privacy calls in the API (see definition.ts): what is kept on this computer and for how
// long, removing what has expired now, and signing out with the local data erased.
import { z } from 'zod'

const NoArg = z.undefined().optional()

export const RetentionRunSchema = z.object({
  at: z.string(),
  photoDays: z.number(),
  deliveryDays: z.number(),
  photosPurged: z.number(),
  deliveriesPurged: z.number(),
  photosRestored: z.number(),
  filesRemoved: z.number(),
  walTruncated: z.boolean(),
})

export const RetentionOverviewSchema = z.object({
  photoDays: z.number(),
  deliveryDays: z.number(),
  photos: z.object({
    stored: z.number(),
    oldestTakenAt: z.string().nullable(),
    /** Photos past the period that stay because a case on their delivery is open. */
    keptForOpenCases: z.number(),
  }),
  deliveries: z.object({
    count: z.number(),
    oldestAt: z.string().nullable(),
    /** Records past the period that stay because the delivery has a case. */
    keptForCases: z.number(),
  }),
  cases: z.number(),
  auditLog: z.object({ entries: z.number(), oldestAt: z.string().nullable() }),
  lastRun: RetentionRunSchema.nullable(),
  running: z.boolean(),
  /** How often removal runs on its own; null when this run of Porchlight does not schedule it. */
  intervalMinutes: z.number().nullable(),
})

export const UnsentWorkSchema = z.object({
  /** The signed-in user's case changes made here that have not reached the service. */
  caseChanges: z.number(),
  /** The signed-in user's photo views recorded here and not yet reported to the service. */
  photoViews: z.number(),
  /**
   * Other people's unsent work on this computer, per person: theirs, sent when they sign in here
   * again. Only a supervisor may erase it, naming them (signOutAndErase's discardUnsentOf).
   */
  others: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      caseChanges: z.number(),
      photoViews: z.number(),
    }),
  ),
})

export const privacyCalls = {
  getRetention: { arg: NoArg, result: RetentionOverviewSchema },
  runRetentionNow: { arg: NoArg, result: RetentionOverviewSchema },
  getUnsentWork: { arg: NoArg, result: UnsentWorkSchema },
  signOutAndErase: {
    arg: z.object({
      /** Must be true when there is unsent work: the person agreed to lose it. */
      discardUnsent: z.boolean().default(false),
      /**
       * The other people (user ids) whose unsent work a supervisor agreed to erase: each one with
       * unsent work here must be named, or nothing is erased.
       */
      discardUnsentOf: z.array(z.string().max(64)).max(100).optional(),
    }),
    result: z.object({ rowsDeleted: z.number(), foldersRemoved: z.number() }),
  },
} as const

export type RetentionOverview = z.output<typeof RetentionOverviewSchema>
export type UnsentWork = z.output<typeof UnsentWorkSchema>
