// Runs Electronegativity over Porchlight's own code (electron/ and src/, with package.json for
// the Electron version) and prints its findings as JSON. Run it offline:
//   node --import ./tests/security/offline.ts tests/security/run-electronegativity.ts
// The check that downloads Electron's release list (AvailableSecurityFixesGlobalCheck) is left
// out; keeping Electron current is the dependency policy's job (SECURITY.md, item 16).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const require = createRequire(join(root, 'package.json'))

export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

interface Issue {
  id: string
  file: string
  location: { line: number; column: number }
  sample?: string
  description: string
}

const scanDir = mkdtempSync(join(tmpdir(), 'porchlight-electronegativity-'))
try {
  cpSync(join(root, 'electron'), join(scanDir, 'electron'), { recursive: true })
  cpSync(join(root, 'src'), join(scanDir, 'src'), { recursive: true })
  cpSync(join(root, 'package.json'), join(scanDir, 'package.json'))
  const electronVersion = (
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const run = require('@doyensec/electronegativity') as (options: object) => Promise<{
    errors: Array<{ file: string; message: string }>
    issues: Issue[]
  }>
  const result = await run({
    input: scanDir,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    isRelative: true,
  })
  process.stdout.write(
    `${JSON.stringify({
      electronVersion,
      errors: result.errors,
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: issue.file,
        line: issue.location.line,
        description: issue.description,
      })),
    })}\n`,
  )
} finally {
  rmSync(scanDir, { recursive: true, force: true })
}
