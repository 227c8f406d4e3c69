// Exports running in the background: each one a job with progress that the Reports screen polls
// and can cancel. Where a file goes is the host's business (a save dialog in the desktop app, a
// folder under the data dir in browser mode and tests): the renderer never names a path. Every
// export that starts writing is recorded in the export log, however it ends.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { ExportFormat, ExportJob, ReportFilters } from '../api/report-schemas.ts'
import type { ExportLog } from '../audit/export-log.ts'
import type { Logger } from '../common/logger.ts'
import { t } from '../messages/messages.ts'
import { runExport, type ExportRequest } from './run-export.ts'

/** What Porchlight saves where a person chooses: report exports and proof-of-delivery sheets. */
export type SavedFormat = ExportFormat | 'png'

/** How the host decides where an export is written. */
export interface ExportDestination {
  /**
   * The full path to write to, or null when the person cancelled the choice. `words` name what
   * is saved (the save dialog's title and button); a case report's by default.
   */
  choose(
    suggestedName: string,
    format: SavedFormat,
    words?: { title: string; button: string },
  ): Promise<string | null>
  /** Browser mode: the finished file is fetched through the bridge. */
  readonly downloadable: boolean
  /** The desktop app: show the finished file in its folder. */
  reveal?(path: string): void
}

/** Browser mode, tests and the command line: a folder of exports under the data dir. */
export function folderDestination(folder: string): ExportDestination {
  return {
    downloadable: true,
    choose: async (suggestedName) => {
      mkdirSync(folder, { recursive: true, mode: 0o700 })
      const extension = extname(suggestedName)
      const stem = basename(suggestedName, extension)
      let candidate = join(folder, suggestedName)
      for (let n = 2; existsSync(candidate); n++) {
        candidate = join(folder, `${stem} (${n})${extension}`)
      }
      return candidate
    },
  }
}

/** What the desktop app's save dialog says for a case report, in the language spoken. */
function saveDialogWords(): { title: string; button: string } {
  return {
    title: t('documents:caseReport.saveTitle'),
    button: t('documents:caseReport.saveButton'),
  }
}

/** "porchlight-cases-2025-06-01-to-2025-06-30.csv", in the language spoken. */
export function suggestedFileName(format: ExportFormat, filters: ReportFilters): string {
  return `${t('documents:fileName.caseReport', { from: filters.from, to: filters.to })}.${format}`
}

interface Job {
  view: ExportJob
  ownerId: string
  path: string | null
  controller: AbortController
  finished: Promise<void>
}

/** Finished jobs kept for the screen to read, per console. */
const KEEP_FINISHED = 20

export function createExportJobs(options: {
  dbFile: string
  dataDir: string
  destination: ExportDestination
  exportLog: ExportLog
  thresholdM: () => number
  userName: (id: string | null) => string | null
  log: Logger
  /** Tests lower Excel's row limit. */
  rowsPerSheet?: number
}) {
  const jobs = new Map<string, Job>()

  function forget() {
    const finished = [...jobs.values()].filter((j) => j.view.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      jobs.delete(job.view.id)
  }

  function owned(jobId: string, userId: string): Job | null {
    const job = jobs.get(jobId)
    return job && job.ownerId === userId ? job : null
  }

  return {
    /** Asks the host where to write, then starts the export; null when no place was chosen. */
    async start(request: StartRequest): Promise<ExportJob | null> {
      const path = await options.destination.choose(
        suggestedFileName(request.format, request.filters),
        request.format,
        saveDialogWords(),
      )
      if (path === null) return null
      const controller = new AbortController()
      const view = newJobView(request.format, path, options.destination)
      let recorded = false
      const entry = (outcome: 'done' | 'failed' | 'cancelled', rows: number) =>
        exportLogEntry(request, view.fileName, outcome, rows)
      const exportRequest: ExportRequest = {
        ...exportInputs(options, request, path),
        beforeRename: (rows) => {
          recorded = true
          options.exportLog.record(entry('done', rows))
        },
      }
      const job: Job = {
        view,
        ownerId: request.user.id,
        path,
        controller,
        finished: Promise.resolve(),
      }
      jobs.set(view.id, job)
      forget()
      job.finished = runExport(
        exportRequest,
        (progress) => Object.assign(view, progress),
        controller.signal,
      ).then(
        (result) => void Object.assign(view, doneState(result.rows)),
        (error: unknown) => {
          const cancelled = controller.signal.aborted
          if (!cancelled) options.log.error('report export failed', error)
          job.path = null
          Object.assign(view, endedState(cancelled))
          if (recorded) return
          try {
            options.exportLog.record(entry(cancelled ? 'cancelled' : 'failed', view.done))
          } catch (recordError) {
            options.log.error('the export could not be recorded in the export log', recordError)
          }
        },
      )
      return { ...view }
    },

    get(jobId: string, userId: string): ExportJob | null {
      const job = owned(jobId, userId)
      return job ? { ...job.view } : null
    },

    /** Stops a running export; its partial file is removed. Resolves once it has stopped. */
    async cancel(jobId: string, userId: string): Promise<ExportJob | null> {
      const job = owned(jobId, userId)
      if (!job) return null
      if (job.view.state === 'running') {
        job.controller.abort()
        await job.finished
      }
      return { ...job.view }
    },

    /** The finished file of a job, for the browser-mode download; null otherwise. */
    finishedFile(jobId: string, userId: string): { path: string; name: string } | null {
      const job = owned(jobId, userId)
      if (!job || job.view.state !== 'done' || !job.path || !existsSync(job.path)) return null
      return { path: job.path, name: basename(job.path) }
    },

    reveal(jobId: string, userId: string): boolean {
      const file = this.finishedFile(jobId, userId)
      if (!file || !options.destination.reveal) return false
      options.destination.reveal(file.path)
      return true
    },

    /** Waits for every running export (on shutdown, and in tests). */
    async settle(): Promise<void> {
      await Promise.all([...jobs.values()].map((j) => j.finished))
    },

    /** Cancels everything still running (on shutdown). */
    async cancelAll(): Promise<void> {
      for (const job of jobs.values()) if (job.view.state === 'running') job.controller.abort()
      await this.settle()
    },
  }
}

export type ExportJobs = ReturnType<typeof createExportJobs>

type StartRequest = {
  format: ExportFormat
  filters: ReportFilters
  user: { id: string; name: string }
}

/** What the export reads and where it writes. */
function exportInputs(
  options: Parameters<typeof createExportJobs>[0],
  request: StartRequest,
  path: string,
): Omit<ExportRequest, 'beforeRename'> {
  return {
    format: request.format,
    filters: request.filters,
    dbFile: options.dbFile,
    dataDir: options.dataDir,
    destination: path,
    thresholdM: options.thresholdM(),
    generatedBy: request.user,
    userName: options.userName,
    rowsPerSheet: options.rowsPerSheet,
  }
}

/** The export log's line for a job: who exported what, how many rows, and how it ended. */
function exportLogEntry(
  request: StartRequest,
  fileName: string | null,
  outcome: 'done' | 'failed' | 'cancelled',
  rows: number,
) {
  return {
    user: request.user,
    format: request.format,
    filters: request.filters,
    rows,
    outcome,
    fileName,
    via: 'app' as const,
  }
}

/** A job as the screen sees it, as it starts. */
function newJobView(format: ExportFormat, path: string, destination: ExportDestination): ExportJob {
  return {
    id: randomUUID(),
    format,
    state: 'running',
    done: 0,
    total: null,
    step: t('reports:export.step.starting'),
    fileName: basename(path),
    downloadable: destination.downloadable,
    revealable: destination.reveal !== undefined,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  }
}

function doneState(rows: number): Partial<ExportJob> {
  return {
    state: 'done',
    step: t('reports:export.step.done'),
    done: rows,
    total: rows,
    finishedAt: new Date().toISOString(),
  }
}

/** A job that stopped before its end: cancelled, or failed in words the person can act on. */
function endedState(cancelled: boolean): Partial<ExportJob> {
  return {
    state: cancelled ? 'cancelled' : 'failed',
    step: cancelled ? t('reports:export.step.cancelled') : t('reports:export.step.failed'),
    error: cancelled ? null : t('reports:export.failed'),
    finishedAt: new Date().toISOString(),
  }
}
