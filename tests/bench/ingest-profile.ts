// Where the sync's writer thread spends its time, from a V8 CPU profile of one ingest run
// (node --cpu-prof writes one profile per thread when the thread ends). Each sample is given to
// the innermost frame on its stack that names a phase of the store: so SQLite's own work counts
// where the app's code called it (a commit in the transaction wrapper, an index build in the bulk
// load's finish). The writer's idle time is time it waited for the next page from the network.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Phases, matched by function name (or `name@file`) from the innermost frame out; the first
 * match wins.
 */
const PHASES: ReadonlyArray<{ phase: string; functions: readonly string[] }> = [
  { phase: 'building the secondary indexes', functions: ['restoreDeliveryIndex'] },
  { phase: 'merging the word index', functions: ['mergeWordIndexStep'] },
  {
    phase: 'validating records',
    functions: ['validatePage', 'parseDeliveryItem', 'parseCaseItem'],
  },
  { phase: 'word index entries (FTS5)', functions: ['indexWords'] },
  { phase: 'photo rows', functions: ['replacePhotos'] },
  { phase: 'removing deleted deliveries', functions: ['remove@store-deliveries.ts'] },
  { phase: 'delivery rows and their lookups', functions: ['writeOne'] },
  { phase: 'case rows', functions: ['applyItems@store-cases.ts'] },
  { phase: 'commits (WAL writes, word-index segments flushed)', functions: ['sqliteTransaction'] },
  { phase: 'planner statistics (ANALYZE)', functions: ['refreshPlannerStatistics'] },
  { phase: 'garbage collection', functions: ['(garbage collector)'] },
  { phase: 'V8 and native code outside JavaScript', functions: ['(program)'] },
  { phase: 'waiting for pages (idle)', functions: ['(idle)'] },
]
const OTHER = 'other'
/** The thread's start: its modules read and compiled. */
const LOADING = 'loading the code'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface PhaseShare {
  phase: string
  seconds: number
  share: number
}

export interface ThreadProfile {
  file: string
  seconds: number
  phases: PhaseShare[]
}

/** The profiles in `dir` of threads that ran `entry` (a file name), in the order they started. */
export function threadProfiles(dir: string, entry: string): ThreadProfile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort(bySequence)
    .map((name) => ({
      name,
      profile: JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile,
    }))
    .filter(({ profile }) => profile.nodes.some((n) => n.callFrame.url.endsWith(entry)))
    .map(({ name, profile }) => ({
      file: name,
      seconds: (profile.endTime - profile.startTime) / 1e6,
      phases: phasesOf(profile),
    }))
}

/** Node names them CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile. */
function bySequence(a: string, b: string): number {
  const sequence = (name: string) => Number(name.split('.').at(-2))
  return sequence(a) - sequence(b)
}

export function phasesOf(profile: CpuProfile): PhaseShare[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id)
  const phaseOfNode = new Map<number, string>()
  const phaseOf = (id: number): string => {
    const known = phaseOfNode.get(id)
    if (known !== undefined) return known
    const frame = byId.get(id)?.callFrame
    const name = frame?.functionName ?? ''
    const file = frame?.url.split('/').at(-1) ?? ''
    const own =
      PHASES.find((p) => p.functions.includes(name) || p.functions.includes(`${name}@${file}`))
        ?.phase ?? (frame?.url.startsWith('node:internal/modules/') ? LOADING : undefined)
    const parent = parentOf.get(id)
    const phase = own ?? (parent === undefined ? OTHER : phaseOf(parent))
    phaseOfNode.set(id, phase)
    return phase
  }
  const micros = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const phase = phaseOf(id)
    micros.set(phase, (micros.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const total = [...micros.values()].reduce((a, b) => a + b, 0) || 1
  return [...PHASES.map((p) => p.phase), LOADING, OTHER]
    .map((phase) => ({
      phase,
      seconds: (micros.get(phase) ?? 0) / 1e6,
      share: (micros.get(phase) ?? 0) / total,
    }))
    .filter((p) => p.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
}

/** "commits 31% (70.2 s), …", leaving out what took under half a percent. */
export function describePhases(phases: readonly PhaseShare[]): string {
  return phases
    .filter((p) => p.share >= 0.005)
    .map((p) => `${p.phase} ${Math.round(p.share * 100)}% (${p.seconds.toFixed(1)} s)`)
    .join(', ')
}
