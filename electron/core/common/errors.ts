// An error meant for the person at the keyboard. Handlers throw it with words they can act on and
// a code the renderer can branch on; anything else that escapes a handler is logged and shown as
// a generic failure (api/dispatch.ts).

/** Every code a failed call can carry, whatever carried the call (IPC, the bridge, the client). */
export const ERROR_CODES = [
  // The dispatcher's own (api/dispatch.ts): who may call, what the argument must be, the rest.
  'signed-out',
  'forbidden',
  'invalid-argument',
  'internal',
  // The hosts and the renderer's client: a call that never reached the dispatcher.
  'refused-sender',
  'needs-user-gesture',
  'unauthorized',
  'unknown-call',
  'bad-request',
  'unreachable',
  'unreadable-answer',
  // The handlers'.
  'bad-credentials',
  'offline',
  'service-busy',
  'sign-in-failed',
  'not-found',
  'not-allowed',
  'not-available',
  'not-removable',
  'not-this-delivery',
  'photo-unavailable',
  'photo-withheld',
  'bad-map-file',
  'cache-recovering',
  'cache-damaged',
  'unavailable',
  'unsent-work',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class UserFacingError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'UserFacingError'
    this.code = code
  }
}
