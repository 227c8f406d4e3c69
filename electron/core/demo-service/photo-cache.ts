// Photo files on disk, rendered on first need. Rendering every photo up front would take longer
// than the service may take to start, so a photo is rendered when a sync page or a download first
// needs its hash or bytes, then kept: in memory as (sha256, size) and on disk as the JPEG, which a
// later run with the same world reads back instead of rendering again.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLimiter } from './limiter.ts'
import type { Limiter } from './limiter.ts'

export interface PhotoFile {
  sha256: string
  bytes: number
  path: string
}

export interface PhotoCacheStats {
  rendered: number
  readFromDisk: number
  /** Wall-clock milliseconds spent with at least one render running. */
  renderWallMs: number
}

export interface PhotoCacheOptions {
  dir: string
  render: (photoId: string) => Promise<Buffer>
  concurrency: number
  /** Called when a background render fails (a foreground one rejects its caller instead). */
  onBackgroundError?: (photoId: string, error: unknown) => void
}

export class PhotoCache {
  readonly dir: string
  readonly #render: (photoId: string) => Promise<Buffer>
  readonly #limit: Limiter
  readonly #known = new Map<string, PhotoFile>()
  readonly #pending = new Map<string, Promise<PhotoFile>>()
  readonly #onBackgroundError: (photoId: string, error: unknown) => void
  readonly #stats: PhotoCacheStats = { rendered: 0, readFromDisk: 0, renderWallMs: 0 }
  #rendering = 0
  #busySince = 0
  #closed = false

  constructor(options: PhotoCacheOptions) {
    this.dir = options.dir
    this.#render = options.render
    this.#limit = createLimiter(options.concurrency)
    this.#onBackgroundError = options.onBackgroundError ?? (() => {})
  }

  async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
  }

  known(photoId: string): PhotoFile | undefined {
    return this.#known.get(photoId)
  }

  stats(): PhotoCacheStats {
    return { ...this.#stats }
  }

  ensure(photoId: string): Promise<PhotoFile> {
    const known = this.#known.get(photoId)
    if (known) return Promise.resolve(known)
    let pending = this.#pending.get(photoId)
    if (!pending) {
      pending = this.#load(photoId).finally(() => this.#pending.delete(photoId))
      this.#pending.set(photoId, pending)
    }
    return pending
  }

  async ensureAll(photoIds: Iterable<string>): Promise<void> {
    await Promise.all([...photoIds].map((id) => this.ensure(id)))
  }

  /** Starts rendering without waiting, so the next page is ready when the client asks for it. */
  prefetch(photoIds: Iterable<string>): void {
    for (const id of photoIds) {
      if (this.#closed) return
      if (this.#known.has(id)) continue
      this.ensure(id).catch((error: unknown) => this.#backgroundFailed(id, error))
    }
  }

  /**
   * Renders the given photos one at a time until done or closed, leaving the other render slots
   * to requests that are waiting for a page.
   */
  async warm(photoIds: Iterable<string>): Promise<void> {
    for (const id of photoIds) {
      if (this.#closed) return
      await this.ensure(id).catch((error: unknown) => this.#backgroundFailed(id, error))
    }
  }

  /** Drops renders not yet started and waits for the running ones, so the folder is quiet. */
  async close(): Promise<void> {
    this.#closed = true
    this.#limit.cancelWaiting(new PhotoCacheClosedError())
    await this.#limit.idle()
  }

  /** Drops what is known about a photo whose file went missing, so the next ensure renders it. */
  forget(photoId: string): void {
    this.#known.delete(photoId)
  }

  pathOf(photoId: string): string {
    return join(this.dir, `${photoId}.jpg`)
  }

  #backgroundFailed(photoId: string, error: unknown): void {
    if (!(error instanceof PhotoCacheClosedError)) this.#onBackgroundError(photoId, error)
  }

  async #load(photoId: string): Promise<PhotoFile> {
    const path = this.pathOf(photoId)
    const onDisk = await readFile(path).catch(() => null)
    if (onDisk && looksLikeJpeg(onDisk)) {
      this.#stats.readFromDisk += 1
      return this.#remember(photoId, onDisk, path)
    }
    if (this.#closed) throw new PhotoCacheClosedError()
    // Render and write inside one slot, so close() can wait until the folder is quiet.
    const bytes = await this.#limit.run(async () => {
      const rendered = await this.#timedRender(photoId)
      // Temp name, then rename: a reader (this or another process sharing the folder) sees
      // either no file or a whole one. No fsync: this is a cache that can be rendered again.
      const temp = join(
        this.dir,
        `.${photoId}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      )
      try {
        // The folder may have been pruned while running (see pruneStalePhotoCaches).
        await mkdir(this.dir, { recursive: true })
        await writeFile(temp, rendered)
        await rename(temp, path)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
      return rendered
    })
    this.#stats.rendered += 1
    return this.#remember(photoId, bytes, path)
  }

  async #timedRender(photoId: string): Promise<Buffer> {
    if (this.#rendering++ === 0) this.#busySince = performance.now()
    try {
      return await this.#render(photoId)
    } finally {
      if (--this.#rendering === 0) this.#stats.renderWallMs += performance.now() - this.#busySince
    }
  }

  #remember(photoId: string, bytes: Buffer, path: string): PhotoFile {
    const file = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      path,
    }
    this.#known.set(photoId, file)
    return file
  }
}

export class PhotoCacheClosedError extends Error {
  constructor() {
    super('The demo service is closed; the photo was not rendered.')
    this.name = 'PhotoCacheClosedError'
  }
}

/** A truncated or foreign file is rendered again rather than served. */
function looksLikeJpeg(bytes: Buffer): boolean {
  return (
    bytes.length > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[bytes.length - 2] === 0xff &&
    bytes[bytes.length - 1] === 0xd9
  )
}
