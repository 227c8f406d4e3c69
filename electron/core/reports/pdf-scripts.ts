// Text in any script in Porchlight's PDFs (the case report, the proof-of-delivery sheet): names
// and addresses may be Latin, Greek, Cyrillic, Chinese, Japanese, Arabic or Hebrew. PDFKit draws
// one font at a time and has no fallback, so a line is cut into runs, each drawn with a font that
// has its glyphs: DejaVu Sans (Latin, Greek, Cyrillic), Noto Sans SC (CJK), Noto Sans Arabic and
// Noto Sans Hebrew, all subset into the file (only the glyphs used are embedded).
//
// Right-to-left text: the Unicode bidi algorithm (bidi-js) gives each character its level; runs
// of one level and one font are put in visual order, and each right-to-left run is handed to its
// font in logical order, which it shapes (Arabic letters join) and lays out right to left.
// Spaces and Latin punctuation are runs of the default font: the script fonts may lack them.
import { createRequire } from 'node:module'
import bidiFactory from 'bidi-js'
import type PDFDocument from 'pdfkit'

type Doc = InstanceType<typeof PDFDocument>
type Weight = 'Body' | 'Bold'
type Script = 'default' | 'cjk' | 'arabic' | 'hebrew'

const require = createRequire(import.meta.url)
export const FONT_FILES: Record<Script, Record<Weight, string>> = {
  default: {
    Body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    Bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  },
  cjk: {
    Body: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    Bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  },
  arabic: {
    Body: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    Bold: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  },
  hebrew: {
    Body: require.resolve('@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff'),
    Bold: require.resolve('@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff'),
  },
}

const fontName = (script: Script, weight: Weight) =>
  script === 'default' ? weight : `${weight}-${script}`

/** Registers every font under its name: 'Body' and 'Bold' are the default (DejaVu) ones. */
export function registerPdfFonts(doc: Doc): void {
  for (const script of Object.keys(FONT_FILES) as Script[]) {
    for (const weight of ['Body', 'Bold'] as const) {
      doc.registerFont(fontName(script, weight), FONT_FILES[script][weight])
    }
  }
}

const SCRIPT_OF: Array<[RegExp, Script]> = [
  [/[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u, 'cjk'],
  [/[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u, 'arabic'],
  [/[\u0590-\u05ff\ufb1d-\ufb4f]/u, 'hebrew'],
]
/** The font a character is drawn with: spaces, digits and Latin punctuation take the default. */
function scriptOf(char: string): Script {
  for (const [pattern, script] of SCRIPT_OF) if (pattern.test(char)) return script
  return 'default'
}

export interface TextRun {
  text: string
  script: Script
  /** Drawn right to left (an odd bidi level). */
  rtl: boolean
}

const bidi = bidiFactory()

/** The runs of one line in the order they are drawn, left to right. */
export function textRuns(text: string): TextRun[] {
  const chars = [...text]
  const { levels } = bidi.getEmbeddingLevels(text)
  // Levels are per UTF-16 unit; a character takes its first unit's.
  const charLevels: number[] = []
  let unit = 0
  for (const char of chars) {
    charLevels.push(levels[unit]!)
    unit += char.length
  }
  // Runs of one level and one script, in logical order.
  const runs: Array<TextRun & { level: number }> = []
  chars.forEach((char, i) => {
    const level = charLevels[i]!
    const script = scriptOf(char)
    const last = runs.at(-1)
    if (last && last.level === level && last.script === script) last.text += char
    else runs.push({ text: char, script, rtl: level % 2 === 1, level })
  })
  // Bidi rule L2 over whole runs: from the highest level down to the lowest odd one, reverse
  // every stretch of runs at that level or above.
  const highest = Math.max(0, ...runs.map((r) => r.level))
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)))
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i]!.level < level) {
        i++
        continue
      }
      let j = i
      while (j < runs.length && runs[j]!.level >= level) j++
      runs.splice(i, j - i, ...runs.slice(i, j).reverse())
      i = j
    }
  }
  return runs.map(({ text: t, script, rtl }) => ({ text: t, script, rtl }))
}

/** True when the line needs nothing but the default font, left to right. */
function plain(text: string): boolean {
  return !SCRIPT_OF.some(([pattern]) => pattern.test(text))
}

/**
 * `doc.text` for a line in any script: the same options (width, align, …) and position. A line
 * in Latin, Greek or Cyrillic alone is drawn exactly as doc.text draws it.
 */
export function writeText(
  doc: Doc,
  text: string,
  weight: Weight,
  ...position:
    | [options?: PDFKit.Mixins.TextOptions]
    | [x: number, y: number, options?: PDFKit.Mixins.TextOptions]
): Doc {
  const [x, y, options] =
    typeof position[0] === 'number'
      ? (position as [number, number, PDFKit.Mixins.TextOptions?])
      : [undefined, undefined, position[0] as PDFKit.Mixins.TextOptions | undefined]
  if (plain(text)) {
    doc.font(weight)
    return x === undefined ? doc.text(text, options) : doc.text(text, x, y, options)
  }
  const runs = textRuns(text)
  runs.forEach((run, i) => {
    const last = i === runs.length - 1
    doc.font(fontName(run.script, weight))
    const runOptions = { ...options, continued: last ? (options?.continued ?? false) : true }
    if (i === 0 && x !== undefined) doc.text(run.text, x, y, runOptions)
    else doc.text(run.text, runOptions)
  })
  doc.font(weight)
  return doc
}
