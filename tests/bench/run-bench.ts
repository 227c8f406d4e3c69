// `npm run bench [-- --quick] [--only bundle,ingest,statements,search,open,check,cold,ui,photos,lookalikes,lighthouse] [--no-build]`
// Measures the issue-8 figures on this machine, each beside a baseline run in the same process
// where the issue names one, prints the table (and a Markdown copy for the README) and writes
// bench-results.json and bench-results.md at the repository root.
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { bundleBench } from './bundle-bench.ts'
import { checkBench } from './check-bench.ts'
import { coldStartBench } from './cold-start-bench.ts'
import { benchConfig } from './config.ts'
import { copyCache, ensureSearchCache } from './search-cache.ts'
import { ingestBench } from './ingest-bench.ts'
import { lookalikeBench } from './lookalike-bench.ts'
import { machineInfo } from './measure.ts'
import { openBench } from './open-bench.ts'
import { photoBench } from './photo-bench.ts'
import { drawQueries, QUERY_KINDS } from './queries.ts'
import {
  consoleTable,
  formatDuration,
  markdownReport,
  type BenchReport,
  type ResultRow,
} from './report-table.ts'
import { searchBench } from './search-bench.ts'
import { statementsBench } from './statements-bench.ts'
import { uiBench } from './ui-bench.ts'
import { lighthouseBench } from './lighthouse-bench.ts'

const REPO = new URL('../..', import.meta.url).pathname
const STAGES = [
  'bundle',
  'ingest',
  'statements',
  'search',
  'open',
  'check',
  'cold',
  'ui',
  'photos',
  'lookalikes',
  'lighthouse',
] as const
type Stage = (typeof STAGES)[number]

const USAGE = `Usage: npm run bench [-- --quick] [--only ${STAGES.join(',')}] [--no-build]

  --quick     development sizes (20k ingest, 100k cache, fewer queries); not the published figures
  --only      run these benchmarks only (comma-separated)
  --no-build  use the renderer already in out/renderer instead of running npm run build`

function parseOptions() {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    process.exit(2)
  }
}

const values = parseOptions()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const only = values.only?.split(',').map((name) => name.trim())
const unknown = only?.filter((name) => !(STAGES as readonly string[]).includes(name)) ?? []
if (unknown.length > 0) {
  console.error(`bench: unknown --only ${unknown.join(', ')} (choose from ${STAGES.join(', ')})`)
  process.exit(2)
}
const wanted = (stage: Stage) => !only || only.includes(stage)

const config = benchConfig(values.quick)
const machine = machineInfo()
const startLoad = loadavg()
const startedAt = new Date()
const started = performance.now()
const rows: ResultRow[] = []
const notes: string[] = []
const stageTimes: string[] = []
const failures: string[] = []

console.log(
  `Porchlight bench (${config.quick ? 'quick: development sizes' : 'full sizes'}) on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average ${startLoad.map((n) => n.toFixed(1)).join('/')}`,
)

async function stage(
  name: string,
  run: () =>
    Promise<{ rows: ResultRow[]; notes: string[] }> | { rows: ResultRow[]; notes: string[] },
): Promise<void> {
  const stageStarted = performance.now()
  console.log(`\n── ${name}`)
  try {
    const result = await run()
    rows.push(...result.rows)
    notes.push(...result.notes)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`${name} failed: ${message}`)
    failures.push(`${name}: ${message.split('\n')[0]}`)
  }
  stageTimes.push(`${name} ${formatDuration((performance.now() - stageStarted) / 1000)}`)
}

if (wanted('bundle') || wanted('ui') || wanted('lighthouse')) {
  if (values['no-build']) {
    console.log('Using the renderer already in out/renderer (--no-build).')
  } else {
    // The bundle measured and the UI driven are then those of this source tree.
    await stage('build', () => {
      const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' })
      if (build.status !== 0)
        throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`)
      return { rows: [], notes: [] }
    })
  }
}
if (wanted('bundle'))
  await stage('bundle', () => bundleBench(config, join(REPO, 'out', 'renderer')))
if (wanted('ingest')) await stage('ingest', () => ingestBench(config))
if (wanted('statements')) await stage('statements', () => statementsBench(config))

if (wanted('search') || wanted('open') || wanted('check') || wanted('cold') || wanted('ui')) {
  const run: { dir?: string } = {}
  await stage('search cache', async () => {
    const cache = await ensureSearchCache(config)
    const { meta } = cache
    const copy = copyCache(cache)
    run.dir = copy.dir
    console.log(`search cache: copied for this run in ${copy.seconds.toFixed(0)} s`)
    const built = cache.reused
      ? `reused from ${cache.dir} (built ${meta.builtAt.slice(0, 10)} in ${formatDuration(meta.buildSeconds)})`
      : `built for this run in ${formatDuration(meta.buildSeconds)}, kept in ${cache.dir} for later runs`
    const note = `The ${meta.deliveries.toLocaleString('en-US')}-delivery cache (${meta.photos.toLocaleString('en-US')} photo rows, ${meta.cases} cases) holds ${meta.worlds.length} demo worlds (seeds ${meta.worlds.map((w) => w.seed).join(', ')}, anchor ${config.anchor.toISOString().slice(0, 10)}) written with createDeliveryStore/createCaseStore; it was ${built}. Its key covers the seed, size, anchor, generator version, the migrations and the store code. Each run works on a copy (${copy.seconds.toFixed(0)} s to make).`
    return { rows: [], notes: [note] }
  })
  const dir = run.dir
  if (dir) {
    try {
      if (wanted('search')) await stage('search', () => searchBench(config, dir))
      if (wanted('open')) await stage('open delivery', () => openBench(config, dir))
      if (wanted('check')) await stage('start check', () => checkBench(config, dir))
      if (wanted('cold')) {
        await stage('cold start', () => {
          const db = new BetterSqlite3(join(dir, 'porchlight.sqlite'), { readonly: true })
          const query = drawQueries(db, config.seed + 5, 1).surname[0]!.text
          db.close()
          return coldStartBench(config, dir, query)
        })
      }
      if (wanted('ui')) {
        await stage('UI', () => {
          const db = new BetterSqlite3(join(dir, 'porchlight.sqlite'), { readonly: true })
          const drawn = drawQueries(db, config.seed + 3, config.ui.queriesPerKind)
          db.close()
          // Kinds take turns, so a slow stretch of the machine does not land on one kind only.
          const queries = drawn[QUERY_KINDS[0]].flatMap((_, i) =>
            QUERY_KINDS.map((k) => drawn[k][i]!),
          )
          return uiBench(config, dir, queries)
        })
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
if (wanted('photos')) await stage('photos', () => photoBench(config))
if (wanted('lookalikes')) await stage('look-alike photos', () => lookalikeBench(config))
if (wanted('lighthouse')) await stage('Lighthouse', () => lighthouseBench(config))

const durationSeconds = (performance.now() - started) / 1000
notes.push(`Time by stage: ${stageTimes.join(', ')}.`)
for (const failure of failures) notes.push(`FAILED: ${failure}`)
const report: BenchReport = {
  mode: config.quick ? 'quick' : 'full',
  startedAt: startedAt.toISOString(),
  durationSeconds,
  machine,
  load: { start: startLoad, end: loadavg() },
  rows,
  notes,
}
const markdown = markdownReport(report)
writeFileSync(
  join(REPO, 'bench-results.json'),
  `${JSON.stringify({ ...report, config }, null, 2)}\n`,
)
writeFileSync(join(REPO, 'bench-results.md'), markdown)

console.log(`\n${consoleTable(rows)}\n`)
for (const note of notes) console.log(`• ${note}\n`)
console.log('Markdown (also in bench-results.md):\n')
console.log(markdown)
const missed = rows.filter((row) => !row.met).map((row) => row.benchmark)
console.log(
  `Done in ${formatDuration(durationSeconds)}. Targets missed: ${missed.length > 0 ? missed.join(', ') : 'none'}. Wrote bench-results.json and bench-results.md.`,
)
process.exit(failures.length > 0 ? 1 : 0)
