// Reads what can still be read of one table of a damaged SQLite file, row by row.
//
// SQLite's own `.recover` reads raw pages through the sqlite_dbpage table, which the SQLite that
// better-sqlite3 bundles is built without (and its recover extension with it). So this reads
// through plain SQL, in rowid order, and steps over what fails:
//
// - The table is read in rowid ranges. A read that meets a damaged page stops there; the rows it
//   returned before are kept. The reader then looks for the first rowid past the damage it can
//   seek to (doubling the distance, then halving back), and reads on from there.
// - Each index of the table is read on its own (a covering index scan never touches the table's
//   pages): it lists rowids the range reads may have stepped over, which are then fetched one by
//   one, and for the rows that stay unreadable it still tells what they were (an event's id and
//   case, an entry's hash), so the report can name what was lost.
import type BetterSqlite3 from 'better-sqlite3'
import { isCacheCorruption } from './cache-damage.ts'

export type Row = Record<string, unknown>

export interface TolerantRead {
  /** The rows read, in rowid order, each with its rowid as `rowid`. */
  rows: Array<Row & { rowid: number }>
  /** Rows an index knows of but whose own page could not be read: what the index holds of them. */
  lost: Array<Row & { rowid: number }>
  /** Rowid ranges that could not be read (both ends exclusive; `before` null: to the end of the table). */
  unreadable: Array<{ after: number; before: number | null }>
  /** The table could not be read at all (its root page or the schema is damaged). */
  failed: boolean
  /** Every index was read to its end, so `lost` names every row that could not be read. */
  indexesComplete: boolean
}

const BATCH = 200
const MIN_ROWID = Number.MIN_SAFE_INTEGER
const MAX_ROWID = Number.MAX_SAFE_INTEGER

export function readTolerant(
  src: BetterSqlite3.Database,
  table: string,
  columns: string[],
): TolerantRead {
  const name = quote(table)
  const list = columns.map(quote).join(', ')
  const result: TolerantRead = {
    rows: [],
    lost: [],
    unreadable: [],
    failed: false,
    indexesComplete: true,
  }
  const seen = new Set<number>()
  let page: BetterSqlite3.Statement<[number], Row & { rowid: number }>
  let seek: BetterSqlite3.Statement<[number], number>
  let one: BetterSqlite3.Statement<[number], Row & { rowid: number }>
  try {
    page = src.prepare(
      `SELECT rowid AS "rowid", ${list} FROM ${name} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`,
    )
    seek = src
      .prepare<[number], number>(`SELECT rowid FROM ${name} WHERE rowid > ? ORDER BY rowid LIMIT 1`)
      .pluck()
    one = src.prepare(`SELECT rowid AS "rowid", ${list} FROM ${name} WHERE rowid = ?`)
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return { ...result, failed: true }
  }

  let after = MIN_ROWID
  for (;;) {
    let count = 0
    const from = after
    try {
      for (const row of page.iterate(after)) {
        count++
        // A damaged page can hand back rows out of order: never step backwards.
        if (typeof row.rowid !== 'number' || row.rowid <= after || seen.has(row.rowid)) continue
        result.rows.push(row)
        seen.add(row.rowid)
        after = row.rowid
      }
      if (count < BATCH || after === from) break
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
      const resume = firstSeekable(seek, after)
      result.unreadable.push({ after, before: resume?.next ?? null })
      if (resume === null || resume.next === null) break
      after = resume.from
    }
  }
  result.failed = result.rows.length === 0 && result.unreadable.some((r) => r.before === null)

  // Rowids the indexes know and the range reads did not return.
  const { known, complete } = indexedRows(src, table)
  result.indexesComplete = complete
  for (const [rowid, facts] of known) {
    if (seen.has(rowid)) continue
    try {
      const row = one.get(rowid)
      if (row) {
        result.rows.push(row)
        seen.add(rowid)
        continue
      }
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
    }
    result.lost.push({ ...facts, rowid })
  }
  result.rows.sort((a, b) => a.rowid - b.rowid)
  result.lost.sort((a, b) => a.rowid - b.rowid)
  return result
}

/**
 * The smallest X above `after` from which a seek succeeds, and the first rowid found past X
 * (null: none, the table ends there), or null when no seek past `after` succeeds.
 */
function firstSeekable(
  seek: BetterSqlite3.Statement<[number], number>,
  after: number,
): { from: number; next: number | null } | null {
  const attempt = (x: number): { ok: true; next: number | null } | { ok: false } => {
    try {
      return { ok: true, next: seek.get(x) ?? null }
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
      return { ok: false }
    }
  }
  // Double the step until a seek succeeds...
  let failed = after
  let found: { x: number; next: number | null } | null = null
  for (let step = 1; failed < MAX_ROWID; step *= 2) {
    const x = Math.min(after + step, MAX_ROWID)
    const tried = attempt(x)
    if (tried.ok) {
      found = { x, next: tried.next }
      break
    }
    failed = x
  }
  if (!found) return null
  // ...then halve back to the first X that works, so no readable row past the damage is skipped.
  let low = failed
  while (found.x - low > 1) {
    const mid: number = low + Math.floor((found.x - low) / 2)
    const tried = attempt(mid)
    if (tried.ok) found = { x: mid, next: tried.next }
    else low = mid
  }
  return { from: found.x, next: found.next }
}

/** Every rowid each plain index of the table holds, with the indexed values. */
function indexedRows(
  src: BetterSqlite3.Database,
  table: string,
): { known: Map<number, Row>; complete: boolean } {
  const known = new Map<number, Row>()
  let complete = true
  let indexes: Array<{ name: string; partial: number }>
  try {
    indexes = src
      .prepare<[string], { name: string; partial: number }>(
        `SELECT name, partial FROM pragma_index_list(?)`,
      )
      .all(table)
  } catch (error) {
    if (!isCacheCorruption(error)) throw error
    return { known, complete: false }
  }
  for (const index of indexes) {
    if (index.partial) continue
    let columns: string[]
    try {
      const info = src
        .prepare<[string], { name: string | null }>('SELECT name FROM pragma_index_info(?)')
        .all(index.name)
      // An index on an expression cannot be read this way.
      if (info.some((c) => c.name === null)) continue
      columns = info.map((c) => c.name as string)
    } catch (error) {
      if (!isCacheCorruption(error)) throw error
      complete = false
      continue
    }
    try {
      const scan = src.prepare<[], Row & { rowid: number }>(
        `SELECT rowid AS "rowid", ${columns.map(quote).join(', ')} FROM ${quote(table)} INDEXED BY ${quote(index.name)}`,
      )
      for (const row of scan.iterate()) {
        known.set(row.rowid, { ...known.get(row.rowid), ...row })
      }
    } catch (error) {
      // A damaged index page ends this index's list; the rowids read so far stay listed.
      if (!isCacheCorruption(error)) throw error
      complete = false
    }
  }
  return { known, complete }
}

export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
