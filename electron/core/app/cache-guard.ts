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
import { t } from '../messages/messages.ts'
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
  const guard = new CacheGuard(options.log, build)
  await guard.start()
  return guard.core()
}

/** The one core in use, the damage found in its cache, and its recovery. */
class CacheGuard {
  private unguarded: UnguardedCore | null = null
  /** What is wrong with the cache; null while it is sound. */
  private damage: string | null = null
  private closing: Promise<void> = Promise.resolve()
  private recovering: Promise<void> | null = null
  private lastRecovery: CacheRecovery | null = null
  /** The cache in use (the data folder or a separate cache in it); kept while it is closed. */
  private cache: PorchlightCore['cache'] | null = null
  /** Who was signed in when the core was last in use: a damaged cache keeps its answer for them. */
  private lastUser: ReturnType<PorchlightCore['currentUser']> = null
  private readonly log: Logger
  private readonly build: BuildCore

  constructor(log: Logger, build: BuildCore) {
    this.log = log
    this.build = build
  }

  private damaged() {
    return new CacheDamagedError(this.damage ?? 'it is not open')
  }

  /** The core, while its cache is sound and not being recovered. */
  private usable(): UnguardedCore | null {
    return this.unguarded && this.damage === null && !this.recovering ? this.unguarded : null
  }

  /** Takes the core out of use at the first sign of damage. Other errors pass untouched. */
  readonly noticeDamage = (error: unknown) => {
    if (this.damage !== null || !isCacheCorruption(error)) return
    this.damage = corruptionDetail(error)
    if (this.cache) markCacheDamaged(this.cache.dir, error)
    this.log.error('the local cache is damaged; Porchlight stopped using it', error)
    const stopping = this.unguarded
    this.unguarded = null
    this.closing = (stopping?.close() ?? Promise.resolve()).catch((closeError: unknown) =>
      this.log.error('closing the damaged cache failed', closeError),
    )
  }

  private current(): UnguardedCore {
    if (this.recovering) {
      throw new UserFacingError('cache-recovering', t('app:cacheReport.recovering'))
    }
    if (this.damage !== null || !this.unguarded) throw this.damaged()
    return this.unguarded
  }

  /** Runs `work` on the core; a damaged page it meets becomes the one clear answer. */
  private async guarded<T>(work: (c: UnguardedCore) => Promise<T>): Promise<T> {
    const c = this.current()
    try {
      return await work(c)
    } catch (error) {
      this.noticeDamage(error)
      // Calls still under way when the core was closed fail in other ways: same answer.
      if (this.damage !== null) throw this.damaged()
      throw error
    }
  }

  health(): CacheHealth {
    if (this.recovering) return { state: 'recovering' }
    const core = this.unguarded
    if (this.damage !== null || !core) return { state: 'damaged', message: this.damaged().message }
    let notice: CacheRecovery | null
    try {
      notice = readRecoveryNotice(core.sqlite)
    } catch (error) {
      this.noticeDamage(error)
      if (this.damage !== null) return { state: 'damaged', message: this.damaged().message }
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

  async start() {
    const core = await this.build(this.noticeDamage)
    this.unguarded = core
    this.cache = core.cache
    this.damage = null
    if (core.recovery) {
      this.lastRecovery = core.recovery
      this.log.info(describeRecovery(core.recovery))
    }
  }

  recover(): Promise<void> {
    if (this.recovering) return this.recovering
    if (this.damage === null && this.unguarded) return Promise.resolve()
    this.recovering = (async () => {
      await this.closing
      try {
        await this.start()
      } catch (error) {
        this.log.error('recovering the local cache failed', error)
        this.damage = `it could not be recovered (${corruptionDetail(error)})`
      }
    })().finally(() => {
      this.recovering = null
    })
    return this.recovering
  }

  /** Every call through the guard, and the cache calls answered by the guard itself. */
  private handlers(): ApiHandlers {
    const handlers = {} as Record<CallName, (arg: unknown) => Promise<unknown>>
    for (const name of CALL_NAMES) {
      if ((CACHE_CALLS as readonly string[]).includes(name)) continue
      const call = name as Exclude<CallName, CacheCallName>
      handlers[call] = (arg) =>
        this.guarded((c) => (c.handlers[call] as (a: unknown) => Promise<unknown>)(arg))
    }
    handlers.getCacheHealth = async () => this.health()
    handlers.recoverCache = async () => {
      await this.recover()
      return this.health()
    }
    handlers.dismissCacheRecovery = async () => {
      if (this.unguarded && this.damage === null) dismissRecoveryNotice(this.unguarded.sqlite)
      return this.health()
    }
    return handlers as unknown as ApiHandlers
  }

  private async resolvePhoto(
    ...[photoId, request]: Parameters<PorchlightCore['resolvePhoto']>
  ): ReturnType<PorchlightCore['resolvePhoto']> {
    if (this.damage !== null || this.recovering || !this.unguarded)
      return { ok: false, status: 404, reason: 'The local cache is not available.' }
    try {
      return await this.unguarded.resolvePhoto(photoId, request)
    } catch (error) {
      this.noticeDamage(error)
      if (this.damage !== null)
        return { ok: false, status: 404, reason: 'The local cache is damaged.' }
      throw error
    }
  }

  private async close() {
    await this.recovering
    await this.closing
    const closingCore = this.unguarded
    this.unguarded = null
    await closingCore?.close()
  }

  /** The core as the hosts see it. */
  core(): PorchlightCore {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const guard = this
    const sound = () => (this.unguarded && this.damage === null ? this.unguarded : null)
    return {
      handlers: this.handlers(),
      resolvePhoto: (photoId, request) => this.resolvePhoto(photoId, request),
      getTile: async (address) => sound()?.getTile(address) ?? null,
      resolveExport: (jobId) =>
        sound()?.resolveExport(jobId) ?? {
          ok: false,
          status: 404,
          reason: 'The local cache is not available.',
        },
      currentUser: () => {
        const core = this.usable()
        if (core) this.lastUser = core.currentUser()
        return this.lastUser
      },
      syncOnce: () => this.guarded((c) => c.syncOnce()),
      get cache() {
        // Set by the first start, which either succeeded or threw out of guardCache.
        return guard.cache as PorchlightCore['cache']
      },
      get cacheRecovery() {
        return guard.lastRecovery
      },
      close: () => this.close(),
    }
  }
}
