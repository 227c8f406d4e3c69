// The API handlers of signing in and out, and the session as the renderer sees it. A failed
// sign-in is told in words the person can act on (wrong password, offline, the service busy), in
// the language the core speaks (Settings').
import { type ApiHandlers, type Session as SessionView } from '../api/definition.ts'
import { clockTime } from '../api/service-wait-schemas.ts'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import type { TokenStore } from '../common/token-store.ts'
import type { KnownUsers } from '../db/known-users.ts'
import { ServiceError, type ServiceClient } from '../service/service-client.ts'
import type { Session } from '../session/session.ts'

type SessionHandlerNames = 'getSession' | 'signIn' | 'signOut'

export function createSessionDesk(options: {
  session: Session
  client: ServiceClient
  knownUsers: KnownUsers
  tokenStore: TokenStore
  demo: boolean
  serviceUrl: string
  demoAccounts: SessionView['demoAccounts']
  /** A sign-in starts a sync at once. */
  afterSignIn: () => void
}) {
  const { session, client } = options
  const sessionView = (): SessionView => ({
    user: session.currentUser,
    demo: options.demo,
    serviceUrl: options.serviceUrl,
    notice: options.tokenStore.notice ?? null,
    demoAccounts: options.demoAccounts,
  })

  const handlers: Pick<ApiHandlers, SessionHandlerNames> = {
    getSession: async () => sessionView(),
    signIn: async ({ username, password }) => {
      try {
        const login = await client.login(username, password)
        await session.signedIn(login.token, login.user, { username, password })
        options.knownUsers.remember(login.user)
      } catch (error) {
        throw error instanceof ServiceError ? signInRefusal(error, client) : error
      }
      options.afterSignIn()
      return sessionView()
    },
    signOut: async () => {
      await session.signOut()
      return sessionView()
    },
  }
  return { handlers }
}

/** Why the service refused a sign-in, in words. */
function signInRefusal(error: ServiceError, client: ServiceClient): UserFacingError {
  if (error.kind === 'unauthorized') {
    return new UserFacingError('bad-credentials', t('session:signIn.badCredentials'))
  }
  if (error.kind === 'unreachable') {
    return new UserFacingError('offline', t('session:signIn.offline'))
  }
  const wait = error.kind === 'busy' ? client.serviceWait.now() : null
  if (wait) {
    return new UserFacingError(
      'service-busy',
      t('session:signIn.busy', { time: clockTime(wait.until) }),
    )
  }
  return new UserFacingError(
    'sign-in-failed',
    t('session:signIn.failed', { reason: error.message }),
  )
}
