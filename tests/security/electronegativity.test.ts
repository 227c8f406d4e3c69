// Electronegativity over Porchlight's code, offline, in every `npm test`: any finding that is not
// in electronegativity-allowlist.json (with its reason) fails the run, and so does an allow-list
// entry that no longer matches a finding, or a file the scanner could not read.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'

const here = import.meta.dirname

const AllowList = z.object({
  allowed: z.array(
    z.object({
      check: z.string().min(1),
      file: z.string().min(1),
      reason: z.string().min(40, 'say why the finding is accepted'),
    }),
  ),
})

const Scan = z.object({
  electronVersion: z.string(),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
  findings: z.array(
    z.object({ check: z.string(), file: z.string(), line: z.number(), description: z.string() }),
  ),
})

function scan(): Promise<z.infer<typeof Scan>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', join(here, 'offline.ts'), join(here, 'run-electronegativity.ts')],
      { timeout: 120_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`the scan failed: ${stderr || error.message}`))
        const json = stdout.trim().split('\n').at(-1) ?? ''
        try {
          resolve(Scan.parse(JSON.parse(json)))
        } catch (parseError) {
          reject(new Error(`unreadable scan output: ${stdout}`, { cause: parseError }))
        }
      },
    )
  })
}

describe('Electronegativity', () => {
  it('finds nothing that is not reviewed and allowed, offline', async () => {
    const allow = AllowList.parse(
      JSON.parse(readFileSync(join(here, 'electronegativity-allowlist.json'), 'utf8')),
    ).allowed
    const result = await scan()
    expect(result.errors, 'files the scanner could not read').toEqual([])
    const key = (f: { check: string; file: string }) => `${f.check} ${f.file}`
    const allowed = new Set(allow.map(key))
    const unexpected = result.findings
      .filter((f) => !allowed.has(key(f)))
      .map((f) => `${f.check} at ${f.file}:${f.line}: ${f.description}`)
    expect(unexpected, 'findings not in the allow-list').toEqual([])
    const found = new Set(result.findings.map(key))
    const stale = allow.filter((entry) => !found.has(key(entry))).map(key)
    expect(stale, 'allow-list entries that match no finding any more').toEqual([])
  })
})
