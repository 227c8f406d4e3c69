// Who is signed in. The token lives in the host's TokenStore (safeStorage in the app, memory
// elsewhere) and in memory here; the user's name and role, which are not secret, are kept in
// the cache so the console can open offline, with the token's hash, so that a token kept for
// another cache (another service's, see cache-identity/) is never restored here. A session that
// is not remembered (the command line) leaves nothing in the cache: no later process runs as
// its user.
import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { UserSchema, type User } from '../contract/schemas.ts'
import type { TokenStore } from '../common/token-store.ts'
import type { Logger } from '../common/logger.ts'
import { createAppState, type AppState } from '../db/app-state.ts'

const USER_KEY = 'session.user'
const TOKEN_HASH_KEY = 'session.token-sha256'

export class Session {
  private token: string | null = null
  private user: User | null = null
  /** What the user typed at sign-in, kept in memory only, to sign in again once on a 401. */
  private credentials: { username: string; password: string } | null = null
  private readonly tokenStore: TokenStore
  private readonly state: AppState
  private readonly log: Logger
  private readonly remember: boolean

  constructor(
    sqlite: BetterSqlite3.Database,
    tokenStore: TokenStore,
    log: Logger,
    options: { remember?: boolean } = {},
  ) {
    this.state = createAppState(sqlite)
    this.tokenStore = tokenStore
    this.log = log
    this.remember = options.remember ?? true
  }

  /**
   * Restores the previous sign-in, if the user is still recorded in this cache and the stored
   * token is the one signed in here. (A sign-in kept before tokens were recorded by hash is not
   * restored: the person signs in once more.)
   */
  async restore(): Promise<void> {
    if (!this.remember) return
    const user = this.readState(USER_KEY)
    const parsed = user ? UserSchema.safeParse(safeJson(user)) : null
    const token = await this.tokenStore.load()
    if (parsed?.success && token && this.readState(TOKEN_HASH_KEY) === tokenHash(token)) {
      this.user = parsed.data
      this.token = token
    }
  }

  get currentToken(): string | null {
    return this.token
  }

  get currentUser(): User | null {
    return this.user
  }

  get canSignInAgain(): boolean {
    return this.credentials !== null
  }

  get rememberedCredentials(): { username: string; password: string } | null {
    return this.credentials
  }

  async signedIn(
    token: string,
    user: User,
    credentials?: { username: string; password: string },
  ): Promise<void> {
    this.token = token
    this.user = user
    if (credentials) this.credentials = credentials
    this.writeState(USER_KEY, JSON.stringify(user))
    this.writeState(TOKEN_HASH_KEY, tokenHash(token))
    try {
      await this.tokenStore.save(token)
    } catch (error) {
      // The token then lives only in memory: the agent signs in again after a restart.
      this.log.warn(
        'the sign-in token could not be stored securely; keeping it in memory only',
        error,
      )
    }
  }

  /** A fresh token for the same user, after signing in again. */
  async renewToken(token: string): Promise<void> {
    this.token = token
    this.writeState(TOKEN_HASH_KEY, tokenHash(token))
    await this.tokenStore.save(token).catch(() => undefined)
  }

  async signOut(): Promise<void> {
    this.token = null
    this.user = null
    this.credentials = null
    if (this.remember) for (const key of [USER_KEY, TOKEN_HASH_KEY]) this.state.remove(key)
    await this.tokenStore.clear()
  }

  private readState(key: string): string | null {
    return this.state.get(key)
  }

  private writeState(key: string, value: string): void {
    if (!this.remember) return
    this.state.set(key, value)
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
