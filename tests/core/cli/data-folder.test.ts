// A data folder given by path that does not exist is named, never taken as a new, empty cache:
// the commands that read the cache refuse it and make nothing; `sync`, which fills one, makes a
// new folder only where its parent exists.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoService, type DemoService } from '../../../electron/core/demo-service/index.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        env: { ...process.env, PORCHLIGHT_PASSWORD: '', PORCHLIGHT_DATA_DIR: '' },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

describe('a data folder that is not there', () => {
  const temp = tempDir('porchlight-data-folder-')
  let service: DemoService

  beforeAll(async () => {
    service = await startDemoService({ seed: 5, deliveries: 12, anchor: new Date('2025-06-01Z') })
  })
  afterAll(async () => {
    await service.close()
    temp.remove()
  })

  it('is named by every command that reads the cache, and none of them makes it', async () => {
    const typo = join(temp.dir, 'typo')
    const empty = join(temp.dir, 'empty')
    mkdirSync(empty)
    const out = join(temp.dir, 'r.csv')
    const report = ['report', '--from', '2025-05-01', '--to', '2025-05-31', '--format', 'csv']
    const commands = [
      ['search', 'Smith'],
      ['show', 'ord_1'],
      [...report, '--out', out, '--user', 'supervisor', '--password', 'demo-supervisor'],
      ['audit', 'verify'],
    ]
    for (const command of commands) {
      const missing = await run([...command, '--data-dir', typo])
      expect(missing, command[0]).toMatchObject({ code: 1, stdout: '' })
      expect(missing.stderr).toBe(
        `porchlight: No Porchlight data at ${typo}: there is no such folder.\n`,
      )
      expect(existsSync(typo)).toBe(false)

      const nothing = await run([...command, '--data-dir', empty])
      expect(nothing, command[0]).toMatchObject({ code: 1, stdout: '' })
      expect(nothing.stderr).toContain(
        `No Porchlight data at ${empty}: the folder holds no cache. Fill it first with porchlight sync.`,
      )
      expect(existsSync(join(empty, 'porchlight.sqlite'))).toBe(false)
    }
  }, 180_000)

  it('is made by sync where its parent exists, and named where the parent is missing too', async () => {
    const sync = ['sync', '--api', service.url, '--user', 'agent', '--password', 'demo-agent']
    const nowhere = join(temp.dir, 'no-such-parent', 'data')
    const refused = await run([...sync, '--data-dir', nowhere])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      `There is no folder ${nowhere}, nor ${join(temp.dir, 'no-such-parent')} to make it in.`,
    )
    expect(existsSync(join(temp.dir, 'no-such-parent'))).toBe(false)

    const fresh = join(temp.dir, 'fresh')
    const started = await run([...sync, '--data-dir', fresh])
    expect(started.stderr).toBe('')
    expect(started.code).toBe(0)
    expect(started.stdout).toMatch(
      new RegExp(`^Started a new Porchlight cache in ${fresh}\\.\\nSynced from `),
    )
    expect(started.stdout).toContain('deliveries: 12 received, 12 stored')
    const found = await run(['search', 'a', '--json', '--data-dir', fresh])
    expect(found.code).toBe(0)
    expect(JSON.parse(found.stdout).length).toBeGreaterThan(0)
  }, 120_000)
})
