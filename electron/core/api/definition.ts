// The API between the renderer and the main process, defined once. Each call has a name, a zod
// schema for its argument and one for its result. The preload exposes these calls as
// `window.porchlight`, the Electron shell registers them with ipcMain.handle, the browser-mode
// bridge serves them over loopback HTTP, and the renderer's client calls them; all four read
// this table, so adding a call is one entry here plus its handler.
import { z } from 'zod'
import {
  DELIVERY_STATUSES,
  DROP_OFF_SPOTS,
  FixSchema,
  LatLngSchema,
  CASE_STATUSES,
  PHOTO_WITHHELD_REASONS,
  UserSchema,
} from '../contract/schemas.ts'
import { LANGUAGE_PREFERENCES } from '../messages/languages.ts'
import { t } from '../messages/messages.ts'
import { cacheCalls } from './cache-schemas.ts'
import { evidenceCalls } from './evidence-schemas.ts'
import { peopleCalls } from './people-schemas.ts'
import { CaseListItemSchema, caseCalls } from './case-schemas.ts'
import { MapFileIdSchema, TileServerSchema, mapCalls } from './map-schemas.ts'
import { reportCalls } from './report-schemas.ts'
import { maintenanceCalls } from './maintenance-schemas.ts'
import { privacyCalls } from './privacy-schemas.ts'
import { photoCalls } from './photo-schemas.ts'
import { RunServiceWaitSchema } from './service-wait-schemas.ts'
import { ticketUrlTemplateProblem } from './ticket-url-template.ts'
import type { CallOutcome } from './outcome.ts'

const NoArg = z.undefined().optional()

export const SessionSchema = z.object({
  user: UserSchema.nullable(),
  /** True when the app shows the built-in demo world rather than a real delivery service. */
  demo: z.boolean(),
  serviceUrl: z.string(),
  /** Something the user should know about how their sign-in is kept (no OS protection). */
  notice: z.string().nullable(),
  /** Sign-in names to show on the sign-in screen in demo mode; empty otherwise. */
  demoAccounts: z.array(z.object({ username: z.string(), password: z.string(), role: z.string() })),
})

export const SyncStatusSchema = z.object({
  online: z.boolean(),
  running: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: z.object({
    deliveriesReceived: z.number(),
    casesReceived: z.number(),
    photosDownloaded: z.number(),
    photosPending: z.number(),
  }),
  cached: z.object({ deliveries: z.number(), photos: z.number() }),
  /** The signed-in user's case changes made here and not yet accepted by the service. */
  pendingChanges: z.number(),
  /** Other users' case changes made here, each waiting for its author to sign in again. */
  waitingForOthers: z.array(
    z.object({ userId: z.string(), name: z.string(), changes: z.number() }),
  ),
  /** The last finished run, for the status bar's "failures of the last run". */
  lastRun: z
    .object({
      finishedAt: z.string(),
      outcome: z.enum(['complete', 'failed', 'stopped']),
      rejected: z.number(),
      photosFailed: z.number(),
    })
    .nullable(),
  /** Until when the delivery service asked us to send nothing (ISO), while that is ahead. */
  serviceAsksWaitUntil: z.string().nullable(),
})

export const SearchResultSchema = z.object({
  deliveryId: z.string(),
  orderId: z.string(),
  trackingNumber: z.string(),
  customerName: z.string(),
  street: z.string(),
  city: z.string(),
  deliveredAt: z.string().nullable(),
  hasPhoto: z.boolean(),
  photoWithheld: z.enum(PHOTO_WITHHELD_REASONS).nullable(),
  /** The drop-off or a photo was taken farther from the address than the threshold allows. */
  awayFromAddress: z.boolean(),
  /** A photo of it also appears on a delivery to another address or an earlier one. */
  reusedPhoto: z.boolean(),
  /** The status of its newest case, as the service holds it; null when it has none. */
  caseStatus: z.enum(CASE_STATUSES).nullable(),
})

export const PHOTO_STATES = ['pending', 'stored', 'failed'] as const
export const DeliveryPhotoSchema = z.object({
  id: z.string(),
  position: z.number(),
  takenAt: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  contentType: z.string(),
  location: FixSchema.nullable(),
  state: z.enum(PHOTO_STATES),
  /** Why a failed photo is missing, in words. */
  failureReason: z.string().nullable(),
  /** Set when the photo is stored and verified but cannot be shown (not an image, too large). */
  displayError: z.string().nullable(),
  hasThumbnail: z.boolean(),
})

export const DeliveryDetailSchema = z.object({
  id: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  orderId: z.string(),
  trackingNumber: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  deliveredAt: z.string().nullable(),
  /** The IANA zone at the address (or drop-off), for "left at 9:45 AM PDT"; null without either. */
  timeZone: z.string().nullable(),
  customer: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    location: LatLngSchema.nullable(),
  }),
  dropOff: z.object({
    spot: z.enum(DROP_OFF_SPOTS),
    note: z.string().nullable(),
    location: FixSchema.nullable(),
  }),
  driver: z.object({ id: z.string(), name: z.string() }),
  items: z.array(z.object({ sku: z.string().nullable(), title: z.string(), quantity: z.number() })),
  photoWithheld: z.enum(PHOTO_WITHHELD_REASONS).nullable(),
  photos: z.array(DeliveryPhotoSchema),
  /** Distances from the geocoded address, and whether they exceed the threshold. */
  locationCheck: z.object({
    thresholdM: z.number(),
    dropOffDistanceM: z.number().nullable(),
    photoDistancesM: z.array(z.object({ photoId: z.string(), distanceM: z.number().nullable() })),
    /** The largest distance beyond the fix's own accuracy; null without an address position. */
    awayM: z.number().nullable(),
    flagged: z.boolean(),
  }),
  /** Missing-package cases in the last 90 days on the same customer, address and driver. */
  repeatClaims: z.object({
    customer: z.object({ id: z.string(), count: z.number() }),
    address: z.object({ key: z.string(), count: z.number() }),
    driver: z.object({ id: z.string(), count: z.number() }),
  }),
  cases: z.array(CaseListItemSchema),
})

export const SyncReportSchema = z.object({
  runs: z.array(
    z.object({
      id: z.number(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      outcome: z.enum(['complete', 'failed', 'stopped']).nullable(),
      error: z.string().nullable(),
      deliveriesReceived: z.number(),
      casesReceived: z.number(),
      rejected: z.number(),
      photosDownloaded: z.number(),
      photosFailed: z.number(),
      /** The service asked us to wait during (or just before) the run. */
      serviceWait: RunServiceWaitSchema.nullable(),
    }),
  ),
  /** What the last finished run rejected, and why. */
  rejections: z.array(
    z.object({
      stream: z.string(),
      itemId: z.string().nullable(),
      reason: z.string(),
      receivedAt: z.string(),
    }),
  ),
  photoProblems: z.array(
    z.object({
      photoId: z.string(),
      deliveryId: z.string(),
      orderId: z.string(),
      reason: z.string(),
    }),
  ),
})

export const SettingsSchema = z.object({
  syncIntervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** A drop-off or photo farther than this from the address (beyond its accuracy) is flagged. */
  locationThresholdM: z.number().int().min(10).max(10_000),
  /** The target time from a case's opening to its first action. */
  firstActionTargetHours: z
    .number()
    .min(1)
    .max(24 * 14),
  /** MBTiles files asked first, in this order; files not listed follow in their usual order. */
  mapFileOrder: z.array(MapFileIdSchema).max(200),
  /** MBTiles files switched off. */
  mapFilesOff: z.array(MapFileIdSchema).max(200),
  /** The online XYZ tile server, asked after the MBTiles files. */
  tileServer: TileServerSchema,
  /** The cap on tiles already viewed, kept for offline use. */
  tileCacheMegabytes: z.number().int().min(16).max(8192),
  /** Photos and thumbnails older than this are removed unless a case on the delivery is open. */
  photoRetentionDays: z.number().int().min(1).max(365),
  /** Delivery records older than this are removed unless the delivery has a case. */
  deliveryRetentionDays: z.number().int().min(7).max(3650),
  /** The desktop app says when changes made offline were sent, or came back as conflicts. */
  notifyAfterOutage: z.boolean(),
  /** The help desk's ticket address with one {ticket} (ticket-url-template.ts); null for none. */
  ticketUrlTemplate: z
    .string()
    .trim()
    .nullable()
    .superRefine((template, ctx) => {
      const problem = template === null ? null : ticketUrlTemplateProblem(template)
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
    }),
  /** The language of the app, the exports and the PDF: one that ships, or the system's. */
  language: z.enum(LANGUAGE_PREFERENCES),
})

export const apiDefinition = {
  getSession: { arg: NoArg, result: SessionSchema },
  signIn: {
    arg: z.object({
      username: z
        .string()
        .trim()
        .min(1, { error: () => t('session:signIn.enterUserName') })
        .max(128),
      password: z
        .string()
        .min(1, { error: () => t('session:signIn.enterPassword') })
        .max(1024),
    }),
    result: SessionSchema,
  },
  signOut: { arg: NoArg, result: SessionSchema },
  getSyncStatus: { arg: NoArg, result: SyncStatusSchema },
  syncNow: { arg: NoArg, result: SyncStatusSchema },
  getSyncReport: { arg: NoArg, result: SyncReportSchema },
  getSettings: { arg: NoArg, result: SettingsSchema },
  updateSettings: { arg: SettingsSchema.partial(), result: SettingsSchema },
  searchDeliveries: {
    arg: z.object({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(200).default(50),
      /** Only deliveries flagged "delivered away from the address". */
      awayFromAddress: z.boolean().optional(),
      /** Only deliveries flagged for a photo that also appears elsewhere. */
      reusedPhoto: z.boolean().optional(),
    }),
    result: z.array(SearchResultSchema),
  },
  getDelivery: {
    arg: z.object({ id: z.string().min(1).max(64) }),
    result: DeliveryDetailSchema.nullable(),
  },
  ...caseCalls,
  ...mapCalls,
  ...reportCalls,
  ...privacyCalls,
  ...maintenanceCalls,
  ...photoCalls,
  ...cacheCalls,
  ...evidenceCalls,
  ...peopleCalls,
} as const

export type ApiDefinition = typeof apiDefinition
export type CallName = keyof ApiDefinition
export const CALL_NAMES = Object.keys(apiDefinition) as CallName[]
export type CallArg<K extends CallName> = z.input<ApiDefinition[K]['arg']>
export type ParsedArg<K extends CallName> = z.output<ApiDefinition[K]['arg']>
export type CallResult<K extends CallName> = z.output<ApiDefinition[K]['result']>

/** What the renderer sees as `window.porchlight`. */
export type PorchlightApi = {
  [K in CallName]: undefined extends CallArg<K>
    ? (arg?: CallArg<K>) => Promise<CallResult<K>>
    : (arg: CallArg<K>) => Promise<CallResult<K>>
}

/** The main process's side: one handler per call, given the parsed argument. */
export type ApiHandlers = {
  [K in CallName]: (arg: ParsedArg<K>) => Promise<CallResult<K>>
}

export type Session = CallResult<'getSession'>
export type SyncStatus = CallResult<'getSyncStatus'>
export type SyncReport = z.output<typeof SyncReportSchema>
export type AppSettings = z.output<typeof SettingsSchema>
export type SearchResult = z.output<typeof SearchResultSchema>
export type DeliveryDetail = z.output<typeof DeliveryDetailSchema>
export type DeliveryPhoto = z.output<typeof DeliveryPhotoSchema>

/**
 * Who may make each call, declared once here and enforced by the dispatcher (api/dispatch.ts)
 * before the handler runs, whatever carried the call: anyone (`public`), a signed-in user, or a
 * signed-in supervisor (with the words an agent is refused in).
 */
export type CallAccess = 'public' | 'signed-in' | { supervisor: SupervisorOnly }

/** What only a supervisor may do; an agent is refused in its words (`common:refusal.supervisorOnly`). */
export type SupervisorOnly = 'reports' | 'cannedNotes'

const REPORTS_ARE_FOR_SUPERVISORS = { supervisor: 'reports' } as const
const CANNED_NOTES_ARE_FOR_SUPERVISORS = { supervisor: 'cannedNotes' } as const

/** The words an agent is refused a supervisor's call in, in the language spoken. */
export function supervisorOnlyRefusal(what: SupervisorOnly): string {
  return t(`common:refusal.supervisorOnly.${what}`)
}

export const CALL_ACCESS: { readonly [K in CallName]: CallAccess } = {
  getSession: 'public',
  signIn: 'public',
  signOut: 'public',
  getSyncStatus: 'public',
  syncNow: 'signed-in',
  getSyncReport: 'signed-in',
  getSettings: 'public',
  updateSettings: 'signed-in',
  searchDeliveries: 'signed-in',
  getDelivery: 'signed-in',
  getLookalikes: 'signed-in',
  getAddressHistory: 'signed-in',
  openCase: 'signed-in',
  getCase: 'signed-in',
  listCases: 'signed-in',
  getCaseCounts: 'signed-in',
  addCaseNote: 'signed-in',
  setCaseTicket: 'signed-in',
  findCasesByTicket: 'signed-in',
  changeCaseStatus: 'signed-in',
  assignCase: 'signed-in',
  resolveCase: 'signed-in',
  reopenCase: 'signed-in',
  resolveConflict: 'signed-in',
  listCannedNotes: 'signed-in',
  saveCannedNote: CANNED_NOTES_ARE_FOR_SUPERVISORS,
  deleteCannedNote: CANNED_NOTES_ARE_FOR_SUPERVISORS,
  getMapView: 'public',
  getMapSources: 'public',
  addMapFile: 'public',
  removeMapFile: 'public',
  clearTileCache: 'public',
  getReportOptions: REPORTS_ARE_FOR_SUPERVISORS,
  getReportFigures: REPORTS_ARE_FOR_SUPERVISORS,
  startReportExport: REPORTS_ARE_FOR_SUPERVISORS,
  getReportExport: REPORTS_ARE_FOR_SUPERVISORS,
  cancelReportExport: REPORTS_ARE_FOR_SUPERVISORS,
  revealReportExport: REPORTS_ARE_FOR_SUPERVISORS,
  listReportExports: REPORTS_ARE_FOR_SUPERVISORS,
  getRetention: 'signed-in',
  runRetentionNow: 'signed-in',
  getUnsentWork: 'public',
  signOutAndErase: 'signed-in',
  getDiagnostics: 'public',
  openExternalLink: 'public',
  getUpdateStatus: 'public',
  checkForUpdates: 'public',
  restartToUpdate: 'public',
  recordPhotoView: 'signed-in',
  makeProofSheet: 'signed-in',
  getCacheHealth: 'public',
  recoverCache: 'public',
  dismissCacheRecovery: 'public',
  listPeople: 'signed-in',
}

/** What the preload exposes as `window.porchlight`: every call answers with its outcome. */
export type PorchlightBridge = {
  [K in CallName]: (arg?: CallArg<K>) => Promise<CallOutcome<CallResult<K>>>
}

/** The channel name a call travels on over IPC. */
export const ipcChannel = (name: CallName): string => `porchlight:${name}`
