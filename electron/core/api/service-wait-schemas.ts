// When the delivery service asks Porchlight to wait (429/503 with Retry-After): what the sync
// status and the sync report say about it, and one wording for the status bar, the sync report
// and the command line (the renderer and the core both import this).
import { z } from 'zod'
import { t } from '../messages/messages.ts'

/** What a request is for: the sync report says which one the service asked to wait. */
export const REQUEST_KINDS = [
  'sign-in',
  'health',
  'deliveries',
  'cases',
  'photo',
  'case-event',
  'photo-views',
  'people',
] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** A wait the service asked of a sync run. */
export const RunServiceWaitSchema = z.object({
  /** When the answer that set `until` arrived. */
  askedAt: z.string(),
  /** Nothing was sent before this instant. */
  until: z.string(),
  /** The request that got that answer. */
  request: z.enum(REQUEST_KINDS),
  status: z.number(),
  /** How many answers asked to wait during the run (0: a wait asked before it held it). */
  times: z.number(),
})
export type RunServiceWait = z.output<typeof RunServiceWaitSchema>

/** "a photo download": the request that got the answer, as a person would say it. */
export function requestWords(kind: RequestKind): string {
  return t(`sync:wait.request.${kind}`)
}

/** "14:32": the instant in the local time of the computer, hours and minutes. */
export function clockTime(instant: string | number | Date): string {
  const date = new Date(instant)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(date.getHours())}:${two(date.getMinutes())}`
}

/** "The delivery service asked us to wait until 14:32" */
export function serviceWaitWords(until: string | number | Date): string {
  return t('sync:wait.until', { time: clockTime(until) })
}
