// The sign-in token, encrypted at rest with the operating system's keystore through Electron's
// safeStorage (its asynchronous API; the synchronous one is deprecated). Where the platform offers
// no real protection, the token is kept in memory only and the person signs in again next start.
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { TokenStore } from '../core/common/token-store.ts'
import type { Logger } from '../core/common/logger.ts'
import { t } from '../core/messages/messages.ts'

export const TOKEN_FILE_NAME = 'session.bin'

/** The parts of `safeStorage` the store uses; the shell passes Electron's, tests a fake. */
export type TokenCipher = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>

export interface TokenStoreOptions {
  /** The folder session.bin lives in (Electron's userData). */
  dir: string
  safeStorage: TokenCipher
  log: Logger
  platform?: NodeJS.Platform
}

/**
 * Whether safeStorage really protects data here. On Linux with no keyring, Chromium falls back to
 * `basic_text`: a hard-coded key, so the "encrypted" file would be readable by anyone who copies it.
 * `unknown` (asked before ready) is treated the same way.
 */
export async function encryptionProtects(
  safeStorage: TokenCipher,
  platform: NodeJS.Platform,
): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend()
    if (backend === 'basic_text' || backend === 'unknown') return false
  }
  return true
}

/** Writes `data` so that a crash leaves either the old file or the new one, never half of one. */
async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export async function createTokenStore(options: TokenStoreOptions): Promise<TokenStore> {
  const { safeStorage, log } = options
  const file = join(options.dir, TOKEN_FILE_NAME)
  const protectedAtRest = await encryptionProtects(
    safeStorage,
    options.platform ?? process.platform,
  )
  if (!protectedAtRest) {
    log.warn(
      'token store: this system offers no protected storage for secrets (no keyring, or ' +
        'safeStorage is unavailable); the sign-in is kept in memory only and is asked for again ' +
        'at the next start.',
    )
    let token: string | null = null
    return {
      protectedAtRest: false,
      // Read when the session is shown, so it is in the language spoken then.
      get notice() {
        return t('shell:tokenStore.notice')
      },
      load: async () => token,
      save: async (value) => {
        token = value
      },
      clear: async () => {
        token = null
        // A file from a run that did have protection is signed out too.
        await rm(file, { force: true })
      },
    }
  }

  let cached: string | null | undefined
  const save = async (value: string): Promise<void> => {
    const encrypted = await safeStorage.encryptStringAsync(value)
    await writeFileAtomically(file, encrypted)
    cached = value
  }
  return {
    protectedAtRest: true,
    async load() {
      if (cached !== undefined) return cached
      const encrypted = await readIfPresent(file)
      if (encrypted === null) {
        cached = null
        return null
      }
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted)
        cached = result
        if (shouldReEncrypt) {
          // The keystore rotated its key: store the token again under the current one.
          await save(result).catch((error: unknown) => {
            log.warn('token store: could not re-encrypt the saved sign-in', error)
          })
        }
        return result
      } catch (error) {
        // A different user, a reset keyring or a damaged file: the token is lost, not the app.
        log.warn(
          'token store: the saved sign-in could not be decrypted; signing in is needed',
          error,
        )
        await rm(file, { force: true })
        cached = null
        return null
      }
    },
    save,
    async clear() {
      cached = null
      await rm(file, { force: true })
    },
  }
}
