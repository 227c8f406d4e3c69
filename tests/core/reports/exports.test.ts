// The three export formats, written from the hand-made fixture and read back: the CSV's bytes
// (BOM, RFC 4180 quoting, formula neutralising), the XLSX through exceljs (sheets, types, rows,
// frozen header, filters, the split past the row limit), the PDF's text (unpdf) and its images.
// Exports never carry a withheld delivery's photos; a cancelled one leaves no file behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReportFilterSchema, type ExportFormat } from '../../../electron/core/api/report-schemas.ts'
import type { LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { neutraliseFormula } from '../../../electron/core/reports/csv-export.ts'
import { CASE_COLUMNS } from '../../../electron/core/reports/case-columns.ts'
import { runExport, type ExportProgress } from '../../../electron/core/reports/run-export.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { PERIOD, caseId, openReportFixture, storeFixturePhotos } from './report-fixture.ts'

const temp = tempDir('porchlight-report-exports-')
const dataDir = join(temp.dir, 'data')
const outDir = join(temp.dir, 'out')
let local: LocalDatabase
const names: Record<string, string> = {
  'agent-1': 'Alex Rivera',
  'agent-2': 'Jo Park',
  'sup-1': 'Sam Okafor',
}

beforeAll(async () => {
  local = await openReportFixture(dataDir)
  await storeFixturePhotos(local, dataDir)
  const { mkdirSync } = await import('node:fs')
  mkdirSync(outDir)
})
afterAll(async () => {
  await local.close()
  temp.remove()
})

async function exportAs(
  format: ExportFormat,
  options: { extra?: Record<string, unknown>; rowsPerSheet?: number; file?: string } = {},
) {
  const destination = join(outDir, options.file ?? `report.${format}`)
  const progress: ExportProgress[] = []
  const result = await runExport(
    {
      format,
      filters: ReportFilterSchema.parse({ ...PERIOD, ...options.extra }),
      dbFile: local.file,
      dataDir,
      destination,
      thresholdM: 150,
      generatedBy: { id: 'sup-1', name: 'Sam Okafor' },
      userName: (id) => (id ? (names[id] ?? null) : null),
      rowsPerSheet: options.rowsPerSheet,
    },
    (p) => progress.push({ ...p }),
    new AbortController().signal,
  )
  return { ...result, destination, progress }
}

describe('formula neutralising', () => {
  it('prefixes an apostrophe to text a spreadsheet would run, and nothing else', () => {
    for (const hostile of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")'])
      expect(neutraliseFormula(hostile)).toBe(`'${hostile}`)
    for (const plain of ['José Núñez', '1 + 1', 'a=b', "'quoted", ''])
      expect(neutraliseFormula(plain)).toBe(plain)
  })
})

describe('CSV export', () => {
  it('writes one row per selected case, UTF-8 with BOM, RFC 4180, formulas neutralised', async () => {
    const { rows, destination, progress } = await exportAs('csv')
    expect(rows).toBe(5)
    const bytes = readFileSync(destination)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const lines = text.split('\r\n')
    expect(lines.at(-1)).toBe('') // CRLF after the last record too
    expect(lines).toHaveLength(1 + 5 + 1)
    expect(lines[0]).toContain('Opened (America/Los_Angeles)')
    // The help-desk ticket, beside the order; empty for a case without one.
    expect(lines[0]).toContain(',Order,Ticket,')
    expect(lines[3]).toContain(`${caseId(3)},114-0000000-0000003,#4521,`)
    expect(lines[1]).toContain(`${caseId(1)},114-0000000-0000001,,`)
    // Oldest first: C1, C2, C3, C5, C6.
    expect(lines.slice(1, 6).map((l) => l.slice(0, 36))).toEqual(
      [1, 2, 3, 5, 6].map((n) => caseId(n)),
    )
    // C1's note "+1 refund, @once" is neutralised and, holding a comma, quoted.
    expect(lines[1]).toContain(`,"'+1 refund, @once",`)
    // D2's driver's note is a formula with quotes inside: neutralised, quoted, quotes doubled.
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`)
    // Times in the report's zone with their offset; numbers as numbers.
    expect(lines[1]).toContain(',2026-11-02T12:00:00-08:00,')
    expect(lines[1]).toContain(',Refund issued,')
    // The withheld delivery (D3, C3): no photo, the reason instead.
    expect(lines[3]).toContain(',0,customer opted out,')
    expect(lines[3]).not.toMatch(/ph-d3/)
    // The Notes column holds the notes themselves, one a line, with when and who.
    expect(lines[3]).toContain(
      `,"Nov 4, 2026, 5:00 AM PST, ${names['agent-2']}: Called the customer: ""not on the porch""\nNov 4, 2026, 6:05 AM PST, ${names['agent-1']}: Asked the driver.",`,
    )
    // D1 has a photo: its id and hash are there.
    expect(lines[1]).toMatch(/ph-d1-1=[0-9a-f]{64}/)
    expect(progress[0]).toEqual({ step: 'Counting the cases', done: 0, total: null })
    expect(progress.at(-1)).toEqual({ step: 'Finishing the file', done: 5, total: 5 })
    // Nothing but the finished file is left in the folder.
    expect(readdirSync(outDir).filter((f) => f.endsWith('.part'))).toEqual([])
  })

  it('applies the filters to the rows', async () => {
    const { rows, destination } = await exportAs('csv', {
      extra: { city: 'Seattle', locationFlag: 'away' },
      file: 'away.csv',
    })
    expect(rows).toBe(1)
    expect(readFileSync(destination, 'utf8')).toContain(caseId(2))
  })
})

describe('XLSX export', () => {
  it('has a Summary sheet and a typed Cases sheet with a frozen header and filters', async () => {
    const { rows, destination } = await exportAs('xlsx')
    expect(rows).toBe(5)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(destination)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Cases'])

    const summary = workbook.getWorksheet('Summary')!
    const value = (label: string) => {
      let found: ExcelJS.CellValue = undefined
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value
      })
      return found
    }
    expect(value('Opened in the period')).toBe(5)
    expect(value('Resolved in the period')).toBe(3)
    expect(value('Open now (whenever opened)')).toBe(3)
    expect(value('Median time to resolve (hours)')).toBe(48)
    expect(value('90th percentile time to resolve (hours)')).toBeCloseTo(142, 10)
    expect(value('Refund issued: share')).toBeCloseTo(2 / 3, 10)
    expect(value('Period')).toBe('2026-11-01 to 2026-11-07 (America/Los_Angeles)')
    expect(value('Generated by')).toBe('Sam Okafor')

    const cases = workbook.getWorksheet('Cases')!
    expect(cases.rowCount).toBe(6)
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(cases.autoFilter).toBeTruthy()
    const header = cases.getRow(1).values as unknown[]
    const col = (name: string) => header.indexOf(name)
    const first = cases.getRow(2)
    expect(first.getCell(col('Case ID')).value).toBe(caseId(1))
    // A date cell: 2 Nov 2026 12:00 in Los Angeles, as Excel's wall-clock date.
    const opened = first.getCell(col('Opened (America/Los_Angeles)'))
    expect(opened.type).toBe(ExcelJS.ValueType.Date)
    expect((opened.value as Date).toISOString()).toBe('2026-11-02T12:00:00.000Z')
    expect(opened.numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(first.getCell(col('Hours to resolve')).value).toBe(6)
    expect(first.getCell(col('Hours to resolve')).type).toBe(ExcelJS.ValueType.Number)
    expect(first.getCell(col('Delivered away from address')).value).toBe(false)
    expect(cases.getRow(3).getCell(col('Delivered away from address')).value).toBe(true)
    // The withheld delivery's row: no photo, the reason.
    const withheld = cases.getRow(4)
    expect(withheld.getCell(col('Photos')).value).toBe(0)
    expect(withheld.getCell(col('Photos withheld because')).value).toBe('customer opted out')
    expect(withheld.getCell(col('Photo SHA-256 (id=hash)')).value).toBeNull()
    expect(withheld.getCell(col('Ticket')).value).toBe('#4521')
    expect(first.getCell(col('Ticket')).value).toBeNull()
    expect(header.filter(Boolean)).toHaveLength(CASE_COLUMNS.length)
  })

  it('splits the cases across sheets past the row limit', async () => {
    const { rows, destination } = await exportAs('xlsx', { rowsPerSheet: 2, file: 'split.xlsx' })
    expect(rows).toBe(5)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(destination)
    expect(workbook.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['Summary', expect.any(Number)],
      ['Cases', 3],
      ['Cases (2)', 3],
      ['Cases (3)', 2],
    ])
    const ids = workbook.worksheets.slice(1).flatMap((s) =>
      s
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[])[1]),
    )
    expect(ids).toEqual([1, 2, 3, 5, 6].map((n) => caseId(n)))
  })
})

describe('PDF export', () => {
  it('has a cover with the figures and a page per case with facts, timeline and evidence', async () => {
    const { rows, destination } = await exportAs('pdf')
    expect(rows).toBe(5)
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(destination)))
    const extracted = await extractText(pdf, { mergePages: false })
    const totalPages = extracted.totalPages
    // Lines wrap where the layout needs: compare text with its white space collapsed.
    const text = extracted.text.map((t) => t.replace(/\s+/g, ' '))
    expect(totalPages).toBeGreaterThanOrEqual(6)
    const cover = text[0]!
    expect(cover).toContain('Missing-package case report')
    expect(cover).toContain('Period: 2026-11-01 to 2026-11-07')
    expect(cover).toMatch(/Opened in the period\s*5/)
    expect(cover).toMatch(/Median time to resolve\s*2\.0 d/)
    expect(cover).toContain('Case pages: the 5 cases opened in the period, oldest first.')
    for (const [i, page] of text.entries()) {
      expect(page).toContain(`Page ${i + 1}`)
      expect(page).toMatch(/Generated \d+ Dec 2026 \d\d:\d\d by Sam Okafor/)
    }
    const pageOf = (order: string) => text.findIndex((t) => t.includes(`Order ${order}`))
    const c1 = text[pageOf('114-0000000-0000001')]!
    expect(c1).toContain('Refund issued')
    expect(c1).toContain('Customer 1')
    expect(c1).toContain('Timeline')
    expect(c1).toMatch(/Opened: Not received/)
    const c3Page = pageOf('114-0000000-0000003')
    expect(text[c3Page]).toMatch(/Ticket\s*#4521/)
    expect(c1).toMatch(/Ticket\s*none/)
    expect(text[c3Page]).toContain('Photo withheld. The customer opted out of delivery photos.')
    const c2 = text[pageOf('114-0000000-0000002')]!
    expect(c2).toContain('Delivered away from the address')

    // The photo is drawn on the pages of cases with one, and on no withheld case's page.
    const images = async (pageIndex: number) => {
      const page = await pdf.getPage(pageIndex + 1)
      const ops = await page.getOperatorList()
      const { OPS } = await import('unpdf/pdfjs')
      return ops.fnArray.filter((fn: number) => fn === OPS.paintImageXObject).length
    }
    expect(await images(pageOf('114-0000000-0000001'))).toBe(1)
    expect(await images(c3Page)).toBe(0)
    expect(await images(0)).toBe(0)
  })

  it('keeps the file small: each photo is a downscaled copy', async () => {
    const { destination } = await exportAs('pdf', { file: 'small.pdf' })
    // Five case pages with four photos at 720 px, plus the embedded font subsets.
    expect(readFileSync(destination).length).toBeLessThan(600_000)
  })
})

describe('an export that stops', () => {
  it('leaves no partial file when cancelled', async () => {
    const controller = new AbortController()
    const destination = join(outDir, 'cancelled.xlsx')
    const run = runExport(
      {
        format: 'xlsx',
        filters: ReportFilterSchema.parse(PERIOD),
        dbFile: local.file,
        dataDir,
        destination,
        thresholdM: 150,
        generatedBy: { id: 'sup-1', name: 'Sam Okafor' },
        userName: () => null,
      },
      (p) => {
        if (p.done === 2) controller.abort()
      },
      controller.signal,
    )
    await expect(run).rejects.toThrow()
    expect(existsSync(destination)).toBe(false)
    expect(readdirSync(outDir).filter((f) => f.includes('cancelled'))).toEqual([])
  })
})
