// Entry point of the bench's worker processes (see processes.ts):
//   node tests/bench/worker.ts <name> '<json args>'
// Runs the named job and sends its result to the parent over IPC.
const WORKERS = {
  'ingest-run': async () => (await import('./ingest-run.ts')).ingestRun,
  'fill-cache': async () => (await import('./fill-cache.ts')).fillCache,
  'search-run': async () => (await import('./search-run.ts')).searchRun,
  'open-run': async () => (await import('./open-run.ts')).openRun,
  'photo-run': async () => (await import('./photo-run.ts')).photoRun,
  'check-run': async () => (await import('./check-run.ts')).checkRun,
  'cold-start-run': async () => (await import('./cold-start-run.ts')).coldStartRun,
} as const

export type WorkerName = keyof typeof WORKERS

function isWorkerName(name: string | undefined): name is WorkerName {
  return name !== undefined && Object.hasOwn(WORKERS, name)
}

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2)
  if (!isWorkerName(name) || !process.send) throw new Error(`usage: worker.ts <name> <json>`)
  const job = (await WORKERS[name]()) as (args: unknown) => Promise<unknown>
  let message: unknown
  try {
    message = { ok: true, value: await job(JSON.parse(json ?? '{}')) }
  } catch (error) {
    message = {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }
  }
  // Exit once the message is out: timers or sockets a job left behind must not keep us alive.
  process.send(message, () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
