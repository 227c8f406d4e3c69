// The CSV export: one row per case (see case-columns.ts), UTF-8 with a byte-order mark so that
// Excel reads the accents right, RFC 4180 quoting and CRLF line ends (csv-stringify), and every
// text cell that a spreadsheet would take for a formula neutralised. Headings and words are in the
// language spoken; numbers and times stay in the file's one machine form in every language (a dot
// for decimals, RFC 3339 times with their offset), so a comma is only ever a separator.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { CASE_COLUMNS, columnHeader, yesNoWords, type ColumnContext } from './case-columns.ts'
import type { ReportCase } from './report-cases.ts'
import { localTimestamp } from './report-period.ts'

/**
 * A text cell that starts with = + - @, a tab or a carriage return is read as a formula by Excel,
 * LibreOffice and Google Sheets ("CSV injection"). A leading apostrophe makes it plain text
 * there, and a person reading the file still sees the value (OWASP's advice).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export interface RowWriterOptions {
  file: string
  cases: AsyncIterable<ReportCase>
  columns: ColumnContext & { timeZone: string }
  /** Called after each case written. */
  onRow: (written: number) => void
  signal: AbortSignal
}

export async function writeCsv(options: RowWriterOptions): Promise<number> {
  const { timeZone } = options.columns
  const out = createWriteStream(options.file, { mode: 0o600 })
  const csv = stringify({ bom: true, record_delimiter: 'windows' })
  csv.pipe(out)
  const write = async (record: Array<string | number | null>) => {
    if (!csv.write(record)) await once(csv, 'drain')
  }
  let written = 0
  const yesNo = yesNoWords()
  try {
    await write(CASE_COLUMNS.map((c) => columnHeader(c, timeZone)))
    for await (const c of options.cases) {
      options.signal.throwIfAborted()
      await write(
        CASE_COLUMNS.map((column) => {
          const value = column.value(c, options.columns)
          if (value === null) return null
          if (column.kind === 'date') return localTimestamp(String(value), timeZone)
          if (column.kind === 'boolean') return value ? yesNo.yes : yesNo.no
          if (typeof value === 'number') return value
          return neutraliseFormula(String(value))
        }),
      )
      options.onRow(++written)
    }
    csv.end()
    await finished(out)
    return written
  } catch (error) {
    csv.destroy()
    out.destroy()
    throw error
  }
}
