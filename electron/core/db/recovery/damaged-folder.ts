// Where damaged caches are kept: `damaged/` in the data folder, each under the time it was set
// aside (`porchlight-2026-12-07T09-30-00Z.sqlite`, with its -wal and -shm). They hold the same
// customer data as the cache did, so they follow its rules: private like the data folder, gone
// when the local data is erased (privacy/erase-local-data.ts), and removed by retention once the
// delivery records in them would have been (retention/retention.ts).
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export const DAMAGED_DIR = 'damaged'

export function damagedDir(dataDir: string): string {
  return join(dataDir, DAMAGED_DIR)
}

/**
 * A name for a damaged cache set aside at `at` that no file in the folder has yet (a second
 * recovery within the same second gets `-2`). No colons: Windows does not allow them.
 */
export function keptName(dataDir: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z')
  const taken = (name: string) =>
    ['', '-wal', '-shm'].some((suffix) => existsSync(join(damagedDir(dataDir), name + suffix)))
  let name = `porchlight-${stamp}.sqlite`
  for (let n = 2; taken(name); n++) name = `porchlight-${stamp}-${n}.sqlite`
  return name
}

const KEPT = /^porchlight-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z(?:-\d+)?\.sqlite(-wal|-shm)?$/

/** Removes the damaged caches set aside before `cutoff`; returns how many files went. */
export function removeDamagedCachesBefore(dataDir: string, cutoff: Date): number {
  let names: string[]
  try {
    names = readdirSync(damagedDir(dataDir))
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const match = KEPT.exec(name)
    if (!match) continue
    const keptAt = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`)
    if (Number.isNaN(keptAt) || keptAt >= cutoff.getTime()) continue
    rmSync(join(damagedDir(dataDir), name), { force: true })
    removed++
  }
  return removed
}
