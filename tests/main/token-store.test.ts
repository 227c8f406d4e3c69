import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Logger } from '../../electron/core/common/logger.ts'
import { createTokenStore, TOKEN_FILE_NAME } from '../../electron/main/token-store.ts'
import type { TokenCipher } from '../../electron/main/token-store.ts'

type Backend = ReturnType<TokenCipher['getSelectedStorageBackend']>

/** A stand-in for safeStorage: reversible, tagged, and never the plain text on disk. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: Backend; reEncrypt?: boolean } = {},
) {
  const encryptions: string[] = []
  const cipher: TokenCipher = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain) => {
      encryptions.push(plain)
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').reverse()])
    },
    decryptStringAsync: async (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting')
      return {
        result: Buffer.from(encrypted.subarray(3)).reverse().toString('utf8'),
        shouldReEncrypt: options.reEncrypt ?? false,
      }
    },
  }
  return { cipher, encryptions }
}

function recordingLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porchlight-token-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const TOKEN = 'eyJhbGciOi.secret-token.signature'

describe('token store with real protection', () => {
  it('round-trips the token through an encrypted, owner-only file', async () => {
    const { cipher } = fakeSafeStorage()
    const log = recordingLog()
    const store = await createTokenStore({ dir, safeStorage: cipher, log, platform: 'linux' })
    expect(store.protectedAtRest).toBe(true)
    expect(await store.load()).toBeNull()

    await store.save(TOKEN)
    const file = join(dir, TOKEN_FILE_NAME)
    const onDisk = await readFile(file)
    expect(onDisk.toString('utf8')).not.toContain(TOKEN)
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(dir)).toEqual([TOKEN_FILE_NAME])

    // A fresh start reads it back.
    const next = await createTokenStore({ dir, safeStorage: cipher, log, platform: 'linux' })
    expect(await next.load()).toBe(TOKEN)

    await next.clear()
    expect(await next.load()).toBeNull()
    expect(await readdir(dir)).toEqual([])
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('replaces the file atomically on a second save', async () => {
    const { cipher } = fakeSafeStorage()
    const store = await createTokenStore({
      dir,
      safeStorage: cipher,
      log: recordingLog(),
      platform: 'darwin',
    })
    await store.save('first')
    await store.save('second')
    expect(await readdir(dir)).toEqual([TOKEN_FILE_NAME])
    const next = await createTokenStore({
      dir,
      safeStorage: cipher,
      log: recordingLog(),
      platform: 'darwin',
    })
    expect(await next.load()).toBe('second')
  })

  it('re-encrypts when the keystore asks for it', async () => {
    const plain = fakeSafeStorage()
    await (
      await createTokenStore({ dir, safeStorage: plain.cipher, log: recordingLog() })
    ).save(TOKEN)
    const rotating = fakeSafeStorage({ reEncrypt: true })
    const store = await createTokenStore({ dir, safeStorage: rotating.cipher, log: recordingLog() })
    expect(await store.load()).toBe(TOKEN)
    expect(rotating.encryptions).toEqual([TOKEN])
  })

  it('forgets a file it cannot decrypt and asks for a new sign-in', async () => {
    await writeFile(join(dir, TOKEN_FILE_NAME), 'garbage')
    const log = recordingLog()
    const store = await createTokenStore({ dir, safeStorage: fakeSafeStorage().cipher, log })
    expect(await store.load()).toBeNull()
    expect(await readdir(dir)).toEqual([])
    expect(log.warn).toHaveBeenCalledOnce()
  })
})

describe('token store without real protection', () => {
  it.each([
    ['linux basic_text', { backend: 'basic_text' as const }, 'linux' as const],
    ['linux before ready', { backend: 'unknown' as const }, 'linux' as const],
    ['encryption unavailable', { available: false }, 'win32' as const],
  ])('%s: keeps the token in memory only and warns', async (_label, fake, platform) => {
    const { cipher, encryptions } = fakeSafeStorage(fake)
    const log = recordingLog()
    const store = await createTokenStore({ dir, safeStorage: cipher, log, platform })
    expect(store.protectedAtRest).toBe(false)
    expect(log.warn).toHaveBeenCalledOnce()

    await store.save(TOKEN)
    expect(await store.load()).toBe(TOKEN)
    expect(await readdir(dir)).toEqual([])
    expect(encryptions).toEqual([])

    await store.clear()
    expect(await store.load()).toBeNull()
  })

  it('does not ask for the Linux backend on other platforms', async () => {
    const { cipher } = fakeSafeStorage({ backend: 'basic_text' })
    const store = await createTokenStore({
      dir,
      safeStorage: cipher,
      log: recordingLog(),
      platform: 'darwin',
    })
    expect(store.protectedAtRest).toBe(true)
  })
})
