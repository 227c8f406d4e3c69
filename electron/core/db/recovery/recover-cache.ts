// Replaces a damaged cache with a new one holding what could be saved of it.
//
// 1. The damaged file and its -wal and -shm are moved, never deleted, to
//    `damaged/porchlight-<time>.sqlite` in the data folder (damaged-folder.ts says how long they
//    stay).
// 2. A new cache is built beside it under a temporary name, and the salvage plan's tables are
//    copied into it from the damaged file, read row by row (salvage.ts).
// 3. The audit log is checked, and the recovery itself is added to it: what was kept where, and
//    which entries were lost, so the break in the chain is on record rather than unexplained.
// 4. The new cache takes the cache's name.
//
// Each step is noted in `porchlight.sqlite.recovering` first, so a recovery cut short (the
// process killed, the machine off) is finished by the next start instead of leaving the damaged
// file half moved or a half-built cache in its place.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { appendAuditEntry, verifyAuditLog } from '../../audit/audit-log.ts'
import { ensurePrivateDir } from '../../common/private-dir.ts'
import {
  CACHE_FILE,
  clearDamageNote,
  isCacheCorruption,
  type CacheProblem,
} from './cache-damage.ts'
import {
  buildRecovery,
  readRecoveryNotice,
  saveRecoveryNotice,
  type CacheRecovery,
} from './recovery-report.ts'
import { DAMAGED_DIR, keptName } from './damaged-folder.ts'
import { salvageTables, type SalvageOutcome } from './salvage.ts'
import { createAppState } from '../app-state.ts'

const PROGRESS_FILE = `${CACHE_FILE}.recovering`
const NEW_FILE = `${CACHE_FILE}.new`
const SIDE_FILES = ['', '-wal', '-shm'] as const

const ProgressSchema = z.object({
  phase: z.enum(['moving', 'salvaging', 'ready']),
  /** The damaged file's name in DAMAGED_DIR. */
  keptName: z.string(),
  at: z.string(),
  problem: z.object({
    kind: z.enum(['empty', 'not-sqlite', 'foreign', 'truncated', 'corrupt', 'missing']),
    detail: z.string(),
  }),
})
type Progress = z.output<typeof ProgressSchema>

/** Builds and migrates an empty cache at `file` (open-database.ts), returning its connection. */
export type CreateCache = (file: string) => Promise<BetterSqlite3.Database>

export async function recoverCache(options: {
  dataDir: string
  problem: CacheProblem
  createCache: CreateCache
  now?: Date
}): Promise<CacheRecovery> {
  const at = options.now ?? new Date()
  const progress: Progress = {
    phase: 'moving',
    keptName: keptName(options.dataDir, at),
    at: at.toISOString(),
    problem: options.problem,
  }
  writeProgress(options.dataDir, progress)
  return continueRecovery(options.dataDir, progress, options.createCache)
}

/** Finishes a recovery an earlier run began; null when none was under way. */
export async function resumeRecovery(
  dataDir: string,
  createCache: CreateCache,
): Promise<CacheRecovery | null> {
  const progress = readProgress(dataDir)
  if (!progress) return null
  return continueRecovery(dataDir, progress, createCache)
}

async function continueRecovery(
  dataDir: string,
  progress: Progress,
  createCache: CreateCache,
): Promise<CacheRecovery> {
  const main = join(dataDir, CACHE_FILE)
  const newFile = join(dataDir, NEW_FILE)
  const keptRelative = `${DAMAGED_DIR}/${progress.keptName}`
  const kept = join(dataDir, DAMAGED_DIR, progress.keptName)
  let recovery: CacheRecovery | null = null

  if (progress.phase === 'moving') {
    ensurePrivateDir(join(dataDir, DAMAGED_DIR))
    // The database before its log: a cache found without its log would read as an older state.
    for (const suffix of SIDE_FILES) {
      if (existsSync(main + suffix)) renameSync(main + suffix, kept + suffix)
    }
    syncDir(join(dataDir, DAMAGED_DIR))
    syncDir(dataDir)
    progress = { ...progress, phase: 'salvaging' }
    writeProgress(dataDir, progress)
  }

  if (progress.phase === 'salvaging') {
    for (const suffix of SIDE_FILES) rmSync(newFile + suffix, { force: true })
    const fresh = await createCache(newFile)
    try {
      recovery = salvageInto(fresh, {
        kept: existsSync(kept) ? kept : null,
        // Where only the log was left ('missing'), the log is what was kept.
        keptAs: existsSync(kept)
          ? keptRelative
          : existsSync(`${kept}-wal`)
            ? `${keptRelative}-wal`
            : null,
        problem: progress.problem,
        at: new Date(progress.at),
      })
    } finally {
      // Closing checkpoints the new cache into its one file.
      fresh.close()
    }
    progress = { ...progress, phase: 'ready' }
    writeProgress(dataDir, progress)
  }

  for (const suffix of SIDE_FILES) {
    if (existsSync(newFile + suffix)) renameSync(newFile + suffix, main + suffix)
  }
  syncDir(dataDir)
  clearDamageNote(dataDir)
  rmSync(join(dataDir, PROGRESS_FILE), { force: true })
  if (recovery) return recovery
  // Resumed after the new cache was complete: its report is in it.
  const placed = new BetterSqlite3(main, { readonly: true, fileMustExist: true })
  try {
    const notice = readRecoveryNotice(placed)
    if (!notice) throw new Error('the recovered cache holds no report of its recovery')
    return notice
  } finally {
    placed.close()
  }
}

function salvageInto(
  fresh: BetterSqlite3.Database,
  source: { kept: string | null; keptAs: string | null; problem: CacheProblem; at: Date },
): CacheRecovery {
  // Only a Porchlight cache SQLite can still open is read: an empty file, a text file or another
  // program's database has nothing of ours in it.
  const readable = ['corrupt', 'truncated'].includes(source.problem.kind) && source.kept !== null
  let salvage: SalvageOutcome | null = null
  if (readable && source.kept) {
    let damaged: BetterSqlite3.Database | null = null
    try {
      // Read-only: the kept file stays as it was found (its log is read, not checkpointed).
      damaged = new BetterSqlite3(source.kept, { readonly: true, fileMustExist: true })
      salvage = salvageTables(damaged, fresh)
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
      salvage = null
    } finally {
      damaged?.close()
    }
  }
  const chain = verifyAuditLog(fresh)
  const carriedState = createAppState(fresh).keys()
  const recovery = buildRecovery({
    at: source.at,
    problem: source.problem,
    keptAs: source.keptAs,
    salvage,
    carriedState,
    auditChain: {
      intact: chain.ok,
      detail: chain.firstBreak
        ? `broken at entry ${chain.firstBreak.seq}: ${chain.firstBreak.reason}`
        : null,
    },
  })
  fresh.transaction(() => {
    appendAuditEntry(
      fresh,
      'cache-recovered',
      {
        problem: source.problem.kind,
        keptAs: source.keptAs,
        caseChangesRecovered: recovery.recovered.caseChanges,
        caseChangesLost: recovery.lost.caseChanges.length,
        auditEntriesRecovered: recovery.recovered.auditEntries,
        auditEntriesLost: recovery.lost.auditEntries
          .map((g) => (g.from === g.to ? `${g.from}` : `${g.from}-${g.to}`))
          .join(', '),
        chainIntact: chain.ok,
      },
      { actorId: null, at: source.at },
    )
    saveRecoveryNotice(fresh, recovery)
  })()
  return recovery
}

function writeProgress(dataDir: string, progress: Progress): void {
  const file = join(dataDir, PROGRESS_FILE)
  const temporary = `${file}.tmp`
  writeFileSync(temporary, `${JSON.stringify(progress)}\n`, { mode: 0o600 })
  const fd = openSync(temporary, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
  syncDir(dataDir)
}

function readProgress(dataDir: string): Progress | null {
  const file = join(dataDir, PROGRESS_FILE)
  if (!existsSync(file)) return null
  try {
    return ProgressSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    // Unreadable: written halfway before anything moved (it is renamed into place whole).
    rmSync(file, { force: true })
    return null
  }
}

/** Makes renames in a folder durable where the platform allows it (not on Windows). */
function syncDir(dir: string): void {
  let fd: number | null = null
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder; NTFS journals renames itself.
  } finally {
    if (fd !== null) closeSync(fd)
  }
}
