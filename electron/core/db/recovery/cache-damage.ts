// What "the cache is damaged" means, and the note that says so across a restart.
//
// SQLite reports a damaged file as SQLITE_CORRUPT (and its variants: _INDEX, _VTAB, _SEQUENCE)
// or SQLITE_NOTADB. An error of that kind that escapes a handler, the photo resolver or a sync
// is the cache's: the map files and the tile cache are SQLite files too, but their readers keep
// their own errors (map-tiles/). When one is seen at run time, `markCacheDamaged` leaves a note
// beside the cache, so the next start (the app's, browser mode's or a command's) recovers it even
// though nothing else may look wrong from the start's bounded check (open-database.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const CACHE_FILE = 'porchlight.sqlite'

/** Beside the cache: written when a damaged page was met at run time. */
const DAMAGE_NOTE = 'porchlight.sqlite.damaged'

export type CacheProblemKind =
  /** A zero-length file: SQLite would take it for a new, empty cache. */
  | 'empty'
  /** Not an SQLite file at all (a text file, another program's data). */
  | 'not-sqlite'
  /** A healthy SQLite file that is not a Porchlight cache (tables, none of ours). */
  | 'foreign'
  /** Shorter than its own header says. */
  | 'truncated'
  /** SQLite found damaged pages (quick_check, or an error while reading). */
  | 'corrupt'
  /** The cache file is gone but its write-ahead log is still there. */
  | 'missing'

export interface CacheProblem {
  kind: CacheProblemKind
  /** What was found, in words (SQLite's message where there is one). */
  detail: string
}

/** The cache is damaged and could not be replaced (a file in use elsewhere, a full disk). */
export class CacheRecoveryError extends Error {
  constructor(problem: CacheProblem, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause)
    super(
      `The local cache could not be used (${problem.detail}) and could not be recovered: ${why}. ` +
        'Close any other Porchlight window or command using this data folder, make room on the disk if it is full, and start again.',
      { cause },
    )
    this.name = 'CacheRecoveryError'
  }
}

const CORRUPTION_MESSAGES = /database disk image is malformed|file is not a database/i

/** True for SQLite's "this file is damaged" errors, wherever they were raised. */
export function isCacheCorruption(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
    return true
  // Errors that crossed a thread (the sync's writer) arrive as plain Errors with SQLite's words.
  const message = (error as { message?: unknown }).message
  return typeof message === 'string' && CORRUPTION_MESSAGES.test(message)
}

/** SQLite's own words for the error, without a stack. */
export function corruptionDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}

/** Leaves the note that the next start must recover the cache. Never throws. */
export function markCacheDamaged(dataDir: string, error: unknown): void {
  try {
    const note = { at: new Date().toISOString(), detail: corruptionDetail(error) }
    writeFileSync(join(dataDir, DAMAGE_NOTE), `${JSON.stringify(note)}\n`, { mode: 0o600 })
  } catch {
    // The folder may be gone or read-only; the damage will be met again and reported again.
  }
}

/** The problem a run-time error left noted, if any. */
export function readDamageNote(dataDir: string): CacheProblem | null {
  let text: string
  try {
    text = readFileSync(join(dataDir, DAMAGE_NOTE), 'utf8')
  } catch {
    return null
  }
  let detail = 'a damaged page was met while Porchlight was running'
  try {
    const note = JSON.parse(text) as { at?: unknown; detail?: unknown }
    if (typeof note.detail === 'string' && typeof note.at === 'string')
      detail = `${note.detail} (met while Porchlight was running, ${note.at})`
  } catch {
    // An unreadable note still says the cache was found damaged.
  }
  return { kind: 'corrupt', detail }
}

export function clearDamageNote(dataDir: string): void {
  rmSync(join(dataDir, DAMAGE_NOTE), { force: true })
}
