// Every report export, recorded where the console keeps its audit: who, when, in which format,
// with which period and filters, how many case rows, and how it ended. The row in `export_log`
// (for the Reports screen's list) and the entry in the hash-chained audit log (audit-log.ts)
// are written in one transaction: both or neither.
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { ExportFormat, ExportRecord } from '../api/report-schemas.ts'
import { appendAuditEntry, type AuditPayload } from './audit-log.ts'

export interface ExportEntry {
  user: { id: string; name: string }
  format: ExportFormat
  /** The period and filters as asked for. */
  filters: unknown
  rows: number
  outcome: 'done' | 'failed' | 'cancelled'
  fileName: string | null
  via: 'app' | 'command line'
  at?: Date
}

export function createExportLog(sqlite: BetterSqlite3.Database) {
  const insert = sqlite.prepare(`
    INSERT INTO export_log (id, at, user_id, user_name, format, filters_json, row_count, outcome,
      file_name, via)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const recent = sqlite.prepare<
    [number],
    {
      id: string
      at: string
      user_id: string
      user_name: string
      format: ExportFormat
      filters_json: string
      row_count: number
      outcome: ExportRecord['outcome']
      file_name: string | null
      via: string
    }
  >(
    `SELECT id, at, user_id, user_name, format, filters_json, row_count, outcome, file_name, via
     FROM export_log ORDER BY seq DESC LIMIT ?`,
  )

  return {
    record(entry: ExportEntry): string {
      const id = randomUUID()
      const at = entry.at ?? new Date()
      sqlite.transaction(() => {
        insert.run(
          id,
          at.toISOString(),
          entry.user.id,
          entry.user.name,
          entry.format,
          JSON.stringify(entry.filters),
          entry.rows,
          entry.outcome,
          entry.fileName,
          entry.via,
        )
        // Ids, codes, dates and counts only: the chained log holds no customer details.
        appendAuditEntry(
          sqlite,
          'export',
          {
            exportId: id,
            format: entry.format,
            filters: JSON.parse(JSON.stringify(entry.filters)) as AuditPayload,
            rows: entry.rows,
            outcome: entry.outcome,
            via: entry.via,
          },
          { actorId: entry.user.id, at },
        )
      })()
      return id
    },

    recent(limit = 20): ExportRecord[] {
      return recent.all(limit).map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        format: r.format,
        outcome: r.outcome,
        rows: r.row_count,
        fileName: r.file_name,
        via: r.via,
        filters: r.filters_json,
      }))
    },
  }
}

export type ExportLog = ReturnType<typeof createExportLog>
