// How every command opens the cache. A cache found damaged is recovered by opening it
// (db/open-database.ts); the command then stops with the one paragraph that says what happened,
// so a script sees a non-zero exit, and the person runs it again on the new cache.
import {
  describeDamage,
  describeRecovery,
  type CacheRecovery,
} from '../db/recovery/recovery-report.ts'
import { corruptionDetail, markCacheDamaged } from '../db/recovery/cache-damage.ts'
import { openDatabase, type LocalDatabase } from '../db/open-database.ts'
import { CommandFailed } from './usage.ts'

export async function openCache(dataDir: string): Promise<LocalDatabase> {
  const local = await openDatabase(dataDir)
  if (local.recovery) {
    await local.close()
    throw recoveredCache(local.recovery)
  }
  return local
}

/** The command's answer when opening the cache just recovered it. */
export function recoveredCache(recovery: CacheRecovery): CommandFailed {
  return new CommandFailed(
    `${describeRecovery(recovery)} Run the command again to use the new cache.`,
  )
}

/**
 * A damaged page met while the command ran: noted for the next start (unless the core did it
 * already: `dataDir` null), said in words.
 */
export function damagedCache(dataDir: string | null, error: unknown): CommandFailed {
  if (dataDir !== null) markCacheDamaged(dataDir, error)
  return new CommandFailed(describeDamage(corruptionDetail(error), 'next-start'))
}
