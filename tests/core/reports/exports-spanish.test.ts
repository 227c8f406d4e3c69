// The exports in the language Settings choose: the hand-made fixture exported while the core speaks
// Spanish, and read back as a person's tools would (the CSV through a CSV parser, the XLSX through
// exceljs, the PDF through pdftotext): headings, labels and words in Spanish, numbers and dates in
// Spanish form where the file writes them as text, and the same files in English once English is
// spoken again. The values themselves (ids, names, addresses, notes) are never translated.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ReportFilterSchema, type ExportFormat } from '../../../electron/core/api/report-schemas.ts'
import type { LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { speak } from '../../../electron/core/messages/messages.ts'
import { runExport, type ExportProgress } from '../../../electron/core/reports/run-export.ts'
import { suggestedFileName } from '../../../electron/core/reports/export-jobs.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { PERIOD, caseId, openReportFixture, storeFixturePhotos } from './report-fixture.ts'

const temp = tempDir('porchlight-report-exports-es-')
const dataDir = join(temp.dir, 'data')
const outDir = join(temp.dir, 'out')
let local: LocalDatabase
const names: Record<string, string> = {
  'agent-1': 'Alex Rivera',
  'agent-2': 'Jo Park',
  'sup-1': 'Sam Okafor',
}
const SPANISH = { language: 'es', locale: 'es-ES' } as const
const ENGLISH = { language: 'en', locale: 'en' } as const

beforeAll(async () => {
  local = await openReportFixture(dataDir)
  await storeFixturePhotos(local, dataDir)
  mkdirSync(outDir)
})
afterAll(async () => {
  await local.close()
  temp.remove()
})
afterEach(() => speak(ENGLISH))

let files = 0
async function exportAs(format: ExportFormat, extra: Record<string, unknown> = {}) {
  const destination = join(outDir, `${++files}.${format}`)
  const progress: ExportProgress[] = []
  const result = await runExport(
    {
      format,
      filters: ReportFilterSchema.parse({ ...PERIOD, ...extra }),
      dbFile: local.file,
      dataDir,
      destination,
      thresholdM: 150,
      generatedBy: { id: 'sup-1', name: 'Sam Okafor' },
      userName: (id) => (id ? (names[id] ?? null) : null),
    },
    (p) => progress.push({ ...p }),
    new AbortController().signal,
  )
  return { ...result, destination, progress }
}

/** The CSV as records, the BOM left out, read by a CSV parser. */
function csvRecords(file: string): string[][] {
  return parse(readFileSync(file).subarray(3), { relax_column_count: false }) as string[][]
}

/** The PDF's text as pdftotext lays it out, page by page, white space collapsed. */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

describe('the CSV in Spanish', () => {
  it('has Spanish headings and words; its values keep the file’s machine form', async () => {
    speak(SPANISH)
    const { destination, progress } = await exportAs('csv')
    const [header, ...rows] = csvRecords(destination)
    expect(header!.slice(0, 8)).toEqual([
      'ID del caso',
      'Pedido',
      'Ticket',
      'Número de seguimiento',
      'Estado',
      'Motivo',
      'Abierto (America/Los_Angeles)',
      'Abierto por',
    ])
    const cell = (row: string[], heading: string) => row[header!.indexOf(heading)]
    expect(rows).toHaveLength(5)
    const [c1, c2, c3] = rows as [string[], string[], string[]]
    expect(cell(c1, 'ID del caso')).toBe(caseId(1))
    expect(cell(c1, 'Estado')).toBe('Resuelto')
    expect(cell(c1, 'Motivo')).toBe('No recibido')
    expect(cell(c1, 'Resolución')).toBe('Reembolso emitido')
    expect(cell(c1, 'Dónde se dejó')).toBe('En la puerta principal')
    expect(cell(c1, 'Entregado lejos de la dirección')).toBe('no')
    expect(cell(c2, 'Entregado lejos de la dirección')).toBe('sí')
    expect(cell(c3, 'Motivo de las fotos retenidas')).toBe('el cliente no quiere fotos')
    // The notes' times are text for people: written the Spanish way, in the report's zone.
    expect(cell(c3, 'Notas')).toBe(
      '4 nov 2026, 5:00 GMT-8, Jo Park: Called the customer: "not on the porch"\n' +
        '4 nov 2026, 6:05 GMT-8, Alex Rivera: Asked the driver.',
    )
    // Values for machines stay one form in every language: RFC 3339 times, a dot for decimals.
    expect(cell(c1, 'Abierto (America/Los_Angeles)')).toBe('2026-11-02T12:00:00-08:00')
    expect(cell(c1, 'Horas hasta resolver')).toBe('6')
    // Data is never translated.
    expect(cell(c1, 'Nota de resolución')).toBe("'+1 refund, @once")
    expect(progress[0]!.step).toBe('Contando los casos')
    expect(progress.at(-2)!.step).toBe('Escribiendo el caso 5 de 5')
    expect(progress.at(-1)!.step).toBe('Terminando el archivo')
  })

  it('is named in Spanish', () => {
    speak(SPANISH)
    const filters = ReportFilterSchema.parse(PERIOD)
    expect(suggestedFileName('csv', filters)).toBe('porchlight-casos-2026-11-01-a-2026-11-07.csv')
    speak(ENGLISH)
    expect(suggestedFileName('csv', filters)).toBe('porchlight-cases-2026-11-01-to-2026-11-07.csv')
  })

  it('is in English again once English is spoken', async () => {
    speak(SPANISH)
    await exportAs('csv')
    speak(ENGLISH)
    const [header, c1] = csvRecords((await exportAs('csv')).destination)
    expect(header!.slice(0, 7)).toEqual([
      'Case ID',
      'Order',
      'Ticket',
      'Tracking number',
      'Status',
      'Reason',
      'Opened (America/Los_Angeles)',
    ])
    expect(c1![header!.indexOf('Status')]).toBe('Resolved')
    expect(c1![header!.indexOf('Delivered away from address')]).toBe('no')
  })
})

describe('the XLSX in Spanish', () => {
  it('names its sheets and labels in Spanish, and keeps numbers and dates typed', async () => {
    speak(SPANISH)
    const { destination } = await exportAs('xlsx', { reason: 'not_received' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(destination)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Resumen', 'Casos'])

    const summary = workbook.getWorksheet('Resumen')!
    expect(summary.getRow(1).getCell(1).value).toBe('Informe de casos de Porchlight')
    const value = (label: string) => {
      let found: ExcelJS.Cell | undefined
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2)
      })
      return found
    }
    expect(value('Período')?.value).toBe('del 2026-11-01 al 2026-11-07 (America/Los_Angeles)')
    expect(value('Filtros')?.value).toBe('Motivo: No recibido')
    expect(value('Generado el')?.type).toBe(ExcelJS.ValueType.Date)
    // Figures are numbers with a number format: Excel writes them in its reader's locale.
    const median = value('Mediana del tiempo de resolución (horas)')!
    expect(median.type).toBe(ExcelJS.ValueType.Number)
    expect(median.numFmt).toBe('0.0')
    const share = value('Reembolso emitido: proporción')!
    expect(share.value).toBe(1)
    expect(share.numFmt).toBe('0.0%')
    expect(value('  Ravi Menon: 1 caso en 5 entregas')).toBeDefined()

    const cases = workbook.getWorksheet('Casos')!
    const header = cases.getRow(1).values as unknown[]
    const first = cases.getRow(2)
    const opened = first.getCell(header.indexOf('Abierto (America/Los_Angeles)'))
    expect(opened.type).toBe(ExcelJS.ValueType.Date)
    expect((opened.value as Date).toISOString()).toBe('2026-11-02T12:00:00.000Z')
    expect(first.getCell(header.indexOf('Estado')).value).toBe('Resuelto')
    expect(first.getCell(header.indexOf('Entregado lejos de la dirección')).value).toBe(false)
  })
})

describe('the PDF in Spanish', () => {
  it('writes its cover and case pages in Spanish, with Spanish numbers and dates', async () => {
    speak(SPANISH)
    const { destination } = await exportAs('pdf')
    const pages = pdfPages(destination)
    const cover = pages[0]!
    expect(cover).toContain('Informe de casos de paquetes perdidos')
    expect(cover).toContain('Período: del 2026-11-01 al 2026-11-07 (días en America/Los_Angeles)')
    expect(cover).toContain('Filtros: Ninguno')
    expect(cover).toContain(
      'Páginas de casos: los 5 casos abiertos en el período, del más antiguo al más reciente.',
    )
    expect(cover).toMatch(/Abiertos en el período 5/)
    // Decimal commas and the percent sign's space, as Spanish writes them.
    expect(cover).toMatch(/Mediana del tiempo de resolución 2,0 d/)
    expect(cover).toMatch(/Reembolso emitido: proporción 66,7 %/)
    expect(cover).toContain('Ravi Menon: 1 caso en 5 entregas 20,0 %')
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Página ${i + 1}`)
      // The month's short name in Spanish.
      expect(page).toMatch(/Generado el \d+ dic 2026 \d\d:\d\d por Sam Okafor/)
    }
    const page = (order: string) => pages.find((p) => p.includes(`Pedido ${order}`))!
    const c1 = page('114-0000000-0000001')
    expect(c1).toContain('Abierto 2 nov 2026 12:00 por Alex Rivera')
    expect(c1).toContain('Responsable nadie')
    expect(c1).toContain('Ticket ninguno')
    expect(c1).toContain('Reembolso emitido el 2 nov 2026 18:00 por Sam Okafor')
    expect(c1).toContain('Historial')
    expect(c1).toContain('D dirección')
    const c2 = page('114-0000000-0000002')
    expect(c2).toContain('Entregado lejos de la dirección: 390 m más allá de la precisión')
    const c3 = page('114-0000000-0000003')
    // The photo box's note (its second line sits beside the map's marks in the layout).
    expect(c3).toContain('Foto retenida. El cliente no quiere fotos')
    expect(c3).toContain('Sin resolver.')
  })

  it('is in English again once English is spoken', async () => {
    speak(SPANISH)
    await exportAs('pdf')
    speak(ENGLISH)
    const pages = pdfPages((await exportAs('pdf')).destination)
    expect(pages[0]).toContain('Missing-package case report')
    expect(pages[0]).toMatch(/Median time to resolve 2\.0 d/)
    expect(pages[0]).toMatch(/Generated \d+ Dec 2026 \d\d:\d\d by Sam Okafor/)
    expect(pages.at(-1)).toContain(`Page ${pages.length}`)
  })
})
