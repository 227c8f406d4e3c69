// The user a signed-in call runs for. The dispatcher (api/dispatch.ts) refuses a call declared
// `signed-in` or `supervisor` in CALL_ACCESS before its handler runs, so finding nobody here is a
// bug in Porchlight (a handler called around the dispatcher), not something a person can fix.
import type { User } from '../contract/schemas.ts'

export function signedInUser(currentUser: () => User | null): User {
  const user = currentUser()
  if (!user)
    throw new Error('A signed-in call ran with nobody signed in (called around dispatchCall).')
  return user
}
