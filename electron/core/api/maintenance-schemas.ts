// Looking after the installation, in the API (see definition.ts): diagnostics to copy for
// support, opening a web link the person clicked in their browser, and updates.
import { z } from 'zod'

const NoArg = z.undefined().optional()

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  /** Why updates are off: demo mode, not an installed app, or no update feed configured. */
  z.object({ state: z.literal('disabled'), reason: z.enum(['demo', 'not-installed', 'no-feed']) }),
  z.object({ state: z.literal('idle'), lastCheckAt: z.string().nullable() }),
  z.object({ state: z.literal('checking'), lastCheckAt: z.string().nullable() }),
  z.object({ state: z.literal('downloading'), version: z.string(), lastCheckAt: z.string() }),
  z.object({ state: z.literal('ready'), version: z.string(), lastCheckAt: z.string() }),
  /** The last check or download failed; it is tried again the next day. */
  z.object({ state: z.literal('failed'), lastCheckAt: z.string().nullable() }),
])

export const maintenanceCalls = {
  getDiagnostics: {
    arg: NoArg,
    result: z.object({
      /** Plain text for the clipboard: versions, OS, settings, sync state, recent log lines. */
      text: z.string(),
      /** Where the full (redacted) log is, when there is a log file. */
      logFile: z.string().nullable(),
    }),
  },
  openExternalLink: {
    arg: z.object({ url: z.string().min(1).max(2048) }),
    result: z.object({ opened: z.boolean() }),
  },
  getUpdateStatus: { arg: NoArg, result: UpdateStatusSchema },
  checkForUpdates: { arg: NoArg, result: UpdateStatusSchema },
  restartToUpdate: { arg: NoArg, result: z.object({ restarting: z.boolean() }) },
} as const

/**
 * Calls the preload lets through only while the page has a fresh user gesture (a click or a key
 * press), so a script cannot open links in the browser on its own.
 */
export const USER_GESTURE_CALLS: readonly string[] = ['openExternalLink']

export type UpdateStatus = z.output<typeof UpdateStatusSchema>
