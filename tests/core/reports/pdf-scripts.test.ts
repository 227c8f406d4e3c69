// Names and addresses in every script in Porchlight's PDFs: each line is drawn with a font that
// has its glyphs, right-to-left runs in their visual order, and `pdftotext` reads back what was
// written. The fonts are embedded as subsets, so a PDF with a few names stays small.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { afterAll, describe, expect, it } from 'vitest'
import {
  registerPdfFonts,
  textRuns,
  writeText,
} from '../../../electron/core/reports/pdf-scripts.ts'

const dir = mkdtempSync(join(tmpdir(), 'porchlight-pdf-scripts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const LINES = {
  latin: 'Zoë Müller-Østergaard',
  cyrillic: 'Ярослава Ковальчук',
  greek: 'Αλέξανδρος Παπαδόπουλος',
  chinese: '王小明',
  japanese: '東京都渋谷区 1-2-3',
  arabic: 'محمد العلي',
  hebrew: 'שרה לוי',
  mixed: 'Customer: 李娜 (Li Na)',
}

async function pdfOf(lines: string[]): Promise<string> {
  const doc = new PDFDocument()
  registerPdfFonts(doc)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => doc.on('end', resolve))
  for (const line of lines) writeText(doc, line, 'Body')
  writeText(doc, LINES.arabic, 'Bold')
  doc.end()
  await ended
  const file = join(dir, `${lines.length}.pdf`)
  writeFileSync(file, Buffer.concat(chunks))
  return file
}

/** pdftotext's words, without the direction marks it adds around right-to-left runs. */
const textOf = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[\u202a-\u202e\u2066-\u2069]/g,
    '',
  )

describe('text in any script in a PDF', () => {
  it('reads back every script with pdftotext, from a small file of subset fonts', async () => {
    const file = await pdfOf(Object.values(LINES))
    const text = textOf(file)
    for (const [script, line] of Object.entries(LINES)) {
      expect(text, script).toContain(line)
    }
    // Only the glyphs used are embedded: the CJK font alone is 10 MB.
    expect(statSync(file).size).toBeLessThan(150_000)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    for (const family of ['DejaVuSans', 'NotoSansSC', 'NotoSansArabic', 'NotoSansHebrew']) {
      expect(fonts, family).toContain(family)
    }
    // Every embedded font is a subset ("emb yes, sub yes").
    const rows = fonts.split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThanOrEqual(5)
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+yes\s+/)
  })

  it('orders right-to-left runs visually, each kept logical for its font to shape', () => {
    // A Latin line with an Arabic name: the name is one right-to-left run in its place.
    expect(textRuns('Driver: محمد العلي.').map((r) => [r.text, r.script, r.rtl])).toEqual([
      ['Driver: ', 'default', false],
      ['العلي', 'arabic', true],
      [' ', 'default', true],
      ['محمد', 'arabic', true],
      ['.', 'default', false],
    ])
    // A Hebrew line: its words from right to left.
    expect(textRuns('שרה לוי').map((r) => r.text)).toEqual(['לוי', ' ', 'שרה'])
    // Latin alone is one run, drawn as before.
    expect(textRuns(LINES.latin)).toEqual([{ text: LINES.latin, script: 'default', rtl: false }])
  })
})
