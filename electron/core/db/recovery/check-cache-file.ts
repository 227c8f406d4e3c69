// The check of the cache file at every start, before anything writes to it.
//
// First the bytes (no SQLite involved): a zero-length file, a file that is not SQLite, or one
// shorter than its own header says is damaged, never "a new cache" (SQLite would silently start
// an empty database over it, and the unsent work with it). Then, opened: a database without
// Porchlight's tables is someone else's; and SQLite's `quick_check` must find every page sound.
//
// quick_check reads every page, so its cost grows with the cache: about 5 ms of CPU per MB
// (measured on 2 cores: 0.7 s for 100,000 deliveries, 140 MB; 1.3 s for 200,000, 280 MB; 7 s for
// a million, 1.4 GB; the wall time is several times that on a busy machine or a cold disk), far
// too much at every start of a large cache. So up to
// FULL_CHECK_MAX_BYTES (about 20,000 deliveries; well under 0.2 s) the whole file is checked;
// above it, the file's bytes, the schema and the tables only this computer holds (the outbox, the
// audit log, the export log, the settings: milliseconds at a million, `npm run bench -- --only
// check`) are checked at every start, and damage elsewhere (deliveries, photos, the search index,
// which a sync brings back) is caught when it is read: the error is recognised at run time
// (cache-damage.ts) and recovered the same way.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { corruptionDetail, isCacheCorruption, type CacheProblem } from './cache-damage.ts'
import { PRECIOUS_TABLES } from './salvage-plan.ts'
import { tableNames } from '../table-names.ts'

/**
 * Files up to this size get a full quick_check at every start. PORCHLIGHT_FULL_CHECK_MB sets
 * another limit (0: never the whole file) where starts may be slower, or must be faster.
 */
export const FULL_CHECK_MAX_BYTES =
  megabytes(process.env.PORCHLIGHT_FULL_CHECK_MB) ?? 32 * 1024 * 1024

function megabytes(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null
  return Number(value.trim()) * 1024 * 1024
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

export type FileVerdict =
  | { state: 'new' }
  | { state: 'present'; bytes: number }
  | { state: 'damaged'; problem: CacheProblem }

/** What the file's bytes say, before SQLite opens it. */
export function inspectCacheBytes(file: string): FileVerdict {
  const walBytes = sizeOf(`${file}-wal`)
  if (!existsSync(file)) {
    if (walBytes > 0) {
      return {
        state: 'damaged',
        problem: {
          kind: 'missing',
          detail: `the cache file is missing, but its write-ahead log (${formatBytes(walBytes)}) is still there`,
        },
      }
    }
    return { state: 'new' }
  }
  const bytes = statSync(file).size
  if (bytes === 0) {
    return { state: 'damaged', problem: { kind: 'empty', detail: 'the file is empty (0 bytes)' } }
  }
  const header = readHead(file, 100)
  if (!header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC.subarray(0, header.length))) {
    return {
      state: 'damaged',
      problem: { kind: 'not-sqlite', detail: 'the file is not an SQLite database' },
    }
  }
  if (header.length < 100) {
    return truncated(bytes, null)
  }
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return {
      state: 'damaged',
      problem: { kind: 'corrupt', detail: 'the file header is damaged (no valid page size)' },
    }
  }
  if (bytes % pageSize !== 0) return truncated(bytes, null)
  // The page count in the header holds when its "valid for" counter matches the change counter.
  // With a write-ahead log the file may lag behind the header until the log is checkpointed.
  const pages = header.readUInt32BE(28)
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24)
  if (countValid && walBytes === 0 && pages * pageSize > bytes) {
    return truncated(bytes, pages * pageSize)
  }
  return { state: 'present', bytes }
}

export type OpenedVerdict =
  | { state: 'new' }
  | { state: 'ok'; fullCheck: boolean }
  | { state: 'damaged'; problem: CacheProblem }

/**
 * Checks the opened file: Porchlight's schema, then quick_check (of the whole file when it is at
 * most `fullCheckMaxBytes`, otherwise of the tables only this computer holds).
 */
export function checkOpenedCache(
  sqlite: BetterSqlite3.Database,
  bytes: number,
  fullCheckMaxBytes = FULL_CHECK_MAX_BYTES,
): OpenedVerdict {
  try {
    const tables = tableNames(sqlite)
    // No table at all: a first start that ended before its schema was committed.
    if (tables.length === 0) return { state: 'new' }
    if (!tables.includes('kysely_migration')) {
      const shown = tables.filter((t) => !t.startsWith('sqlite_')).slice(0, 5)
      return {
        state: 'damaged',
        problem: {
          kind: 'foreign',
          detail: `the file is an SQLite database but not a Porchlight cache (its tables: ${shown.join(', ')})`,
        },
      }
    }
    const fullCheck = bytes <= fullCheckMaxBytes
    const problems = fullCheck
      ? quickCheck(sqlite, null)
      : [null, ...PRECIOUS_TABLES.filter((t) => tables.includes(t))].flatMap((table) =>
          table === null ? schemaCheck(sqlite) : quickCheck(sqlite, table),
        )
    if (problems.length > 0) {
      return {
        state: 'damaged',
        problem: {
          kind: 'corrupt',
          detail: `SQLite's check found damage: ${firstProblem(problems)}`,
        },
      }
    }
    return { state: 'ok', fullCheck }
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return { state: 'damaged', problem: { kind: 'corrupt', detail: corruptionDetail(error) } }
  }
}

/** quick_check's complaints (none when it says "ok"), of the whole file or one table. */
function quickCheck(sqlite: BetterSqlite3.Database, table: string | null): string[] {
  const pragma = table === null ? 'quick_check' : `quick_check("${table.replaceAll('"', '""')}")`
  const rows = sqlite.pragma(pragma, { simple: false }) as Array<{ quick_check: string }>
  return rows.map((r) => r.quick_check).filter((line) => line !== 'ok')
}

/** The schema table itself (sqlite_master), read to its end. */
function schemaCheck(sqlite: BetterSqlite3.Database): string[] {
  sqlite.prepare('SELECT count(*), max(length(sql)) FROM sqlite_master').get()
  return []
}

function truncated(bytes: number, expected: number | null): FileVerdict {
  const detail =
    expected === null
      ? `the file ends in the middle of a page (${formatBytes(bytes)})`
      : `the file is cut short: ${formatBytes(bytes)} of the ${formatBytes(expected)} its header gives`
  return { state: 'damaged', problem: { kind: 'truncated', detail } }
}

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const read = readSync(fd, buffer, 0, length, 0)
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * SQLite's first finding, on one line (a row of quick_check can hold several lines, headed by
 * "*** in database main ***"), and how many more there are: the person reads one paragraph.
 */
function firstProblem(problems: readonly string[]): string {
  const lines = problems
    .flatMap((p) => p.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\*\*\*.*\*\*\*$/.test(line))
  const more = lines.length - 1
  return more > 0 ? `${lines[0]} (and ${more} more)` : (lines[0] ?? 'unknown damage')
}
