// The XLSX export (exceljs's streaming writer): a Summary sheet with the figures, then the Cases
// sheet, one typed row per case (dates as dates in the report's time zone, numbers as numbers),
// frozen header, filters. Rows are committed as they come, so the workbook is never held whole;
// past Excel's row limit the cases go on in "Cases (2)", "Cases (3)", ... Sheet names, headings
// and labels are in the language spoken; cells keep their types, so Excel writes the numbers and
// dates in its reader's own locale.
import { createWriteStream } from 'node:fs'
import ExcelJS from 'exceljs'
import type { ReportFigures } from '../api/report-schemas.ts'
import { t } from '../messages/messages.ts'
import { CASE_COLUMNS, columnHeader } from './case-columns.ts'
import type { RowWriterOptions } from './csv-export.ts'
import { wallClockDate } from './report-period.ts'
import { filtersInWords, summaryLines } from './summary-lines.ts'

/** Excel's limit is 1,048,576 rows a sheet, the header included. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575
const DATE_FORMAT = 'yyyy-mm-dd hh:mm'
/** Uncompressed sheet XML allowed to wait for the zip before rows stop being added. */
const MAX_PENDING_BYTES = 1 << 20
const ROWS_BETWEEN_CHECKS = 100

/**
 * exceljs's streaming writer hands each sheet's XML to the zip without waiting: when rows come
 * faster than deflate takes them (it runs off the main thread, a chunk per turn of the event
 * loop), the XML piles up in the zip entry's buffer, 2–3 kB a row, the whole sheet in the end.
 * Waiting here until that buffer is small keeps the export in bounded memory. It reads the
 * entry's stream state (readable-stream's `_writableState`/`_readableState`): exceljs offers no
 * other way to see it.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const entry = (
    sheet as unknown as {
      stream?: {
        pipes?: Array<{ _writableState?: { length: number }; _readableState?: { length: number } }>
      }
    }
  ).stream?.pipes?.[0]
  if (!entry) return
  const pending = () => (entry._writableState?.length ?? 0) + (entry._readableState?.length ?? 0)
  while (pending() > MAX_PENDING_BYTES) await new Promise((resolve) => setTimeout(resolve, 1))
}

export interface XlsxOptions extends RowWriterOptions {
  figures: ReportFigures
  generatedBy: string
  /** Data rows per Cases sheet; tests lower it to see the split. */
  rowsPerSheet?: number
  filterNames?: { driver?: string | null; agent?: string | null }
}

export async function writeXlsx(options: XlsxOptions): Promise<number> {
  const { figures, columns } = options
  const rowsPerSheet = options.rowsPerSheet ?? EXCEL_MAX_DATA_ROWS
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    // Owner-only, like the CSV and the PDF: ExcelJS's own `filename` would create it world-readable.
    stream: createWriteStream(options.file, { mode: 0o600 }),
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = `Porchlight (${options.generatedBy})`
  workbook.created = new Date(figures.generatedAt)

  writeSummary(workbook, figures, options.generatedBy, options.filterNames)

  let sheetNumber = 0
  let inSheet = 0
  let written = 0
  const openSheet = () => {
    sheetNumber++
    const name =
      sheetNumber === 1
        ? t('documents:summary.casesSheet')
        : t('documents:summary.casesSheetMore', { number: sheetNumber })
    const next = workbook.addWorksheet(sheetName(name), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    next.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CASE_COLUMNS.length } }
    next.columns = CASE_COLUMNS.map((column, index) => ({
      header: columnHeader(column, columns.timeZone),
      key: String(index),
      width: column.width,
      style: column.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
    }))
    next.getRow(1).font = { bold: true }
    next.getRow(1).commit()
    inSheet = 0
    return next
  }

  try {
    let sheet = openSheet()
    for await (const c of options.cases) {
      options.signal.throwIfAborted()
      if (inSheet === rowsPerSheet) {
        sheet.commit()
        sheet = openSheet()
      }
      sheet
        .addRow(
          CASE_COLUMNS.map((column) => {
            const value = column.value(c, columns)
            if (value === null) return null
            if (column.kind === 'date') return wallClockDate(String(value), columns.timeZone)
            return value
          }),
        )
        .commit()
      inSheet++
      options.onRow(++written)
      if (written % ROWS_BETWEEN_CHECKS === 0) await zipCaughtUp(sheet)
    }
    sheet.commit()
    await workbook.commit()
    return written
  } catch (error) {
    // Let the zip finish on its own stream so that the file handle is released; the caller
    // removes the half-written file.
    await workbook.commit().catch(() => undefined)
    throw error
  }
}

function writeSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  figures: ReportFigures,
  generatedBy: string,
  filterNames: XlsxOptions['filterNames'],
): void {
  const sheet = workbook.addWorksheet(sheetName(t('documents:summary.sheet')))
  sheet.columns = [
    { header: t('documents:summary.title'), key: 'label', width: 70 },
    { header: '', key: 'value', width: 18 },
  ]
  sheet.getRow(1).font = { bold: true, size: 14 }
  sheet.getRow(1).commit()
  const f = figures.filters
  const facts: Array<[string, string | Date]> = [
    [
      t('documents:summary.period'),
      t('documents:summary.periodValue', { from: f.from, to: f.to, timeZone: f.timeZone }),
    ],
    [t('documents:summary.filters'), filtersInWords(f, filterNames)],
    [t('documents:summary.generatedAt'), wallClockDate(figures.generatedAt, f.timeZone)],
    [t('documents:summary.generatedBy'), generatedBy],
  ]
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value])
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT
    row.commit()
  }
  sheet.addRow([]).commit()
  for (const line of summaryLines(figures, 'with-unit')) {
    if (line.heading) {
      const row = sheet.addRow([line.label])
      row.font = { bold: true }
      row.commit()
      continue
    }
    const v = line.value
    const row = sheet.addRow([line.label, v.value === '' ? null : v.value])
    if (v.kind === 'share') row.getCell(2).numFmt = '0.0%'
    if (v.kind === 'hours') row.getCell(2).numFmt = '0.0'
    if (v.kind === 'count') row.getCell(2).numFmt = '#,##0'
    row.commit()
  }
  sheet.commit()
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)
}
