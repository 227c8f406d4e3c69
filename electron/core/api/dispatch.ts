// Runs one API call on behalf of a renderer, whatever carried it (Electron IPC or the
// browser-mode bridge): validates the argument, calls the handler, checks the result, and turns
// failures into words for the user without leaking internals.
import type { Logger } from '../shared/logger.ts'
import { apiDefinition, type ApiHandlers, type CallName } from './definition.ts'
import { UserFacingError } from '../shared/errors.ts'

export type DispatchOutcome =
  { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }

export const GENERIC_FAILURE = 'Something went wrong in Porchlight. The details are in the log.'

/** "Invalid request to signIn: username: Enter your user name" — the call, the field, the rule. */
export function describeArgumentError(
  name: CallName,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): string {
  const details = issues.map((issue) => {
    const field = issue.path.map(String).join('.')
    return field === '' ? issue.message : `${field}: ${issue.message}`
  })
  return `Invalid request to ${name}: ${details.join('; ')}`
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(apiDefinition, name)
}

export async function dispatchCall(
  handlers: ApiHandlers,
  name: CallName,
  rawArg: unknown,
  log: Logger,
): Promise<DispatchOutcome> {
  const definition = apiDefinition[name]
  const arg = definition.arg.safeParse(rawArg)
  if (!arg.success) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: describeArgumentError(name, arg.error.issues) },
    }
  }
  try {
    const handler = handlers[name] as (a: unknown) => Promise<unknown>
    const result = definition.result.safeParse(await handler(arg.data))
    if (!result.success) {
      log.error(`${name} returned a result that breaks its schema`, result.error.issues)
      return { ok: false, error: { code: 'internal', message: GENERIC_FAILURE } }
    }
    return { ok: true, result: result.data }
  } catch (error) {
    if (error instanceof UserFacingError) {
      return { ok: false, error: { code: error.code, message: error.message } }
    }
    log.error(`${name} failed`, error)
    return { ok: false, error: { code: 'internal', message: GENERIC_FAILURE } }
  }
}
