// The health of the local cache, in the API (see definition.ts). A damaged cache found at start
// has already been replaced when the window asks (db/recovery/); one found damaged while running
// stops every other call until "Recover now" (recoverCache) replaces it the same way.
import { z } from 'zod'

const NoArg = z.undefined().optional()

export const CacheHealthSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    /** A recovery the person has not acknowledged yet. */
    recovery: z
      .object({
        at: z.string(),
        /** One paragraph: what was wrong, where the damaged file is, what was saved and lost. */
        summary: z.string(),
        /** Case changes waiting to be sent that could not be saved: the person must redo them. */
        unsentChangesLost: z.number(),
      })
      .nullable(),
  }),
  z.object({
    state: z.literal('damaged'),
    /** What is wrong and what "Recover now" does, in words. */
    message: z.string(),
  }),
  z.object({ state: z.literal('recovering') }),
])

export const cacheCalls = {
  getCacheHealth: { arg: NoArg, result: CacheHealthSchema },
  /** Keeps the damaged file aside, saves what can be saved into a new cache, starts afresh. */
  recoverCache: { arg: NoArg, result: CacheHealthSchema },
  /** The person has read the recovery notice. */
  dismissCacheRecovery: { arg: NoArg, result: CacheHealthSchema },
} as const

export type CacheHealth = z.output<typeof CacheHealthSchema>

/** The call names the cache guard answers itself (app/cache-guard.ts), whatever the cache's state. */
export const CACHE_CALLS = Object.keys(cacheCalls) as Array<keyof typeof cacheCalls>
