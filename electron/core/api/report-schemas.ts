// The shapes of the supervisor's report calls in the API (see definition.ts): the period and
// filters a report covers, its figures, the choices the filters offer, and export jobs. Every
// call here is refused in the main process unless the signed-in user is a supervisor.
import { z } from 'zod'
import { CASE_REASONS, RESOLUTION_CODES } from '../contract/schemas.ts'

// The messages below stay in English: this file is bundled into the preload, which carries no
// catalogue. The Reports screen checks the period itself and says what is wrong in the person's
// language (reports:filters.endsBeforeStart, tooLong), so these reach only other callers.
const DateOnly = z.iso.date('Use a date like 2025-06-01')

/** An IANA time zone name ("America/Los_Angeles"); the period's days are days there. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'Not a known time zone')

export const LOCATION_FLAGS = ['any', 'away', 'not-away'] as const
/** A resolution code, or every case that has none yet. */
export const RESOLUTION_FILTERS = [...RESOLUTION_CODES, 'unresolved'] as const

/** At most this many days in one report: enough for two years, small enough for a daily chart. */
export const MAX_REPORT_DAYS = 731

export const ReportFilterSchema = z
  .object({
    /** The first day of the period, inclusive. */
    from: DateOnly,
    /** The last day of the period, inclusive. */
    to: DateOnly,
    timeZone: TimeZoneSchema,
    city: z.string().max(100).optional(),
    region: z.string().max(100).optional(),
    reason: z.enum(CASE_REASONS).optional(),
    resolution: z.enum(RESOLUTION_FILTERS).optional(),
    driverId: z.string().max(64).optional(),
    /** Cases this user opened, was assigned or resolved. */
    agentId: z.string().max(64).optional(),
    locationFlag: z.enum(LOCATION_FLAGS).default('any'),
  })
  .refine((f) => f.from <= f.to, { message: 'The period ends before it starts', path: ['to'] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `A report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  })

/** How long the cases took to resolve, in fixed buckets (each screen and file names them). */
export const TIME_TO_RESOLVE_BUCKETS = [
  'under4Hours',
  'hours4To24',
  'days1To2',
  'days2To3',
  'days3To7',
  'days7OrMore',
] as const

const CountedSchema = z.object({ count: z.number(), share: z.number() })

export const ReportFiguresSchema = z.object({
  filters: ReportFilterSchema,
  generatedAt: z.string(),
  /** The location threshold in force, metres beyond the fix's accuracy. */
  locationThresholdM: z.number(),
  /** Cases opened in the period. */
  opened: z.number(),
  /** Cases resolved in the period (whenever they were opened). */
  resolved: z.number(),
  /** Cases not resolved now, whenever they were opened. */
  openNow: z.number(),
  /** Hours from opening to resolution, over the cases resolved in the period. */
  timeToResolveHours: z.object({
    median: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  /** Cases resolved in the period, per resolution code (every code, zero included). */
  resolutions: z.array(CountedSchema.extend({ code: z.enum(RESOLUTION_CODES) })),
  /** Cases opened in the period on deliveries flagged "delivered away from the address". */
  awayFromAddress: CountedSchema,
  /** Customers and addresses with two or more cases opened in the period, most first. */
  repeatCustomers: z.object({
    total: z.number(),
    top: z.array(z.object({ customerId: z.string(), name: z.string(), cases: z.number() })),
  }),
  repeatAddresses: z.object({
    total: z.number(),
    top: z.array(z.object({ address: z.string(), cases: z.number() })),
  }),
  /**
   * Drivers ranked by cases per delivery: of their deliveries delivered in the period, how many
   * have a case. Only drivers with at least `minDeliveries` deliveries in the period.
   */
  topDrivers: z.object({
    minDeliveries: z.number(),
    top: z.array(
      z.object({
        driverId: z.string(),
        name: z.string(),
        deliveries: z.number(),
        cases: z.number(),
        casesPerDelivery: z.number(),
      }),
    ),
  }),
  /**
   * Drivers whose deliveries in the period are flagged for a photo that also appears at another
   * address or on an earlier delivery (photo-match/), most flagged first.
   */
  reusedPhotoDrivers: z.array(
    z.object({
      driverId: z.string(),
      name: z.string(),
      deliveries: z.number(),
      flagged: z.number(),
    }),
  ),
  /** Cases opened per day of the period (in its time zone), every day listed. */
  perDay: z.array(z.object({ day: z.string(), opened: z.number(), resolved: z.number() })),
  /** How long the cases resolved in the period took, in fixed buckets. */
  timeToResolveBuckets: z.array(
    z.object({ bucket: z.enum(TIME_TO_RESOLVE_BUCKETS), count: z.number() }),
  ),
})

export const ReportOptionsSchema = z.object({
  areas: z.array(z.object({ city: z.string(), region: z.string().nullable() })),
  drivers: z.array(z.object({ id: z.string(), name: z.string() })),
  agents: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  /** The first and last day a case was opened, in UTC; null with no cases at all. */
  firstCaseDay: z.string().nullable(),
  lastCaseDay: z.string().nullable(),
})

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const
export const EXPORT_STATES = ['running', 'done', 'failed', 'cancelled'] as const

export const ExportJobSchema = z.object({
  id: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
  state: z.enum(EXPORT_STATES),
  /** Cases written so far, and how many there will be (null until counted). */
  done: z.number(),
  total: z.number().nullable(),
  /**
   * What is being done now, in words in the language the core speaks ("Counting the cases",
   * "Writing case 120 of 4,000"); the screen says it in its own from `done` and `total`.
   */
  step: z.string(),
  /** The file's name (never its folder) once chosen. */
  fileName: z.string().nullable(),
  /** Browser mode: the finished file can be fetched from /exports/<id>. */
  downloadable: z.boolean(),
  /** The host can show the finished file in its folder (the desktop app). */
  revealable: z.boolean(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
})

export const ExportRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  format: z.enum(EXPORT_FORMATS),
  outcome: z.enum(['done', 'failed', 'cancelled']),
  rows: z.number(),
  fileName: z.string().nullable(),
  via: z.string(),
  filters: z.string(),
})

const JobIdArg = z.object({ jobId: z.uuid() })

export const reportCalls = {
  getReportOptions: { arg: z.undefined().optional(), result: ReportOptionsSchema },
  getReportFigures: { arg: ReportFilterSchema, result: ReportFiguresSchema },
  startReportExport: {
    arg: z.object({ format: z.enum(EXPORT_FORMATS), filters: ReportFilterSchema }),
    /** Null when the person closed the save dialog without choosing a file. */
    result: ExportJobSchema.nullable(),
  },
  getReportExport: { arg: JobIdArg, result: ExportJobSchema.nullable() },
  cancelReportExport: { arg: JobIdArg, result: ExportJobSchema.nullable() },
  revealReportExport: { arg: JobIdArg, result: z.boolean() },
  listReportExports: { arg: z.undefined().optional(), result: z.array(ExportRecordSchema) },
} as const

export type ReportFilters = z.output<typeof ReportFilterSchema>
export type ReportFilterInput = z.input<typeof ReportFilterSchema>
export type ReportFigures = z.output<typeof ReportFiguresSchema>
export type ReportOptions = z.output<typeof ReportOptionsSchema>
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ExportJob = z.output<typeof ExportJobSchema>
export type ExportRecord = z.output<typeof ExportRecordSchema>
