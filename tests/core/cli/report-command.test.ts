// `porchlight report`, run as a scheduled job would run it: a child process on a data dir that
// the `sync` command filled from the demo delivery service. Supervisors who give their
// credentials get the file (and an entry in the export log); agents are refused, and so is a
// report without credentials, whoever signed in there before.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoService, type DemoService } from '../../../electron/core/demo-service/index.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        env: { ...process.env, PORCHLIGHT_PASSWORD: '', PORCHLIGHT_SERVICE_URL: '', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

describe('porchlight report', () => {
  const temp = tempDir('porchlight-report-cli-')
  const supervisorDir = join(temp.dir, 'supervisor')
  const agentDir = join(temp.dir, 'agent')
  const period = ['--from', '2025-04-01', '--to', '2025-06-01', '--tz', 'America/Los_Angeles']
  let service: DemoService

  beforeAll(async () => {
    service = await startDemoService({
      seed: 3,
      deliveries: 80,
      anchor: new Date('2025-06-01T00:00:00Z'),
    })
    for (const [dir, user, password] of [
      [supervisorDir, 'supervisor', 'demo-supervisor'],
      [agentDir, 'agent', 'demo-agent'],
    ] as const) {
      const synced = await run([
        'sync',
        '--api',
        service.url,
        '--user',
        user,
        '--password',
        password,
        '--data-dir',
        dir,
      ])
      expect(synced.code).toBe(0)
    }
  })
  afterAll(async () => {
    await service.close()
    temp.remove()
  })

  it('writes the report for a supervisor, checked with the service the cache came from, and logs it', async () => {
    const out = join(temp.dir, 'scheduled.csv')
    const { code, stdout, stderr } = await run(
      [
        'report',
        ...period,
        '--format',
        'csv',
        '--out',
        out,
        '--data-dir',
        supervisorDir,
        '--user',
        'supervisor',
        '--json',
      ],
      { PORCHLIGHT_PASSWORD: 'demo-supervisor' },
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const summary = JSON.parse(stdout)
    expect(summary).toMatchObject({ file: out, format: 'csv', user: 'u_sam_okafor' })
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n')
    expect(lines).toHaveLength(summary.rows + 1)
    expect(summary.rows).toBeGreaterThan(0)
    expect(readdirSync(temp.dir).filter((n) => n.endsWith('.part'))).toEqual([])
    const db = new BetterSqlite3(join(supervisorDir, 'porchlight.sqlite'), { readonly: true })
    try {
      expect(
        db
          .prepare('SELECT user_id, format, row_count, outcome, via, file_name FROM export_log')
          .all(),
      ).toEqual([
        {
          user_id: 'u_sam_okafor',
          format: 'csv',
          row_count: summary.rows,
          outcome: 'done',
          via: 'command line',
          file_name: 'scheduled.csv',
        },
      ])
    } finally {
      db.close()
    }
  })

  it('signs in with --user and --password against the service', async () => {
    const out = join(temp.dir, 'signed-in.xlsx')
    const { code, stdout } = await run([
      'report',
      ...period,
      '--format',
      'xlsx',
      '--out',
      out,
      '--data-dir',
      agentDir,
      '--user',
      'supervisor',
      '--password',
      'demo-supervisor',
      '--api',
      service.url,
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^Wrote \d+ cases \(2025-04-01 to 2025-06-01, America\/Los_Angeles\) to .*signed-in\.xlsx in [\d.]+ s, as Sam Okafor\.\n$/,
    )
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
  })

  it('runs as no one without credentials: the sync as a supervisor left no sign-in behind', async () => {
    const out = join(temp.dir, 'nobody.csv')
    const { code, stderr } = await run([
      'report',
      ...period,
      '--format',
      'csv',
      '--out',
      out,
      '--data-dir',
      supervisorDir,
    ])
    expect(code).toBe(2)
    expect(stderr).toContain("--user: is required: a report is a supervisor's")
    expect(existsSync(out)).toBe(false)
    const db = new BetterSqlite3(join(supervisorDir, 'porchlight.sqlite'), { readonly: true })
    try {
      expect(db.prepare("SELECT key FROM app_state WHERE key LIKE 'session.%'").all()).toEqual([])
    } finally {
      db.close()
    }
  })

  it('refuses agents and wrong passwords', async () => {
    const out = join(temp.dir, 'agent.pdf')
    const agent = await run([
      'report',
      ...period,
      '--format',
      'pdf',
      '--out',
      out,
      '--data-dir',
      agentDir,
      '--user',
      'agent',
      '--password',
      'demo-agent',
    ])
    expect(agent.code).toBe(1)
    expect(agent.stderr).toBe(
      'porchlight: Reports are for supervisors; Alex Rivera (u_alex_rivera) signs in as an agent.\n',
    )
    const signedIn = await run([
      'report',
      ...period,
      '--format',
      'pdf',
      '--out',
      out,
      '--data-dir',
      supervisorDir,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--api',
      service.url,
    ])
    expect(signedIn.code).toBe(1)
    expect(signedIn.stderr).toContain('Reports are for supervisors')
    const wrong = await run([
      'report',
      ...period,
      '--format',
      'pdf',
      '--out',
      out,
      '--data-dir',
      supervisorDir,
      '--user',
      'supervisor',
      '--password',
      'nope',
      '--api',
      service.url,
    ])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('The user name or password is not right.')
    expect(existsSync(out)).toBe(false)
  })

  it('says what is wrong with the options', async () => {
    const badFormat = await run([
      'report',
      ...period,
      '--format',
      'docx',
      '--out',
      'x',
      '--data-dir',
      supervisorDir,
    ])
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toContain('--format: must be csv, xlsx or pdf')
    const backwards = await run([
      'report',
      '--from',
      '2025-06-01',
      '--to',
      '2025-04-01',
      '--format',
      'csv',
      '--out',
      join(temp.dir, 'x.csv'),
      '--data-dir',
      supervisorDir,
    ])
    expect(backwards.code).toBe(2)
    expect(backwards.stderr).toContain('--to: The period ends before it starts')
    const noFolder = await run([
      'report',
      ...period,
      '--format',
      'csv',
      '--out',
      join(temp.dir, 'missing', 'x.csv'),
      '--data-dir',
      supervisorDir,
      '--user',
      'supervisor',
      '--password',
      'demo-supervisor',
    ])
    expect(noFolder.code).toBe(1)
    expect(noFolder.stderr).toContain('does not exist')
    const nobody = await run([
      'report',
      ...period,
      '--format',
      'csv',
      '--out',
      join(temp.dir, 'y.csv'),
      '--data-dir',
      join(temp.dir, 'empty'),
      '--user',
      'supervisor',
      '--password',
      'demo-supervisor',
    ])
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('No Porchlight data at')
    expect(existsSync(join(temp.dir, 'empty'))).toBe(false)
  })
})
