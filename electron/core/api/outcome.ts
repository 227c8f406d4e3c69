// The one shape every API call answers with, in Electron (IPC, the preload) and in browser mode
// (the loopback bridge) alike; the renderer's client turns a failure into an ApiError it can
// branch on by `code`. Nothing between the dispatcher and the client rewrites the words.
import { ERROR_CODES, type ErrorCode } from '../common/errors.ts'
import { t } from '../messages/messages.ts'

export { ERROR_CODES, type ErrorCode }

export interface CallError {
  code: ErrorCode
  message: string
}

export type CallOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: CallError }

export const succeeded = <T>(value: T): CallOutcome<T> => ({ ok: true, value })
export const failed = (code: ErrorCode, message: string): CallOutcome<never> => ({
  ok: false,
  error: { code, message },
})

/** True when `value` has the outcome shape (what a host sends back is checked before it is read). */
export function isCallOutcome(value: unknown): value is CallOutcome {
  if (!value || typeof value !== 'object') return false
  const outcome = value as { ok?: unknown; value?: unknown; error?: unknown }
  if (outcome.ok === true) return 'value' in outcome
  if (outcome.ok !== false || !outcome.error || typeof outcome.error !== 'object') return false
  const { code, message } = outcome.error as { code?: unknown; message?: unknown }
  return (
    typeof message === 'string' &&
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code)
  )
}

/** Words the dispatcher and the hosts use for the person, each written once, in the language spoken. */
export const signInFirst = () => t('common:refusal.signInFirst')
export const genericFailure = () => t('common:refusal.generic')
