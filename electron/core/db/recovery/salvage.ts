// Copies what can be read of the salvage plan's tables from a damaged cache into a new one.
// Rows go in as they were (same sequence numbers, same hashes), so the audit log's chain still
// verifies across everything recovered, and a gap where entries were lost shows as a gap.
import type BetterSqlite3 from 'better-sqlite3'
import { isCacheCorruption } from './cache-damage.ts'
import { quote, readTolerant, type Row } from './read-tolerant.ts'
import { SALVAGE_PLAN } from './salvage-plan.ts'
import { orderIdOfDelivery } from '../../deliveries/delivery-tables.ts'
import { tableNames } from '../table-names.ts'

export interface TableSalvage {
  table: string
  /** Rows copied into the new cache. */
  recovered: number
  /** Rows read but refused by the new cache (values a damaged page garbled). */
  refused: number
  /** Rows an index of the damaged file knows of but that could not be read: what it knows. */
  lost: Row[]
  /** Stretches of the table (by rowid) that could not be read at all. */
  unreadable: Array<{ after: number; before: number | null }>
  /** Nothing of the table could be read. */
  failed: boolean
  /** `lost` names every row that could not be read (the damaged file's indexes were whole). */
  lostComplete: boolean
}

export interface SalvageOutcome {
  tables: TableSalvage[]
  /** Case changes recovered that were waiting to be sent. */
  caseChangesWaiting: number
  /** Sequence numbers of audit entries the damaged file had and the new cache lacks. */
  auditLost: Array<{ from: number; to: number }>
  /** The order each case with lost changes is about, where either file still says. */
  ordersOfCases: Record<string, string>
}

export function salvageTables(
  src: BetterSqlite3.Database,
  dest: BetterSqlite3.Database,
): SalvageOutcome {
  // Stricter cell checks: a damaged cell is refused as damaged rather than read as garbage.
  src.pragma('cell_size_check = ON')
  // A file shorter than its header says is refused as a whole otherwise; with writable_schema,
  // SQLite reads the pages that are there (as the shell's .recover does). better-sqlite3's
  // defensive mode ignores that pragma, so it is lifted on this connection, which is read-only.
  src.unsafeMode(true)
  src.pragma('writable_schema = ON')
  const srcTables = listTables(src)
  const tables: TableSalvage[] = []
  for (const { table, skip } of SALVAGE_PLAN) {
    if (srcTables === null) {
      tables.push(emptyOutcome(table, true))
      continue
    }
    if (!srcTables.includes(table)) continue
    const columns = sharedColumns(src, dest, table)
    if (columns === null) {
      tables.push(emptyOutcome(table, true))
      continue
    }
    const read = readTolerant(src, table, columns)
    const insert = dest.prepare(
      `INSERT OR IGNORE INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    let recovered = 0
    let refused = 0
    dest.transaction(() => {
      for (const row of read.rows) {
        if (skip?.(row)) continue
        try {
          recovered += insert.run(...columns.map((c) => row[c])).changes
        } catch {
          // A NOT NULL or CHECK the garbled row breaks: it cannot be trusted.
          refused++
        }
      }
    })()
    tables.push({
      table,
      recovered,
      refused,
      lost: read.lost,
      unreadable: read.unreadable,
      failed: read.failed,
      lostComplete: read.indexesComplete && !read.failed,
    })
  }
  const caseChangesWaiting = tables.some((t) => t.table === 'case_events')
    ? (dest
        .prepare<[], number>("SELECT count(*) FROM case_events WHERE state = 'pending'")
        .pluck()
        .get() ?? 0)
    : 0
  const lostCases = (tables.find((t) => t.table === 'case_events')?.lost ?? [])
    .map((row) => row.case_id)
    .filter((id): id is string => typeof id === 'string')
  return {
    tables,
    caseChangesWaiting,
    auditLost: lostAuditEntries(src, dest),
    ordersOfCases: ordersOf([...new Set(lostCases)], src, dest),
  }
}

/**
 * The order id of each case, so the person knows which work to redo: from the damaged file's
 * copy of the case, or for a case opened here and never synced, from the delivery its "opened"
 * change or a photo viewed for it names (if saved), looked up in the damaged file.
 */
function ordersOf(
  caseIds: string[],
  src: BetterSqlite3.Database,
  dest: BetterSqlite3.Database,
): Record<string, string> {
  const orders: Record<string, string> = {}
  const tolerant = <T>(read: () => T): T | undefined => {
    try {
      return read()
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
      return undefined
    }
  }
  const ofCase = tolerant(() =>
    src.prepare<[string], string>('SELECT order_id FROM cases WHERE id = ?').pluck(),
  )
  const ofDelivery = tolerant(() => orderIdOfDelivery.on(src))
  const opened = dest
    .prepare<[string], string>(
      "SELECT body_json FROM case_events WHERE case_id = ? AND type = 'opened' LIMIT 1",
    )
    .pluck()
  const viewed = dest
    .prepare<[string], string>('SELECT delivery_id FROM photo_views WHERE case_id = ? LIMIT 1')
    .pluck()
  const deliveryOf = (caseId: string): string | undefined => {
    const body = opened.get(caseId)
    try {
      const id = body ? (JSON.parse(body) as { deliveryId?: unknown }).deliveryId : undefined
      if (typeof id === 'string') return id
    } catch {
      // A garbled body: try the photo views.
    }
    return viewed.get(caseId)
  }
  for (const caseId of caseIds) {
    let order = tolerant(() => ofCase?.get(caseId))
    if (!order) {
      const deliveryId = deliveryOf(caseId)
      if (deliveryId) order = tolerant(() => ofDelivery?.get({ id: deliveryId })?.order_id)
    }
    if (typeof order === 'string') orders[caseId] = order
  }
  return orders
}

/** The tables of the damaged file, or null when even its schema cannot be read. */
function listTables(src: BetterSqlite3.Database): string[] | null {
  try {
    return tableNames(src)
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return null
  }
}

/** Columns both the damaged file's table and the new cache's have (older caches lack some). */
function sharedColumns(
  src: BetterSqlite3.Database,
  dest: BetterSqlite3.Database,
  table: string,
): string[] | null {
  const columnsOf = (db: BetterSqlite3.Database) =>
    db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table)
  try {
    const theirs = new Set(columnsOf(src))
    return columnsOf(dest).filter((c) => theirs.has(c))
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return null
  }
}

/**
 * The audit log numbers its entries 1, 2, 3... and never removes one, so every number up to the
 * highest the damaged file used (sqlite_sequence, or the highest entry read) that is not in the
 * new cache was lost.
 */
function lostAuditEntries(
  src: BetterSqlite3.Database,
  dest: BetterSqlite3.Database,
): Array<{ from: number; to: number }> {
  let highest = 0
  try {
    highest =
      src
        .prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
        .pluck()
        .get() ?? 0
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
  }
  let present: number[]
  try {
    present = dest.prepare<[], number>('SELECT seq FROM audit_log ORDER BY seq').pluck().all()
  } catch {
    return []
  }
  highest = Math.max(highest, present.at(-1) ?? 0)
  const ranges: Array<{ from: number; to: number }> = []
  let expected = 1
  for (const seq of [...present, highest + 1]) {
    if (seq > expected) ranges.push({ from: expected, to: seq - 1 })
    expected = seq + 1
  }
  return ranges
}

function emptyOutcome(table: string, failed: boolean): TableSalvage {
  return { table, recovered: 0, refused: 0, lost: [], unreadable: [], failed, lostComplete: false }
}
