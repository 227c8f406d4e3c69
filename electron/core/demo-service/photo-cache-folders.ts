// Housekeeping of the default photo cache root. The default world changes every day (its anchor
// is today), and each day's photos take tens of megabytes in the temp folder.
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

const STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000
/** Only folders this service names (see defaultPhotoCacheDir) are ever removed. */
const CACHE_FOLDER = /^\d+-\d+-[0-9T-]+Z?-v\d+$/

export async function pruneStalePhotoCaches(
  root: string,
  keep: string,
  now = Date.now(),
): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isDirectory() || !CACHE_FOLDER.test(entry.name)) continue
    const path = join(root, entry.name)
    if (path === keep) continue
    const info = await stat(path).catch(() => null)
    if (info && now - info.mtimeMs > STALE_AFTER_MS)
      await rm(path, { recursive: true, force: true })
  }
}
