// Browser mode (the core under Node, the renderer served on 127.0.0.1) in a process of its own,
// for the benchmarks that drive the UI in Chromium. Sync and retention timers are off and no tile
// server is asked, so nothing runs in it but what the page asks for.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const REPO = new URL('../..', import.meta.url).pathname
const CLI = join(REPO, 'electron/core/browser-mode/cli.ts')

/** Starts browser mode on `dataDir` against `serviceUrl`; resolves with its URL (token and all). */
export async function startBrowserMode(
  dataDir: string,
  serviceUrl: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CLI,
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--service',
      serviceUrl,
      '--sync-interval',
      '0',
      '--retention-interval',
      '0',
      '--tile-server',
      'off',
    ],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      60_000,
    )
    child.stdout?.on('data', () => {
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
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
