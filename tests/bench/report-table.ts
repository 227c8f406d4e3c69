// The results table: one row per figure, printed for the terminal and as Markdown for the README.
import { summarize, type MachineInfo, type Summary } from './measure.ts'

export type Unit = 'records/s' | 'changes/s' | 'photos/s' | 'ms' | 'MB' | 'KB' | 'score' | 'count'

export interface ResultRow {
  benchmark: string
  what: string
  unit: Unit
  /**
   * For rates, p95 and max are the slow side (the rate at the p95 and the longest time per
   * item), and for scores the lowest, so in every row "p95" and "max" are the bad tail.
   */
  median: number
  p95: number
  max: number
  samples: number
  /** The baseline's figure(s) in words, '—' when there is none. */
  baseline: string
  /** This figure against the baseline, in words, '—' when there is none. */
  ratio: string
  target: string
  /** Which of median/p95/max the target is judged on. */
  judgedOn: 'median' | 'p95' | 'max'
  met: boolean
  /** Raw figures of the baselines, for bench-results.json. */
  baselines?: Record<string, Summary | number>
  ratioValue?: number
}

export interface BenchReport {
  mode: 'full' | 'quick'
  startedAt: string
  durationSeconds: number
  machine: MachineInfo
  /** The machine's 1, 5 and 15-minute load averages at the start and the end of the run. */
  load: { start: number[]; end: number[] }
  rows: ResultRow[]
  /** What a reader needs to read the figures right: data, caches reused, diagnoses. */
  notes: string[]
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'records/s':
    case 'changes/s':
    case 'photos/s':
      return `${Math.round(value).toLocaleString('en-US')} ${unit}`
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`
    case 'MB':
      return `${Math.round(value)} MB`
    case 'KB':
      return `${value.toFixed(1)} KB`
    case 'score':
      return `${Math.round(value)}/100`
    case 'count':
      return Math.round(value).toLocaleString('en-US')
  }
}

/** Rates from per-run item counts and seconds; p95 and max on the slow side (see ResultRow). */
export function rateFigures(runs: ReadonlyArray<{ items: number; seconds: number }>): {
  median: number
  p95: number
  max: number
} {
  // Summarised as time per item, where "high" is the bad side, then turned back into rates.
  const perItem = summarize(runs.map((run) => run.seconds / run.items))
  return { median: 1 / perItem.median, p95: 1 / perItem.p95, max: 1 / perItem.max }
}

function cells(row: ResultRow): string[] {
  return [
    row.benchmark,
    row.what,
    formatValue(row.median, row.unit),
    formatValue(row.p95, row.unit),
    formatValue(row.max, row.unit),
    row.baseline,
    row.ratio,
    row.target,
    row.met ? 'yes' : 'NO',
  ]
}

const HEADER = ['benchmark', 'what', 'median', 'p95', 'max', 'baseline', 'ratio', 'target', 'met?']

export function consoleTable(rows: readonly ResultRow[]): string {
  const table = [HEADER, ...rows.map(cells)]
  // "what" is long prose; wrapping it would break the grid, so it goes to its own line instead.
  const shown = table.map((line) => line.filter((_, index) => index !== 1))
  const widths = shown[0]!.map((_, column) =>
    Math.max(...shown.map((line) => line[column]!.length)),
  )
  const format = (line: string[]) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')
  const out = [format(shown[0]!), widths.map((w) => '─'.repeat(w)).join('  ')]
  rows.forEach((row, index) => {
    out.push(format(shown[index + 1]!))
    out.push(`  ↳ ${row.what}`)
  })
  return out.join('\n')
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|')

export function markdownReport(report: BenchReport): string {
  const { machine } = report
  const lines = [
    `Measured with \`npm run bench\`${report.mode === 'quick' ? ' -- --quick (development sizes, not the published figures)' : ''} on ${machine.cpuModel} (${machine.cores} cores, ${machine.totalMemoryGB} GB), Node ${machine.node}, ${machine.platform}; ${report.startedAt.slice(0, 10)}; the whole run took ${formatDuration(report.durationSeconds)}; load average ${formatLoad(report.load.start)} at the start, ${formatLoad(report.load.end)} at the end.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...report.rows.map((row) => `| ${cells(row).map(escapeCell).join(' | ')} |`),
    '',
    'p95 and max are the bad tail: for rates, the rate at the 95th-percentile time per item and the slowest run.',
    '',
    ...report.notes.map((note) => `- ${note}`),
  ]
  return `${lines.join('\n')}\n`
}

const formatLoad = (load: number[]) => load.map((n) => n.toFixed(1)).join('/')

export function formatDuration(seconds: number): string {
  // Rounded to whole seconds first: 119.6 s is "2 min 0 s", never "1 min 60 s".
  const whole = Math.round(seconds)
  const m = Math.floor(whole / 60)
  const s = whole - m * 60
  return m > 0 ? `${m} min ${s} s` : `${s} s`
}
