// Stands between the hosts (the Electron shell, browser mode, the command line) and the core, for
// one reason: the cache file can turn out to be damaged while Porchlight runs. A damaged page met
// by a call, a sync or the retention pass would otherwise fail every later call with "internal
// error". Instead, the first such error:
//
// - is recognised (SQLITE_CORRUPT, SQLITE_NOTADB: db/recovery/cache-damage.ts) and noted beside
//   the cache, so the next start recovers it even if this process ends now;
// - closes the core (the sync stops, nothing more is written to the damaged file);
// - turns every later call into one clear answer ("The local cache is damaged: ..."), and
//   `getCacheHealth` into the state the window shows as its own screen.
//
// "Recover now" (recoverCache) builds the core again: opening the cache finds the note and
// replaces the cache (db/recovery/recover-cache.ts) before anything else runs. The sign-in
// survives (the token store is the host's; who is signed in is among what is saved).
import type BetterSqlite3 from 'better-sqlite3'
import { CACHE_CALLS, type CacheHealth } from '../api/cache-schemas.ts'
import { CALL_NAMES, type ApiHandlers, type CallName } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import {
  corruptionDetail,
  isCacheCorruption,
  markCacheDamaged,
} from '../db/recovery/cache-damage.ts'
import {
  describeDamage,
  describeRecovery,
  dismissRecoveryNotice,
  readRecoveryNotice,
  type CacheRecovery,
} from '../db/recovery/recovery-report.ts'
import type { PorchlightCore } from './types.ts'
import type { Logger } from '../common/logger.ts'

type CacheCallName = (typeof CACHE_CALLS)[number]

/** The core as createPorchlight assembles it, before the guard adds the cache calls. */
export interface UnguardedCore {
  handlers: Omit<ApiHandlers, CacheCallName>
  cache: PorchlightCore['cache']
  resolvePhoto: PorchlightCore['resolvePhoto']
  getTile: PorchlightCore['getTile']
  resolveExport: PorchlightCore['resolveExport']
  currentUser: PorchlightCore['currentUser']
  syncOnce: PorchlightCore['syncOnce']
  close(): Promise<void>
  /** The cache's connection, for the recovery notice. */
  sqlite: BetterSqlite3.Database
  /** What opening the cache recovered, when it found it damaged. */
  recovery: CacheRecovery | null
}

/** Builds the core; it reports errors from its background work (sync, retention) to the guard. */
export type BuildCore = (onBackgroundError: (error: unknown) => void) => Promise<UnguardedCore>

/** Every call's answer while the cache is damaged. */
export class CacheDamagedError extends UserFacingError {
  /** What is wrong, in SQLite's words. */
  readonly detail: string
  constructor(detail: string) {
    super('cache-damaged', describeDamage(detail, 'recover-now'))
    this.detail = detail
  }
}

export async function guardCache(
  options: { log: Logger },
  build: BuildCore,
): Promise<PorchlightCore> {
  const { log } = options
  let core: UnguardedCore | null = null
  /** What is wrong with the cache; null while it is sound. */
  let damage: string | null = null
  let closing: Promise<void> = Promise.resolve()
  let recovering: Promise<void> | null = null
  let lastRecovery: CacheRecovery | null = null
  /** The cache in use (the data folder or a separate cache in it); kept while it is closed. */
  let cache: PorchlightCore['cache'] | null = null
  /** Who was signed in when the core was last in use: a damaged cache keeps its answer for them. */
  let lastUser: ReturnType<PorchlightCore['currentUser']> = null

  const damaged = () => new CacheDamagedError(damage ?? 'it is not open')

  /** Takes the core out of use at the first sign of damage. Other errors pass untouched. */
  const noticeDamage = (error: unknown) => {
    if (damage !== null || !isCacheCorruption(error)) return
    damage = corruptionDetail(error)
    if (cache) markCacheDamaged(cache.dir, error)
    log.error('the local cache is damaged; Porchlight stopped using it', error)
    const stopping = core
    core = null
    closing = (stopping?.close() ?? Promise.resolve()).catch((closeError: unknown) =>
      log.error('closing the damaged cache failed', closeError),
    )
  }

  const current = (): UnguardedCore => {
    if (recovering) {
      throw new UserFacingError(
        'cache-recovering',
        'Porchlight is recovering its local cache. Try again in a moment.',
      )
    }
    if (damage !== null || !core) throw damaged()
    return core
  }

  /** Runs `work` on the core; a damaged page it meets becomes the one clear answer. */
  const guarded = async <T>(work: (c: UnguardedCore) => Promise<T>): Promise<T> => {
    const c = current()
    try {
      return await work(c)
    } catch (error) {
      noticeDamage(error)
      // Calls still under way when the core was closed fail in other ways: same answer.
      if (damage !== null) throw damaged()
      throw error
    }
  }

  const health = (): CacheHealth => {
    if (recovering) return { state: 'recovering' }
    if (damage !== null || !core) {
      return { state: 'damaged', message: damaged().message }
    }
    let notice: CacheRecovery | null
    try {
      notice = readRecoveryNotice(core.sqlite)
    } catch (error) {
      noticeDamage(error)
      if (damage !== null) return { state: 'damaged', message: damaged().message }
      throw error
    }
    return {
      state: 'ok',
      recovery: notice && {
        at: notice.at,
        summary: describeRecovery(notice),
        unsentChangesLost: notice.lost.caseChanges.filter((c) => c.waiting === true).length,
      },
    }
  }

  const start = async () => {
    core = await build(noticeDamage)
    cache = core.cache
    damage = null
    if (core.recovery) {
      lastRecovery = core.recovery
      log.info(describeRecovery(core.recovery))
    }
  }

  const recover = (): Promise<void> => {
    if (recovering) return recovering
    if (damage === null && core) return Promise.resolve()
    recovering = (async () => {
      await closing
      try {
        await start()
      } catch (error) {
        log.error('recovering the local cache failed', error)
        damage = `it could not be recovered (${corruptionDetail(error)})`
      }
    })().finally(() => {
      recovering = null
    })
    return recovering
  }

  await start()

  const handlers = {} as Record<CallName, (arg: unknown) => Promise<unknown>>
  for (const name of CALL_NAMES) {
    if ((CACHE_CALLS as readonly string[]).includes(name)) continue
    const call = name as Exclude<CallName, CacheCallName>
    handlers[call] = (arg) =>
      guarded((c) => (c.handlers[call] as (a: unknown) => Promise<unknown>)(arg))
  }
  handlers.getCacheHealth = async () => health()
  handlers.recoverCache = async () => {
    await recover()
    return health()
  }
  handlers.dismissCacheRecovery = async () => {
    if (core && damage === null) dismissRecoveryNotice(core.sqlite)
    return health()
  }

  return {
    handlers: handlers as unknown as ApiHandlers,
    resolvePhoto: async (photoId, request) => {
      if (damage !== null || recovering || !core)
        return { ok: false, status: 404, reason: 'The local cache is not available.' }
      try {
        return await core.resolvePhoto(photoId, request)
      } catch (error) {
        noticeDamage(error)
        if (damage !== null)
          return { ok: false, status: 404, reason: 'The local cache is damaged.' }
        throw error
      }
    },
    getTile: async (address) => (core && damage === null ? core.getTile(address) : null),
    resolveExport: (jobId) =>
      core && damage === null
        ? core.resolveExport(jobId)
        : { ok: false, status: 404, reason: 'The local cache is not available.' },
    currentUser: () => {
      if (core && damage === null && !recovering) lastUser = core.currentUser()
      return lastUser
    },
    syncOnce: () => guarded((c) => c.syncOnce()),
    get cache() {
      // Set by the first start, which either succeeded or threw out of guardCache.
      return cache as PorchlightCore['cache']
    },
    get cacheRecovery() {
      return lastRecovery
    },
    close: async () => {
      await recovering
      await closing
      const closingCore = core
      core = null
      await closingCore?.close()
    },
  }
}
