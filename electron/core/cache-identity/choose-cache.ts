// Which cache of a data folder a console (the app, browser mode, the command line) opens for the
// service it is started with. A data folder holds its first service's cache at its top, and a
// separate cache for each other service the person chose to use it with, in `services/<name>/`
// (each laid out as a data folder of its own). Nothing is moved or mixed: the cache of a service
// is opened for that service only; for another one the person is asked (OtherServiceCacheError)
// unless they already chose to start a separate cache.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { ServiceIdentity } from '../contract/schemas.ts'
import { ensurePrivateDir } from '../common/private-dir.ts'
import type { ServiceProbe } from '../service/service-client.ts'
import {
  compareService,
  describeService,
  holdsServiceData,
  normaliseServiceUrl,
  readCacheOwner,
  unsentChanges,
  type CacheOwner,
} from './cache-owner.ts'
import { tableNames } from '../db/table-names.ts'
import { t } from '../messages/messages.ts'

/** Where separate caches live inside a data folder. */
export const SEPARATE_CACHES_DIR = 'services'

const CACHE_FILE = 'porchlight.sqlite'

/**
 * What to do when the data folder's cache was filled from another service: refuse (the default:
 * the host asks the person) or open a separate cache for this service.
 */
export type OtherServiceChoice = 'refuse' | 'separate'

/** The data folder's cache belongs to another service; nothing was opened. */
export class OtherServiceCacheError extends Error {
  readonly dataDir: string
  /** The service the cache was filled from. */
  readonly cachedFrom: { url: string; identity: ServiceIdentity | null }
  /** The service the console was started with. */
  readonly asked: { url: string; identity: ServiceIdentity | null }
  /** Case changes in that cache not yet sent to the service it came from. */
  readonly unsentChanges: number
  /** True when the asked service could not be reached to tell whether it is the same one. */
  readonly unconfirmed: boolean

  constructor(options: {
    dataDir: string
    cachedFrom: CacheOwner
    asked: { url: string; identity: ServiceIdentity | null }
    unsentChanges: number
    unconfirmed: boolean
  }) {
    const from = describeService(options.cachedFrom)
    const asked = describeService(options.asked)
    const where = { dir: options.dataDir, from, asked }
    const filled = options.unconfirmed
      ? t('shell:otherService.filledFromUnconfirmed', where)
      : t('shell:otherService.filledFrom', where)
    const unsent =
      options.unsentChanges > 0
        ? t('shell:otherService.stillHolds', {
            count: options.unsentChanges,
            url: options.cachedFrom.url,
          })
        : null
    super(unsent ? `${filled} ${unsent}` : filled)
    this.name = 'OtherServiceCacheError'
    this.dataDir = options.dataDir
    this.cachedFrom = { url: options.cachedFrom.url, identity: options.cachedFrom.identity }
    this.asked = options.asked
    this.unsentChanges = options.unsentChanges
    this.unconfirmed = options.unconfirmed
  }
}

export interface ChosenCache {
  /** The folder to open as the data folder: the given one, or one of its separate caches. */
  dir: string
  /** What the person should be told about the choice (a separate cache), or null. */
  note: string | null
  /** What /v1/health said, when it was asked (null: it was not needed). */
  probe: ServiceProbe | null
}

interface Candidate {
  dir: string
  owner: CacheOwner | null
  holdsData: boolean
  unsent: number
}

/**
 * Picks the cache of `dataDir` for the service at `url`: the one filled from it (the folder's
 * own or a separate one), else the folder's own when it holds nothing of any service yet (or was
 * made before caches recorded their service: it is taken to be this service's), else a new
 * separate cache when `otherService` is 'separate', else OtherServiceCacheError.
 * `probe` asks the service what it is (/v1/health); it is called once, when the folder holds a
 * cache filled from some service.
 */
export async function chooseCache(options: {
  dataDir: string
  url: string
  probe: () => Promise<ServiceProbe>
  otherService?: OtherServiceChoice
}): Promise<ChosenCache> {
  const { dataDir, url } = options
  const top = inspect(dataDir)
  const filled = [top, ...listSeparateCaches(dataDir)].filter(
    (candidate): candidate is Candidate & { owner: CacheOwner } =>
      candidate?.owner != null && candidate.holdsData,
  )
  // Whenever a cache here was filled from some service, this one is asked what it is: the same
  // address may be another service now. Unanswered (offline), the address alone decides.
  const probe = filled.length > 0 ? await options.probe() : null
  for (const candidate of filled) {
    if (compareService(candidate.owner, url, probe ?? undefined) !== 'same') continue
    const note =
      candidate.dir === dataDir
        ? null
        : `Using the separate cache for ${normaliseServiceUrl(url)} in ${candidate.dir}.`
    return { dir: candidate.dir, note, probe }
  }
  if (!top?.holdsData || !top.owner || probe === null) return { dir: dataDir, note: null, probe }

  const identity = probe.reached ? probe.identity : null
  const verdict = compareService(top.owner, url, probe)
  if (options.otherService !== 'separate') {
    throw new OtherServiceCacheError({
      dataDir,
      cachedFrom: top.owner,
      asked: { url: normaliseServiceUrl(url), identity },
      unsentChanges: top.unsent,
      unconfirmed: verdict === 'unconfirmed',
    })
  }
  const dir = newSeparateFolder(dataDir, url, identity)
  const kept =
    top.unsent > 0
      ? ` It still holds ${changes(top.unsent)} not yet sent to ${top.owner.url}: open it with that service to send them.`
      : ''
  return {
    dir,
    note:
      `Started a separate cache for ${normaliseServiceUrl(url)} in ${dir}. The cache in ` +
      `${dataDir}, filled from ${describeService(top.owner)}, is kept as it is.${kept}`,
    probe,
  }
}

function changes(n: number): string {
  return `${n} case change${n === 1 ? '' : 's'}`
}

/** The cache in `dir` as it stands, read without changing it; null when there is none. */
function inspect(dir: string): Candidate | null {
  const file = join(dir, CACHE_FILE)
  if (!existsSync(file)) return null
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch {
    // Whatever is wrong with it is for the open that follows to report.
    return null
  }
  try {
    const tables = new Set(tableNames(sqlite))
    // Before migration 001 there is nothing in it; before 008 nobody recorded its service.
    if (!tables.has('deliveries')) return { dir, owner: null, holdsData: false, unsent: 0 }
    return {
      dir,
      owner: tables.has('cache_owner') ? readCacheOwner(sqlite) : null,
      holdsData: holdsServiceData(sqlite),
      unsent: unsentChanges(sqlite),
    }
  } catch {
    return null
  } finally {
    sqlite.close()
  }
}

function listSeparateCaches(dataDir: string): Candidate[] {
  const root = join(dataDir, SEPARATE_CACHES_DIR)
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => inspect(join(root, entry.name)))
    .filter((candidate): candidate is Candidate => candidate !== null)
    .sort((a, b) => a.dir.localeCompare(b.dir))
}

/**
 * A new folder in `services/`, named after the service (its stated id, else its host and port)
 * so a person can tell them apart; never one whose cache holds anything.
 */
function newSeparateFolder(dataDir: string, url: string, identity: ServiceIdentity | null): string {
  const u = new URL(url)
  const base =
    (
      identity?.id ??
      `${u.hostname}-${u.port || (u.protocol === 'https:' ? '443' : '80')}${u.pathname}`
    )
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'service'
  ensurePrivateDir(join(dataDir, SEPARATE_CACHES_DIR))
  for (let n = 1; ; n++) {
    const dir = join(dataDir, SEPARATE_CACHES_DIR, n === 1 ? base : `${base}-${n}`)
    // A cache left empty there (a start that went no further) is as good as none.
    if (!inspect(dir)?.holdsData) {
      ensurePrivateDir(dir)
      return dir
    }
  }
}
