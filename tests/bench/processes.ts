// The bench's child processes. Each measured stretch runs in a fresh process of its own, so its
// peak RSS and event loop are its own; the demo service runs in another, so its CPU (building
// pages, serving photos) is never on the measured thread.
import { spawn } from 'node:child_process'
import { setPriority } from 'node:os'
import { createInterface } from 'node:readline'
import type { ServeDemoOptions, ServedDemo } from './serve-demo.ts'
import type { WorkerName } from './worker.ts'

const WORKER = new URL('./worker.ts', import.meta.url).pathname
const SERVE_DEMO = new URL('./serve-demo.ts', import.meta.url).pathname
const DEMO_NICENESS = 10

/**
 * Runs one of worker.ts's jobs in a new Node process and resolves with what it sends back.
 * `heapMB` raises V8's heap limit for the jobs that hold a whole generated world.
 */
export function runWorker<R>(
  name: WorkerName,
  args: unknown,
  heapMB?: number,
  nodeFlags: readonly string[] = [],
): Promise<R> {
  const flags = [...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), ...nodeFlags]
  const child = spawn(process.execPath, [...flags, WORKER, name, JSON.stringify(args)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise<R>((resolve, reject) => {
    let result: { ok: true; value: R } | { ok: false; error: string } | null = null
    child.on('message', (message) => {
      result = message as typeof result
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (result?.ok) resolve(result.value)
      else if (result) reject(new Error(`${name} failed: ${result.error}`))
      else reject(new Error(`${name} exited with ${signal ?? code} before sending its result`))
    })
  })
}

export interface DemoChild {
  url: string
  info: ServedDemo
  stop(): Promise<void>
}

/** Starts the demo service in its own process; it stops when we close its stdin. */
export async function startDemoChild(options: ServeDemoOptions): Promise<DemoChild> {
  // A world of a million deliveries outgrows V8's default heap.
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=8192', SERVE_DEMO, JSON.stringify(options)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  // In use the delivery service is another computer. Here it shares two cores with the process
  // measured, so it runs at a lower priority: the OS then takes the CPU from it, not from the
  // app's main thread, when the app wants it (the event-loop figure is the app's own stalls).
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, DEMO_NICENESS)
    } catch {
      // Not allowed here: the figures then include the service's share of the cores.
    }
  }
  const lines = createInterface({ input: child.stdout })
  const info = await new Promise<ServedDemo>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as ServedDemo))
    child.once('exit', (code) => reject(new Error(`the demo service exited with ${code}`)))
  })
  return {
    url: info.url,
    info,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin.end()
      await exited
    },
  }
}
