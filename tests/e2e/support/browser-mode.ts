// Starts the console in browser mode as a person would (`node electron/core/browser-mode/cli.ts`)
// against a delivery service, in a fresh data dir, and hands back the address it prints. The
// online tile server is off unless a test gives one (on 127.0.0.1): tests never reach the internet.
// The benchmarks that drive the UI (tests/bench/) start it the same way.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

const repo = join(import.meta.dirname, '..', '..', '..')

export interface RunningConsole {
  url: string
  dataDir: string
  process: ChildProcess
  output: () => string
  stop(): Promise<void>
}

export async function startConsole(args: {
  /** The delivery service; without one, the built-in demo of `demoDeliveries` (`--demo`). */
  serviceUrl?: string
  demoDeliveries?: number
  syncIntervalSeconds?: number
  /**
   * A tile URL template on 127.0.0.1; 'settings' leaves the choice to Settings (whose default is
   * OpenStreetMap: such a test must set a local server before any map opens). Default: none.
   */
  tileServer?: string
  /** MBTiles files to put in the data folder's maps folder, as an organisation would. */
  mapFiles?: string[]
  retentionIntervalSeconds?: number
  /** A data folder the test made and removes itself; default: a fresh one, removed at stop. */
  dataDir?: string
  /** More options for browser mode (e.g. --new-cache). */
  extraArgs?: string[]
  /** Puts files in the data folder before the console starts (a cache to open, say). */
  prepare?: (dataDir: string) => Promise<void>
  /** How long it may take to start (the benches open a cache of a million deliveries). */
  startTimeoutMs?: number
}): Promise<RunningConsole> {
  const dataDir = args.dataDir ?? mkdtempSync(join(tmpdir(), 'porchlight-e2e-'))
  await args.prepare?.(dataDir)
  if (args.mapFiles?.length) {
    mkdirSync(join(dataDir, 'maps'), { recursive: true })
    for (const file of args.mapFiles) copyFileSync(file, join(dataDir, 'maps', basename(file)))
  }
  const child = spawn(
    process.execPath,
    [
      join(repo, 'electron/core/browser-mode/cli.ts'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(args.serviceUrl
        ? ['--service', args.serviceUrl]
        : ['--demo', '--demo-deliveries', String(args.demoDeliveries ?? 2000)]),
      '--sync-interval',
      String(args.syncIntervalSeconds ?? 0),
      ...(args.tileServer === 'settings' ? [] : ['--tile-server', args.tileServer ?? 'off']),
      // The demo worlds are dated; retention would remove their older photos mid-test.
      '--retention-interval',
      String(args.retentionIntervalSeconds ?? 0),
      ...(args.extraArgs ?? []),
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      args.startTimeoutMs ?? 30_000,
    )
    child.stdout.on('data', () => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        // A console whose event loop is stuck cannot run its SIGTERM handler: do not leave it.
        const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(stuck)
      }
      if (args.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
