// Runs one API call on behalf of a renderer, whatever carried it (Electron IPC or the
// browser-mode bridge): checks who may make it (CALL_ACCESS), then the argument, calls the
// handler, checks the result, and answers with one outcome shape, never leaking internals.
import type { Logger } from '../common/logger.ts'
import type { Role } from '../contract/schemas.ts'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import {
  CALL_ACCESS,
  apiDefinition,
  supervisorOnlyRefusal,
  type ApiHandlers,
  type CallName,
} from './definition.ts'
import { genericFailure, signInFirst, failed, succeeded, type CallOutcome } from './outcome.ts'

export { genericFailure } from './outcome.ts'

/** What the dispatcher runs calls on: the handlers, and who is signed in right now. */
export interface CallTarget {
  readonly handlers: ApiHandlers
  currentUser(): { readonly role: Role } | null
}

/** "Invalid request to signIn: username: Enter your user name" — the call, the field, the rule. */
export function describeArgumentError(
  name: CallName,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): string {
  const details = issues.map((issue) => {
    const field = issue.path.map(String).join('.')
    return field === '' ? issue.message : `${field}: ${issue.message}`
  })
  return t('common:refusal.invalidRequest', { call: name, details: details.join('; ') })
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(apiDefinition, name)
}

/** Why the signed-in user (or nobody) may not make `name`; null when they may. */
export function accessRefusal(
  name: CallName,
  user: { role: Role } | null,
): CallOutcome<never> | null {
  const access = CALL_ACCESS[name]
  if (access === 'public') return null
  if (!user) return failed('signed-out', signInFirst())
  if (access === 'signed-in' || user.role === 'supervisor') return null
  return failed('forbidden', supervisorOnlyRefusal(access.supervisor))
}

export async function dispatchCall(
  target: CallTarget,
  name: CallName,
  rawArg: unknown,
  log: Logger,
): Promise<CallOutcome> {
  // Who first: a caller who may not make the call learns nothing about its argument.
  const refusal = accessRefusal(name, target.currentUser())
  if (refusal) return refusal
  const definition = apiDefinition[name]
  const arg = definition.arg.safeParse(rawArg)
  if (!arg.success) {
    return failed('invalid-argument', describeArgumentError(name, arg.error.issues))
  }
  try {
    const handler = target.handlers[name] as (a: unknown) => Promise<unknown>
    const result = definition.result.safeParse(await handler(arg.data))
    if (!result.success) {
      log.error(`${name} returned a result that breaks its schema`, result.error.issues)
      return failed('internal', genericFailure())
    }
    return succeeded(result.data)
  } catch (error) {
    if (error instanceof UserFacingError) return failed(error.code, error.message)
    log.error(`${name} failed`, error)
    return failed('internal', genericFailure())
  }
}
