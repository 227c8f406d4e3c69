// Reading the delivery service's answers: each body parsed with the contract's zod schema before
// anything else sees it, and error answers in words.
import type { z } from 'zod'
import { ProblemSchema } from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'
import { ServiceError, type ServiceErrorKind } from './service-error.ts'

/** The service's error answer as a ServiceError, with its problem detail where it gives one. */
export async function failure(response: Response, what: string): Promise<ServiceError> {
  let detail = ''
  try {
    const problem = ProblemSchema.safeParse(await response.json())
    if (problem.success) detail = problem.data.detail ?? problem.data.title ?? ''
  } catch {
    // Not a problem+json body; the status says enough.
  }
  const kind: ServiceErrorKind =
    response.status === 401 ? 'unauthorized' : response.status === 410 ? 'gone' : 'http'
  const { status } = response
  return new ServiceError(
    kind,
    detail
      ? t('sync:error.httpFailedDetail', { what, status, detail })
      : t('sync:error.httpFailed', { what, status }),
    status,
  )
}

/** A JSON answer, checked against the contract's schema. */
export async function json<S extends z.ZodType>(
  response: Response,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let text: string
  try {
    text = await response.text()
  } catch {
    throw new ServiceError('invalid', t('sync:error.notJson', { what }))
  }
  return parseText(text, schema, what)
}

export function parseText<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ServiceError('invalid', t('sync:error.notJson', { what }))
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ServiceError(
      'invalid',
      t('sync:error.breaksContract', {
        what,
        problem: parsed.error.issues[0]?.message ?? 'invalid',
      }),
    )
  }
  return parsed.data
}

/** A response body as JSON, or null when it is empty, cut off or not JSON. */
export async function jsonOrNull(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  try {
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

/** Why a request got no answer, in a few words. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return t('sync:error.noAnswerInTime')
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? error.message
  }
  return String(error)
}
