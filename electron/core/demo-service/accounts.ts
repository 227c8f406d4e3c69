// The demo sign-ins and the bearer tokens issued for them. Tokens live in memory only: a restarted
// demo service answers 401 to old tokens, and the client signs in again.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role, User } from '../contract/schemas.ts'
import { COLLEAGUES } from './names.ts'

export interface DemoAccount {
  username: string
  password: string
  role: Role
  userId: string
  name: string
}

/** Listed in the README and on the sign-in screen in demo mode; not secrets. */
export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = Object.freeze([
  Object.freeze({
    username: 'agent',
    password: 'demo-agent',
    role: 'agent',
    userId: 'u_alex_rivera',
    name: 'Alex Rivera',
  } as const),
  Object.freeze({
    username: 'supervisor',
    password: 'demo-supervisor',
    role: 'supervisor',
    userId: 'u_sam_okafor',
    name: 'Sam Okafor',
  } as const),
  // A second agent, to try a computer shared by two agents (whose unsent work is whose).
  Object.freeze({
    username: 'agent2',
    password: 'demo-agent2',
    role: 'agent',
    userId: 'u_jordan_lee',
    name: 'Jordan Lee',
  } as const),
])

export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000

export function userOf(account: DemoAccount): User {
  return { id: account.userId, name: account.name, role: account.role }
}

/** A demo account, or a colleague who works cases on other consoles (names.ts; no sign-in here). */
export function findUser(userId: string): User | null {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.userId === userId)
  if (account) return userOf(account)
  const colleague = COLLEAGUES.find((candidate) => candidate.id === userId)
  return colleague ? { id: colleague.id, name: colleague.name, role: colleague.role } : null
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Compares through fixed-length digests so the check takes the same time for any guess. */
export function checkCredentials(username: string, password: string): DemoAccount | null {
  let found: DemoAccount | null = null
  for (const account of DEMO_ACCOUNTS) {
    const userMatches = timingSafeEqual(digest(username), digest(account.username))
    const passwordMatches = timingSafeEqual(digest(password), digest(account.password))
    if (userMatches && passwordMatches) found = account
  }
  return found
}

export interface Session {
  token: string
  user: User
  expiresAt: Date
}

export class Sessions {
  readonly #byToken = new Map<string, Session>()
  readonly #now: () => number

  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  issue(account: DemoAccount): Session {
    const session: Session = {
      token: randomBytes(24).toString('base64url'),
      user: userOf(account),
      expiresAt: new Date(this.#now() + TOKEN_LIFETIME_MS),
    }
    this.#byToken.set(session.token, session)
    return session
  }

  verify(token: string): Session | null {
    const session = this.#byToken.get(token)
    if (!session) return null
    if (session.expiresAt.getTime() <= this.#now()) {
      this.#byToken.delete(token)
      return null
    }
    return session
  }

  /** For tests of expiry handling: every token then answers 401 like an unknown one. */
  revokeAll(): void {
    this.#byToken.clear()
  }
}
