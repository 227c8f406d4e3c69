import type { TokenStore } from '../common/token-store.ts'

/** Keeps the token in memory only: for browser mode, the command line and tests. */
export function createMemoryTokenStore(): TokenStore {
  let token: string | null = null
  return {
    protectedAtRest: false,
    load: async () => token,
    save: async (t) => {
      token = t
    },
    clear: async () => {
      token = null
    },
  }
}
