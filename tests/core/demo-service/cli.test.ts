// The standalone command: argument checking, the start-up banner, and a clean stop on SIGTERM.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI = new URL('../../../electron/core/demo-service/cli.ts', import.meta.url).pathname
let cacheDir: string

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'porchlight-demo-cli-'))
})
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true })
})

function run(args: string[]) {
  const child = spawn(process.execPath, ['--experimental-strip-types', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

describe('demo-service command', () => {
  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--deliveries', '0']],
    [['--anchor', '2025-13-45']],
    [['--colour', 'blue']],
  ])('exits 2 with a clear message on bad arguments %j', async (args) => {
    const { exited, output } = run(args)
    expect(await exited).toBe(2)
    expect(output().stderr).toMatch(/port|deliveries|anchor|colour/)
    expect(output().stderr).toContain('Usage:')
  })

  it('starts, prints where it listens and the demo sign-ins, and stops on SIGTERM', async () => {
    const { child, exited, output } = run([
      '--port',
      '0',
      '--deliveries',
      '30',
      '--seed',
      '5',
      '--anchor',
      '2025-06-01',
      '--cache-dir',
      cacheDir,
    ])
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${output().stderr}`)), 10_000)
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output().stdout)
        if (match) {
          clearTimeout(timer)
          resolve(match[1] as string)
        }
      })
    })
    expect(output().stdout).toContain('Porchlight demo service listening on http://127.0.0.1:')
    expect(output().stdout).toContain('agent / demo-agent')
    expect(output().stdout).toContain('supervisor / demo-supervisor')
    const health = await fetch(`${url}/v1/health`)
    expect(health.status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
