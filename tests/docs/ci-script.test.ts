// CI runs `.ci/run` under `set -euo pipefail`. There, a pipeline whose reader stops early
// (`head`, `grep -q`, `grep -m`, `sed …q`) fails the whole run whenever the writer is still
// writing: the writer dies of SIGPIPE (exit 141) and pipefail reports it. That once ended a CI
// run after one second, on `pdftotext -v | head -1`, depending only on timing.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/project-copy.ts'

const scripts = execFileSync('git', ['ls-files', '-z', '.ci'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
  .filter(
    (file) =>
      /^#!.*\b(ba)?sh\b/.test(readFileSync(join(REPO_ROOT, file), 'utf8')) || file.endsWith('.sh'),
  )

/** A reader that may exit before its writer is done. */
const EARLY_READER = /\|\s*(head\b|grep\s+(-\w*[qm]|--quiet|--max-count)|sed\s+(-n\s+)?['"]?\d*q)/

function commandLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((textOfLine, index) => ({ line: index + 1, text: textOfLine.replace(/(^|\s)#.*$/, '') }))
    .filter((entry) => entry.text.trim() !== '')
}

describe('CI scripts', () => {
  it('finds the entry point and what it sources', () => {
    expect(scripts).toContain('.ci/run')
    expect(scripts).toContain('.ci/node24.sh')
  })

  it.each(scripts)('%s pipes into no reader that may stop early', (file) => {
    const early = commandLines(readFileSync(join(REPO_ROOT, file), 'utf8')).filter((entry) =>
      EARLY_READER.test(entry.text),
    )
    expect(early.map((entry) => `${file}:${entry.line}: ${entry.text.trim()}`)).toEqual([])
  })

  describe('the rule is the real failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-ci-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    // A stand-in for `pdftotext -v`: a first line, then more once the reader may have gone.
    const writer = join(dir, 'version-tool')
    writeFileSync(writer, '#!/bin/sh\necho "tool 1.0"\nsleep 0.2\necho "Copyright"\necho "more"\n')
    chmodSync(writer, 0o755)
    const run = (pipeline: string) => {
      try {
        return {
          status: 0,
          out: execFileSync('bash', ['-c', `set -euo pipefail; ${pipeline}`], { encoding: 'utf8' }),
        }
      } catch (error) {
        return { status: (error as { status: number }).status, out: '' }
      }
    }

    it('`| head -1` fails the script with SIGPIPE', () => {
      expect(EARLY_READER.test(`${writer} 2>&1 | head -1`)).toBe(true)
      expect(run(`${writer} 2>&1 | head -1`).status).toBe(141)
    })

    it('`| sed -n 1p` prints the first line and succeeds', () => {
      expect(EARLY_READER.test(`${writer} 2>&1 | sed -n 1p`)).toBe(false)
      expect(run(`${writer} 2>&1 | sed -n 1p`)).toEqual({ status: 0, out: 'tool 1.0\n' })
    })
  })
})
