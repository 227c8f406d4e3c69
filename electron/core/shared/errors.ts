// An error meant for the person at the keyboard. Handlers throw it with words they can act on and
// a code the renderer can branch on; anything else that escapes a handler is logged and shown as
// a generic failure (api/dispatch.ts).

export class UserFacingError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'UserFacingError'
    this.code = code
  }
}
