// When the delivery service asks Porchlight to wait (429/503 with Retry-After): what the sync
// status and the sync report say about it, and one wording for the status bar, the sync report
// and the command line (the renderer and the core both import this).
import { z } from 'zod'

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

const REQUEST_WORDS: Record<RequestKind, string> = {
  'sign-in': 'the sign-in',
  health: 'a connection check',
  deliveries: 'a page of deliveries',
  cases: 'a page of cases',
  photo: 'a photo download',
  'case-event': 'a case change being sent',
  'photo-views': 'the photo-view audit being sent',
  people: 'the directory of people',
}

/** "a photo download": the request that got the answer, as a person would say it. */
export function requestWords(kind: RequestKind): string {
  return REQUEST_WORDS[kind]
}

/** "14:32": the instant in the local time of the computer, hours and minutes. */
export function clockTime(instant: string | number | Date): string {
  const date = new Date(instant)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(date.getHours())}:${two(date.getMinutes())}`
}

/** "The delivery service asked us to wait until 14:32" */
export function serviceWaitWords(until: string | number | Date): string {
  return `The delivery service asked us to wait until ${clockTime(until)}`
}
