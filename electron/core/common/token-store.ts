// Where the sign-in token is kept. The host decides: the Electron shell seals it with the
// operating system's keystore (electron/main/token-store.ts); elsewhere it lives in memory
// (app/memory-token-store.ts).
export interface TokenStore {
  load(): Promise<string | null>
  save(token: string): Promise<void>
  clear(): Promise<void>
  /** False when the store cannot protect the token at rest (it then keeps it in memory only). */
  readonly protectedAtRest: boolean
  /** What the user should know about how their sign-in is kept, or null when nothing. */
  readonly notice?: string | null
}
