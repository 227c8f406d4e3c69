// Photos live on disk named by their SHA-256, under <dataDir>/photos/<first two hex>/<sha256>.
// A file only ever appears under that name complete and verified: it is written to a temp
// file, hashed while it streams, fsynced, and renamed into place.
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

const SHA256 = /^[0-9a-f]{64}$/

export function photosDir(dataDir: string): string {
  return join(dataDir, 'photos')
}

export function photoFilePath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
  return join(photosDir(dataDir), sha256.slice(0, 2), sha256)
}

export async function photoFileExists(dataDir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(photoFilePath(dataDir, sha256))).isFile()
  } catch {
    return false
  }
}

export type WriteOutcome =
  | { ok: true; bytes: number }
  | { ok: false; reason: string; bytes: number }

/**
 * Streams `body` to a temp file and keeps it as the photo `sha256` only if the bytes hash to it
 * and stay within `maxBytes`. Nothing is left behind when they do not.
 */
export async function writeVerifiedPhoto(
  dataDir: string,
  sha256: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<WriteOutcome> {
  const tmpDir = join(photosDir(dataDir), 'tmp')
  mkdirSync(tmpDir, { recursive: true, mode: 0o700 })
  const tmp = join(tmpDir, `${randomUUID()}.part`)
  const hash = createHash('sha256')
  let bytes = 0
  const file = await open(tmp, 'wx', 0o600)
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength
      if (bytes > maxBytes) {
        return { ok: false, bytes, reason: `the photo is larger than the ${maxBytes} bytes announced` }
      }
      hash.update(chunk)
      await file.write(chunk)
    }
    const actual = hash.digest('hex')
    if (actual !== sha256) {
      return { ok: false, bytes, reason: 'the bytes received do not match the photo’s SHA-256' }
    }
    await file.sync()
    await file.close()
    const target = photoFilePath(dataDir, sha256)
    mkdirSync(join(photosDir(dataDir), sha256.slice(0, 2)), { recursive: true, mode: 0o700 })
    await rename(tmp, target)
    return { ok: true, bytes }
  } finally {
    await file.close().catch(() => undefined)
    await rm(tmp, { force: true })
  }
}

export async function removePhotoFiles(dataDir: string, sha256s: readonly string[]): Promise<void> {
  await Promise.all(sha256s.map((sha) => rm(photoFilePath(dataDir, sha), { force: true })))
}
