// A read-only connection of a report's own to the cache file. Its read transaction is a snapshot
// (WAL): the figures, the rows and the case pages of one export all describe the same moment,
// however much a sync writes meanwhile. And its iterators keep no other statement waiting: on
// the app's shared connection an open iterator would refuse every write until it finished.
import BetterSqlite3 from 'better-sqlite3'
import { caseCount } from '../cases/case-tables.ts'

export interface ReportConnection {
  readonly sqlite: BetterSqlite3.Database
  close(): void
}

export function openReportConnection(file: string): ReportConnection {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  sqlite.exec('BEGIN')
  // The snapshot starts at the first read; take it now.
  caseCount.on(sqlite).get()
  return {
    sqlite,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('COMMIT')
      sqlite.close()
    },
  }
}
