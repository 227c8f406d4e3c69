// The `porchlight` command on a damaged cache, run as a person runs it (a child process): one
// paragraph in words, exit code 1, never a stack trace; the damaged file kept aside; the next run
// works on the new cache.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CACHE,
  fillCache,
  garblePages,
  leafPagesOf,
  truncateCache,
  type FilledCache,
} from '../db/damaged-cache-fixture.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

const dirs: string[] = []
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-damaged-cli-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Words, not a trace: no stack frames, no "unexpected error", one paragraph. */
function expectPlainWords(stderr: string) {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toContain('unexpected error')
  expect(stderr).not.toContain('SqliteError')
  expect(stderr.trim().split('\n')).toHaveLength(1)
}

const damages: Array<[string, (dataDir: string) => Promise<FilledCache | null>]> = [
  [
    'a zero-byte file',
    async (dir) => {
      writeFileSync(join(dir, CACHE), '')
      return null
    },
  ],
  [
    'a text file',
    async (dir) => {
      writeFileSync(join(dir, CACHE), 'not a database\n'.repeat(50))
      return null
    },
  ],
  [
    'a cut-short file',
    async (dir) => {
      const filled = await fillCache(dir, { deliveries: 600 })
      truncateCache(dir, Math.floor(filled.pages * 0.7) * filled.pageSize)
      return filled
    },
  ],
  [
    'garbage pages in the middle',
    async (dir) => {
      const filled = await fillCache(dir, { deliveries: 600 })
      const middle = Math.floor(filled.pages / 2)
      garblePages(dir, [middle, middle + 1, middle + 2], filled.pageSize)
      return filled
    },
  ],
  [
    'a destroyed page of the case events',
    async (dir) => {
      const filled = await fillCache(dir, { deliveries: 200 })
      const leaves = leafPagesOf(dir, 'case_events')
      garblePages(dir, [leaves[Math.floor(leaves.length / 2)]!], filled.pageSize)
      return filled
    },
  ],
]

// Each test starts the command two or three times; on a busy 2-core machine a start alone can
// take ten seconds or more.
describe('porchlight on a damaged cache', { timeout: 150_000 }, () => {
  for (const [name, damage] of damages) {
    it(`${name}: says what happened in words, exits 1, and works on the next run`, async () => {
      const dataDir = tempDataDir()
      const filled = await damage(dataDir)
      const first = await run(['search', 'Customer', '--data-dir', dataDir])
      expect(first.code).toBe(1)
      expect(first.stdout).toBe('')
      expectPlainWords(first.stderr)
      expect(first.stderr).toMatch(/^porchlight: The local cache could not be used: /)
      expect(first.stderr).toMatch(/It was kept as damaged\/porchlight-[0-9TZ-]+\.sqlite/)
      expect(first.stderr).toContain(
        'Deliveries, photos and cases will be downloaded again at the next sync. Run the command again to use the new cache.',
      )
      if (filled) expect(first.stderr).toContain('Recovered from it: ')
      else expect(first.stderr).toContain('Nothing in it could be read, so nothing was recovered.')
      expect(readdirSync(join(dataDir, 'damaged')).some((f) => f.endsWith('.sqlite'))).toBe(true)

      const second = await run(['search', 'Customer', '--data-dir', dataDir])
      expect(second).toEqual({ code: 0, stdout: 'No deliveries match “Customer”.\n', stderr: '' })
    })
  }

  it('a damaged page met while the command runs: words, exit 1, recovered at the next run', async () => {
    const dataDir = tempDataDir()
    const filled = await fillCache(dataDir, { deliveries: 600 })
    // The search index's pages: read by a search, not by the start's check of a large cache
    // (here every cache counts as large), nor by opening.
    garblePages(dataDir, leafPagesOf(dataDir, 'deliveries_fts_data'), filled.pageSize)
    const large = { PORCHLIGHT_FULL_CHECK_MB: '0' }

    const first = await run(['search', 'Customer', '--data-dir', dataDir], large)
    expect(first.code).toBe(1)
    expect(first.stdout).toBe('')
    expectPlainWords(first.stderr)
    expect(first.stderr).toContain(
      'porchlight: The local cache is damaged: database disk image is malformed. Porchlight has stopped using it. The next start',
    )
    expect(existsSync(join(dataDir, `${CACHE}.damaged`))).toBe(true)

    const second = await run(['search', 'Customer', '--data-dir', dataDir], large)
    expect(second.code).toBe(1)
    expectPlainWords(second.stderr)
    expect(second.stderr).toContain('(met while Porchlight was running, ')
    expect(second.stderr).toContain(
      `Recovered from it: ${filled.waiting} case changes not yet sent, 36 case changes already sent`,
    )

    const third = await run(['search', 'Customer', '--data-dir', dataDir], large)
    expect(third.code).toBe(0)
  })

  it('audit verify on a damaged cache: the same paragraph, not a stack trace', async () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, CACHE), '')
    const result = await run(['audit', 'verify', '--data-dir', dataDir])
    expect(result.code).toBe(1)
    expectPlainWords(result.stderr)
    expect(result.stderr).toContain('the file is empty (0 bytes)')
  })

  it('a damaged cache that cannot be set aside: words, exit 1, and the file left where it was', async () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, CACHE), '')
    // Something is in the way of the damaged/ folder.
    writeFileSync(join(dataDir, 'damaged'), 'in the way')
    const result = await run(['search', 'Customer', '--data-dir', dataDir])
    expect(result.code).toBe(1)
    expectPlainWords(result.stderr)
    expect(result.stderr).toContain(
      'porchlight: The local cache could not be used (the file is empty (0 bytes)) and could not be recovered: ',
    )
    expect(result.stderr).toContain('Close any other Porchlight window or command')
    expect(existsSync(join(dataDir, CACHE))).toBe(true)
  })
})
