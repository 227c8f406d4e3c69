// "Sign out and erase the local data": everything Porchlight cached about customers leaves this
// computer: every table of the cache emptied (deleted pages zeroed by secure_delete, then VACUUM
// rebuilds the file without free pages and the WAL is truncated), the search index cleared, and the
// photo, thumbnail and map-tile folders deleted.
//
// Kept, on purpose: the audit log (who saw or exported what; ids and times only, and an agent must
// not be able to erase the record of their own views), the schema's migration bookkeeping, and the
// person's settings. The caller signs out first and checks for unsent work (see privacy-handlers).
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { appendAuditEntry } from '../audit/audit-log.ts'
import { damagedDir } from '../db/recovery/damaged-folder.ts'
import { photosDir } from '../photos/photo-files.ts'
import { checkpoint } from '../retention/retention.ts'

/** Tables that survive an erase. */
const KEPT_TABLES = new Set(['audit_log', 'kysely_migration', 'kysely_migration_lock'])
/**
 * app_state keys that survive an erase: the person's choices, nothing about customers (the
 * settings, and the map files they added; see app/map-handlers.ts).
 */
const KEPT_STATE_KEYS = ['settings', 'map-files.added']

/**
 * Folders under the data dir that only ever hold cached customer data: photos and thumbnails,
 * browser mode's report files in `exports` (the desktop app saves them where the person chose),
 * and damaged caches set aside. The cache of map tiles already viewed is its own SQLite file,
 * tiles.sqlite; the map desk empties it after an erase.
 */
export function localCacheDirs(dataDir: string): string[] {
  return [photosDir(dataDir), join(dataDir, 'exports'), damagedDir(dataDir)]
}

export interface EraseOutcome {
  tablesCleared: string[]
  rowsDeleted: number
  foldersRemoved: number
  walTruncated: boolean
}

export async function eraseLocalData(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  /** Who asked, for the audit entry. */
  actorId: string | null
  /** Unsent changes the person agreed to lose (theirs and other people's). */
  discardedUnsent: number
  /**
   * Other people's unsent work that a supervisor agreed to erase: each author gets an audit
   * entry of their own, by the supervisor, in the same transaction as the erase.
   */
  discardedOthers?: ReadonlyArray<{
    authorId: string
    caseChanges: number
    photoViews: number
    cases: Record<string, number>
  }>
}): Promise<EraseOutcome> {
  const { sqlite } = options
  const objects = sqlite
    .prepare<[], { name: string; sql: string | null }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
    .all()
  const virtual = objects
    .filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql ?? ''))
    .map((o) => o.name)
  // A virtual table's shadow tables (`deliveries_fts_data`, ...) belong to it; it clears them.
  const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`))
  const plain = objects
    .map((o) => o.name)
    .filter((name) => !virtual.includes(name) && !isShadow(name) && !KEPT_TABLES.has(name))

  let rowsDeleted = 0
  sqlite.transaction(() => {
    // Rows go in whatever order; child rows referencing a parent are checked at commit.
    sqlite.pragma('defer_foreign_keys = ON')
    for (const table of virtual) {
      // Every virtual table here is a contentless FTS5 index, cleared by its own command.
      sqlite.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('delete-all')`).run()
    }
    for (const table of plain) {
      if (table === 'app_state') {
        const keep = KEPT_STATE_KEYS.map(() => '?').join(', ')
        rowsDeleted += sqlite
          .prepare(`DELETE FROM app_state WHERE key NOT IN (${keep})`)
          .run(...KEPT_STATE_KEYS).changes
      } else {
        rowsDeleted += sqlite.prepare(`DELETE FROM "${table}"`).run().changes
      }
    }
    for (const other of options.discardedOthers ?? []) {
      appendAuditEntry(
        sqlite,
        'unsent-work-discarded',
        {
          authorId: other.authorId,
          caseChanges: other.caseChanges,
          photoViews: other.photoViews,
          cases: other.cases,
        },
        { actorId: options.actorId },
      )
    }
    appendAuditEntry(
      sqlite,
      'local-data-erased',
      { rowsDeleted, discardedUnsent: options.discardedUnsent },
      { actorId: options.actorId },
    )
  })()
  // Rebuilds the file from the live pages only, so it shrinks and holds no free pages at all.
  sqlite.exec('VACUUM')
  const walTruncated = checkpoint(sqlite)

  let foldersRemoved = 0
  for (const dir of localCacheDirs(options.dataDir)) {
    if (!existsSync(dir)) continue
    await rm(dir, { recursive: true, force: true, maxRetries: 3 })
    foldersRemoved++
  }
  return { tablesCleared: [...virtual, ...plain], rowsDeleted, foldersRemoved, walTruncated }
}
