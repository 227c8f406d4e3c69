// Photos live on disk named by their SHA-256, under <dataDir>/photos/<first two hex>/<sha256>.
// A file only ever appears under that name complete and verified: it is streamed to a partial
// file (resumable with Range), hashed whole, fsynced, and renamed into place.
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

const SHA256 = /^[0-9a-f]{64}$/

export function photosDir(dataDir: string): string {
  return join(dataDir, 'photos')
}

export function photoFilePath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
  return join(photosDir(dataDir), sha256.slice(0, 2), sha256)
}

export function thumbnailPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
  return join(photosDir(dataDir), 'thumbnails', sha256.slice(0, 2), `${sha256}.webp`)
}

export async function photoFileExists(dataDir: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(photoFilePath(dataDir, sha256))).isFile()
  } catch {
    return false
  }
}

/** Where a download in progress keeps its bytes; it survives a broken connection. */
export function partialPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
  return join(photosDir(dataDir), 'partial', `${sha256}.part`)
}

export async function partialSize(dataDir: string, sha256: string): Promise<number> {
  try {
    return (await stat(partialPath(dataDir, sha256))).size
  } catch {
    return 0
  }
}

export async function discardPartial(dataDir: string, sha256: string): Promise<void> {
  await rm(partialPath(dataDir, sha256), { force: true })
}

/**
 * Appends `body` to the photo's partial file (starting it at offset 0 when `append` is false).
 * Throws if the stream breaks; what arrived stays on disk for a `Range` request to continue.
 * Returns the partial file's size, or -1 as soon as it would exceed `maxBytes`.
 */
export async function appendToPartial(
  dataDir: string,
  sha256: string,
  body: AsyncIterable<Uint8Array>,
  append: boolean,
  maxBytes: number,
): Promise<number> {
  mkdirSync(join(photosDir(dataDir), 'partial'), { recursive: true, mode: 0o700 })
  const file = await open(partialPath(dataDir, sha256), append ? 'a' : 'w', 0o600)
  try {
    let size = (await file.stat()).size
    for await (const chunk of body) {
      size += chunk.byteLength
      if (size > maxBytes) return -1
      await file.write(chunk)
    }
    return size
  } finally {
    await file.close()
  }
}

/**
 * Hashes the complete partial file and, only if it is the photo `sha256`, fsyncs it and renames
 * it into its content-addressed place. A mismatch deletes it. Returns whether it was kept.
 */
export async function promotePartial(dataDir: string, sha256: string): Promise<boolean> {
  const part = partialPath(dataDir, sha256)
  const hash = createHash('sha256')
  const file = await open(part, 'r+')
  try {
    for await (const chunk of file.createReadStream({ autoClose: false }))
      hash.update(chunk as Buffer)
    if (hash.digest('hex') !== sha256) {
      await file.close()
      await rm(part, { force: true })
      return false
    }
    await file.sync()
  } finally {
    await file.close().catch(() => undefined)
  }
  mkdirSync(join(photosDir(dataDir), sha256.slice(0, 2)), { recursive: true, mode: 0o700 })
  await rename(part, photoFilePath(dataDir, sha256))
  return true
}

/** Removes photos and their thumbnails. */
export async function removePhotoFiles(dataDir: string, sha256s: readonly string[]): Promise<void> {
  await Promise.all(
    sha256s.flatMap((sha) => [
      rm(photoFilePath(dataDir, sha), { force: true }),
      rm(thumbnailPath(dataDir, sha), { force: true }),
    ]),
  )
}

/**
 * Removes what an interrupted run leaves behind: temporary thumbnails, partial downloads that no
 * pending photo will resume, and photo files and thumbnails that no row refers to any more. The
 * last happen when the process dies between a tombstone's commit and the removal of its files;
 * without this an erased photo would stay on disk for good. Call it only while no download or
 * thumbnail is being written (before a run's photo step).
 */
export async function removeStrayFiles(
  dataDir: string,
  isReferenced: (sha256: string) => boolean,
  isResumable: (sha256: string) => boolean,
): Promise<void> {
  const root = photosDir(dataDir)
  const stray: string[] = []
  for (const dir of await listDir(root)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue
    for (const name of await listDir(join(root, dir))) {
      if (!isReferenced(name)) stray.push(join(root, dir, name))
    }
  }
  for (const dir of await listDir(join(root, 'thumbnails'))) {
    for (const name of await listDir(join(root, 'thumbnails', dir))) {
      if (!(name.endsWith('.webp') && isReferenced(name.slice(0, -'.webp'.length)))) {
        stray.push(join(root, 'thumbnails', dir, name))
      }
    }
  }
  for (const name of await listDir(join(root, 'partial'))) {
    if (!isResumable(name.replace(/\.part$/, ''))) stray.push(join(root, 'partial', name))
  }
  await Promise.all(stray.map((path) => rm(path, { force: true }).catch(() => undefined)))
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}
