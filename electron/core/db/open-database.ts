import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { ensurePrivateDir } from '../common/private-dir.ts'
import { configureConnection } from './configure-connection.ts'
import { refreshPlannerStatistics } from '../deliveries/planner-statistics.ts'
import { migrations } from './migrations/index.ts'
import {
  CACHE_FILE,
  CacheRecoveryError,
  corruptionDetail,
  isCacheCorruption,
  readDamageNote,
  type CacheProblem,
} from './recovery/cache-damage.ts'
import {
  checkOpenedCache,
  FULL_CHECK_MAX_BYTES,
  inspectCacheBytes,
} from './recovery/check-cache-file.ts'
import { recoverCache, resumeRecovery } from './recovery/recover-cache.ts'
import type { CacheRecovery } from './recovery/recovery-report.ts'
import type { Database } from './schema.ts'

export interface LocalDatabase {
  /** Typed queries. */
  readonly db: Kysely<Database>
  /** The raw connection, for bulk paths that prepare their statements once (see callers). */
  readonly sqlite: BetterSqlite3.Database
  readonly file: string
  /**
   * Set when this open found the cache damaged and replaced it: what was wrong, where the damaged
   * file was kept, what was saved (recovery/recovery-report.ts has the words for it).
   */
  readonly recovery: CacheRecovery | null
  close(): Promise<void>
}

export interface OpenOptions {
  migrations?: Record<string, Migration>
  /** Files up to this size get a full quick_check at start (recovery/check-cache-file.ts). */
  fullCheckMaxBytes?: number
}

/**
 * Opens (creating if needed) the cache database in `dataDir` and brings its schema up to date.
 * WAL lets the UI read while sync writes; foreign keys keep photos tied to their delivery.
 *
 * The file is checked first (recovery/check-cache-file.ts). A damaged one is never opened as if
 * it were new: it is kept aside, what can be saved is copied into a new cache, and the rest comes
 * from the service at the next sync (recovery/recover-cache.ts); `recovery` then says so.
 */
export async function openDatabase(
  dataDir: string,
  options: OpenOptions = {},
): Promise<LocalDatabase> {
  ensurePrivateDir(dataDir)
  const file = join(dataDir, CACHE_FILE)
  const schema = options.migrations ?? migrations
  const createCache = async (path: string) => (await openMigrated(path, schema)).sqlite
  const recover = async (problem: CacheProblem) => {
    try {
      return await recoverCache({ dataDir, problem, createCache })
    } catch (error) {
      throw new CacheRecoveryError(problem, error)
    }
  }
  let recovery = await resumeRecovery(dataDir, createCache)
  if (!recovery) {
    const problem = findProblem(dataDir, file, options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES)
    if (problem) recovery = await recover(problem)
  }
  const openChecked = async () => {
    const opened = await openMigrated(file, schema)
    try {
      refreshPlannerStatistics(opened.sqlite)
      return opened
    } catch (error) {
      await opened.close()
      throw error
    }
  }
  let local: Omit<LocalDatabase, 'recovery'>
  try {
    local = await openChecked()
  } catch (error) {
    // A damaged page the start's check did not read (in a large cache only the tables that cannot
    // be fetched again are checked: recovery/check-cache-file.ts) met while opening.
    if (recovery || !isCacheCorruption(error)) throw error
    recovery = await recover({ kind: 'corrupt', detail: corruptionDetail(error) })
    local = await openChecked()
  }
  return { ...local, recovery }
}

/** What is wrong with the cache file, or null when it is sound (or there is none yet). */
function findProblem(
  dataDir: string,
  file: string,
  fullCheckMaxBytes: number,
): CacheProblem | null {
  const noted = readDamageNote(dataDir)
  if (noted) return noted
  const bytes = inspectCacheBytes(file)
  if (bytes.state === 'damaged') return bytes.problem
  if (bytes.state === 'new') return null
  let sqlite: BetterSqlite3.Database
  try {
    // Read-only, so that checking a file changes nothing in it (its log is not checkpointed).
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return { kind: 'corrupt', detail: corruptionDetail(error) }
  }
  try {
    sqlite.pragma('busy_timeout = 5000')
    const verdict = checkOpenedCache(sqlite, bytes.bytes, fullCheckMaxBytes)
    return verdict.state === 'damaged' ? verdict.problem : null
  } finally {
    sqlite.close()
  }
}

async function openMigrated(
  file: string,
  schema: Record<string, Migration>,
): Promise<Omit<LocalDatabase, 'recovery'>> {
  const sqlite = new BetterSqlite3(file)
  try {
    configureConnection(sqlite)
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const migrator = new Migrator({ db, provider: { getMigrations: async () => schema } })
  // Kysely runs SQLite migrations outside a transaction, so a crash inside one would leave half
  // a schema that no later start could migrate. SQLite rolls DDL back, and Kysely shares this
  // one connection: wrapping the whole run makes it all or nothing.
  let outcome: Awaited<ReturnType<typeof migrator.migrateToLatest>>
  try {
    sqlite.exec('BEGIN IMMEDIATE')
    outcome = await migrator.migrateToLatest()
    if (outcome.error) sqlite.exec('ROLLBACK')
    else sqlite.exec('COMMIT')
  } catch (error) {
    await db.destroy()
    throw error
  }
  const { error, results } = outcome
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    await db.destroy()
    throw new Error(
      `The local database could not be updated (migration ${failed}): ${String(error)}`,
    )
  }
  return {
    db,
    sqlite,
    file,
    close: () => db.destroy(),
  }
}
