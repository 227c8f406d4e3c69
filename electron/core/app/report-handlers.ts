// The API handlers of the supervisor's reports: figures, filter choices, and exports in the
// background. The role check is here, in the main process: whatever the renderer shows or
// sends, an agent's call to any of these is refused.
import { supervisorOnlyRefusal } from '../api/definition.ts'
import { signedInUser } from './signed-in-user.ts'
import type BetterSqlite3 from 'better-sqlite3'
import { type ApiHandlers } from '../api/definition.ts'
import { createExportLog } from '../audit/export-log.ts'
import type { User } from '../contract/schemas.ts'
import { reportPersonNames } from '../reports/report-people.ts'
import { createExportJobs, type ExportDestination } from '../reports/export-jobs.ts'
import { openReportConnection } from '../reports/report-connection.ts'
import { computeFigures, reportOptions } from '../reports/report-figures.ts'
import type { Logger } from '../common/logger.ts'
import { t } from '../messages/messages.ts'

type ReportHandlerNames =
  | 'getReportOptions'
  | 'getReportFigures'
  | 'startReportExport'
  | 'getReportExport'
  | 'cancelReportExport'
  | 'revealReportExport'
  | 'listReportExports'

/** The words an agent is refused reports in: the API table's (CALL_ACCESS), said once. */
export const notASupervisor = () => supervisorOnlyRefusal('reports')

export function createReportDesk(options: {
  sqlite: BetterSqlite3.Database
  dbFile: string
  dataDir: string
  currentUser: () => User | null
  thresholdM: () => number
  destination: ExportDestination
  log: Logger
}) {
  const exportLog = createExportLog(options.sqlite)
  const userName = reportPersonNames(options.sqlite)
  const jobs = createExportJobs({
    dbFile: options.dbFile,
    dataDir: options.dataDir,
    destination: options.destination,
    exportLog,
    thresholdM: options.thresholdM,
    userName,
    log: options.log,
  })

  /** The supervisor making the call: the dispatcher let only a supervisor through (CALL_ACCESS). */
  function supervisor(): User {
    return signedInUser(options.currentUser)
  }

  /** Reads through a snapshot connection of its own, so the app's writes never wait on it. */
  async function reading<T>(read: (sqlite: BetterSqlite3.Database) => T | Promise<T>) {
    const connection = openReportConnection(options.dbFile)
    try {
      return await read(connection.sqlite)
    } finally {
      connection.close()
    }
  }

  const handlers: Pick<ApiHandlers, ReportHandlerNames> = {
    getReportOptions: async () => {
      supervisor()
      return reading((sqlite) => reportOptions(sqlite))
    },
    getReportFigures: async (filters) => {
      const user = supervisor()
      return reading((sqlite) => computeFigures(sqlite, filters, options.thresholdM(), user.id))
    },
    startReportExport: async ({ format, filters }) => {
      const user = supervisor()
      return jobs.start({ format, filters, user: { id: user.id, name: user.name } })
    },
    getReportExport: async ({ jobId }) => jobs.get(jobId, supervisor().id),
    cancelReportExport: async ({ jobId }) => jobs.cancel(jobId, supervisor().id),
    revealReportExport: async ({ jobId }) => jobs.reveal(jobId, supervisor().id),
    listReportExports: async () => {
      supervisor()
      return exportLog.recent(20)
    },
  }

  return {
    handlers,
    /** The finished file of an export, for the browser-mode download; refused to non-supervisors. */
    exportFile(
      jobId: string,
    ): { ok: true; path: string; name: string } | { ok: false; status: 403 | 404; reason: string } {
      const user = options.currentUser()
      if (!user || user.role !== 'supervisor')
        return { ok: false, status: 403, reason: notASupervisor() }
      const file = jobs.finishedFile(jobId, user.id)
      return file
        ? { ok: true, ...file }
        : { ok: false, status: 404, reason: t('reports:export.noSuchExport') }
    },
    close: () => jobs.cancelAll(),
  }
}
