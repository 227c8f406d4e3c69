// Who is signed in. The token lives in the host's TokenStore (safeStorage in the app, memory
// elsewhere) and in memory here; the user's name and role, which are not secret, are kept in
// the cache so the console can open offline.
import type BetterSqlite3 from 'better-sqlite3'
import { UserSchema, type User } from '../contract/schemas.ts'
import type { Logger, TokenStore } from '../app/types.ts'

const USER_KEY = 'session.user'

export class Session {
  private token: string | null = null
  private user: User | null = null
  /** What the user typed at sign-in, kept in memory only, to sign in again once on a 401. */
  private credentials: { username: string; password: string } | null = null
  private readonly tokenStore: TokenStore
  private readonly sqlite: BetterSqlite3.Database
  private readonly log: Logger

  constructor(sqlite: BetterSqlite3.Database, tokenStore: TokenStore, log: Logger) {
    this.sqlite = sqlite
    this.tokenStore = tokenStore
    this.log = log
  }

  /** Restores the previous sign-in, if both the token and the user are still there. */
  async restore(): Promise<void> {
    const row = this.sqlite
      .prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?')
      .get(USER_KEY)
    const parsed = row ? UserSchema.safeParse(safeJson(row.value)) : null
    const token = await this.tokenStore.load()
    if (parsed?.success && token) {
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
    this.sqlite
      .prepare(
        'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(USER_KEY, JSON.stringify(user))
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
    await this.tokenStore.save(token).catch(() => undefined)
  }

  async signOut(): Promise<void> {
    this.token = null
    this.user = null
    this.credentials = null
    this.sqlite.prepare('DELETE FROM app_state WHERE key = ?').run(USER_KEY)
    await this.tokenStore.clear()
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
