// One export from start to finish: read the figures and the selected cases from a snapshot of
// the cache, write them in the asked format to a temporary name beside the destination, and
// rename it into place only when complete. A cancelled or failed export leaves no file behind.
import { driverNameOf } from '../deliveries/delivery-tables.ts'
import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ExportFormat, ReportFigures, ReportFilters } from '../api/report-schemas.ts'
import { writeCsv } from './csv-export.ts'
import { MAX_PDF_CASES, writePdf } from './pdf-export.ts'
import { openReportConnection } from './report-connection.ts'
import { createFiguresAccumulator } from './report-figures.ts'
import { matchesFilters, readReportCases, type ReportCase } from './report-cases.ts'
import { inPeriod } from './report-period.ts'
import { writeXlsx } from './xlsx-export.ts'
import { formatCount } from '../api/display-format.ts'
import { t } from '../messages/messages.ts'

export interface ExportRequest {
  format: ExportFormat
  filters: ReportFilters
  /** The cache database file (read through a connection of the export's own). */
  dbFile: string
  dataDir: string
  /** Where the finished file goes; its folder also takes the temporary file. */
  destination: string
  thresholdM: number
  generatedBy: { id: string; name: string }
  userName: (id: string | null) => string | null
  /** Tests lower Excel's row limit to see the sheets split. */
  rowsPerSheet?: number
  /**
   * Called when the file is complete, before it takes its name: the export is recorded here, so
   * that no file appears without its record (if recording throws, the file is removed).
   */
  beforeRename?: (rows: number) => void
}

export interface ExportProgress {
  step: string
  done: number
  total: number | null
}

export interface ExportResult {
  rows: number
  figures: ReportFigures
  file: string
}

/** Stands for the count of cases written in the progress words, until it is known. */
const DONE = '\u0000done\u0000'

/** The temporary name an export writes to, hidden and beside the destination. */
export function temporaryPathFor(destination: string): string {
  return join(
    dirname(destination),
    `.${basename(destination)}.${randomBytes(6).toString('hex')}.part`,
  )
}

export async function runExport(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
): Promise<ExportResult> {
  const { filters, thresholdM } = request
  const connection = openReportConnection(request.dbFile)
  const temp = temporaryPathFor(request.destination)
  try {
    onProgress({ step: t('reports:export.step.counting'), done: 0, total: null })
    const accumulator = createFiguresAccumulator(filters, thresholdM)
    const { period } = accumulator
    let selected = 0
    for await (const c of readReportCases(connection.sqlite, {
      viewerId: request.generatedBy.id,
    })) {
      signal.throwIfAborted()
      accumulator.add(c)
      if (inPeriod(c.openedAt, period) && matchesFilters(c, filters, thresholdM)) selected++
    }
    const figures = await accumulator.finish(connection.sqlite, new Date())
    const total = request.format === 'pdf' ? Math.min(selected, MAX_PDF_CASES) : selected

    async function* selection(): AsyncGenerator<ReportCase> {
      let n = 0
      for await (const c of readReportCases(connection.sqlite, {
        viewerId: request.generatedBy.id,
        openedFrom: period.start,
        openedBefore: period.end,
      })) {
        if (!matchesFilters(c, filters, thresholdM)) continue
        if (++n > total) return
        yield c
      }
    }
    // The words are looked up once, not once a row (the catalogue takes microseconds a call).
    const writingWords = t('reports:export.step.writing', {
      done: DONE,
      total: formatCount(total),
    })
    const writing = (done: number) =>
      onProgress({ step: writingWords.replace(DONE, formatCount(done)), done, total })
    writing(0)
    const columns = { thresholdM, userName: request.userName, timeZone: filters.timeZone }
    const filterNames = {
      driver: filters.driverId
        ? (driverNameOf.on(connection.sqlite).get({ driverId: filters.driverId })?.name ?? null)
        : null,
      agent: filters.agentId ? request.userName(filters.agentId) : null,
    }
    let rows: number
    if (request.format === 'csv') {
      rows = await writeCsv({ file: temp, cases: selection(), columns, onRow: writing, signal })
    } else if (request.format === 'xlsx') {
      rows = await writeXlsx({
        file: temp,
        cases: selection(),
        columns,
        onRow: writing,
        signal,
        figures,
        generatedBy: request.generatedBy.name,
        rowsPerSheet: request.rowsPerSheet,
        filterNames,
      })
    } else {
      rows = await writePdf({
        file: temp,
        sqlite: connection.sqlite,
        dataDir: request.dataDir,
        figures,
        cases: selection(),
        selected,
        generatedBy: request.generatedBy,
        userName: request.userName,
        filterNames,
        onRow: writing,
        signal,
      })
    }
    signal.throwIfAborted()
    onProgress({ step: t('reports:export.step.finishing'), done: rows, total })
    request.beforeRename?.(rows)
    await rename(temp, request.destination)
    return { rows, figures, file: request.destination }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  } finally {
    connection.close()
  }
}
