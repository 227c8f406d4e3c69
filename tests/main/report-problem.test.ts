// Help → Report a problem…: a text file of the diagnostics and the end of the log, redacted, saved
// where the person chooses, readable by them alone, and shown in its folder. Electron's dialog and
// shell are stand-ins; the file is real.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOG_TAIL_BYTES, reportProblem, tailOf } from '../../electron/main/report-problem.ts'

const dir = mkdtempSync(join(tmpdir(), 'porchlight-report-problem-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const log = { info: () => {}, warn: () => {}, error: () => {} }

function fakes(answer: { canceled: boolean; filePath?: string }) {
  const asked: unknown[] = []
  const shown: string[] = []
  const messages: unknown[] = []
  return {
    asked,
    shown,
    messages,
    dialog: {
      showSaveDialog: (async (...args: unknown[]) => (asked.push(args.at(-1)), answer)) as never,
      showMessageBox: (async (options: unknown) => (
        messages.push(options),
        { response: 0 }
      )) as never,
    },
    shell: { showItemInFolder: (path: string) => void shown.push(path) },
  }
}

describe('a problem report', () => {
  it('holds the diagnostics and the redacted end of the log, for its reader alone', async () => {
    const logFile = join(dir, 'porchlight.log')
    writeFileSync(
      logFile,
      ['started', 'sync failed: Authorization: Bearer abc.def.ghi', 'photo saved'].join('\n'),
    )
    const target = join(dir, 'report.txt')
    const f = fakes({ canceled: false, filePath: target })
    const saved = await reportProblem({
      ...f,
      window: () => null,
      diagnostics: async () => ({ text: 'Porchlight diagnostics\nVersion: 0.1.0\n', logFile }),
      defaultFolder: '/home/alex/Downloads',
      log,
      now: () => new Date('2026-12-07T09:41:00Z'),
    })
    expect(saved).toBe(target)
    expect(f.asked[0]).toMatchObject({
      defaultPath: '/home/alex/Downloads/porchlight-problem-report-202612070941.txt',
    })
    const text = readFileSync(target, 'utf8')
    expect(text).toContain('Porchlight diagnostics\nVersion: 0.1.0')
    expect(text).toContain('--- The log, newest last (redacted) ---\nstarted\n')
    expect(text).toContain('photo saved')
    expect(text).not.toContain('abc.def.ghi')
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600)
    expect(f.shown).toEqual([target])
  })

  it('is not written when the person cancels', async () => {
    const f = fakes({ canceled: true })
    const saved = await reportProblem({
      ...f,
      window: () => null,
      diagnostics: async () => ({ text: 'x', logFile: null }),
      defaultFolder: dir,
      log,
    })
    expect(saved).toBeNull()
    expect(f.shown).toEqual([])
  })

  it('says so in a dialog when it cannot be saved', async () => {
    const f = fakes({ canceled: false, filePath: join(dir, 'no-such-folder', 'report.txt') })
    const saved = await reportProblem({
      ...f,
      window: () => null,
      diagnostics: async () => ({ text: 'x', logFile: null }),
      defaultFolder: dir,
      log,
    })
    expect(saved).toBeNull()
    expect(f.messages[0]).toMatchObject({ message: 'The problem report could not be saved.' })
  })

  it('takes only the end of a long log, from the start of a line', () => {
    const file = join(dir, 'long.log')
    const line = `${'x'.repeat(99)}\n`
    writeFileSync(file, `first line\n${line.repeat(LOG_TAIL_BYTES / 100 + 50)}`)
    const tail = tailOf(file, LOG_TAIL_BYTES)
    expect(tail.length).toBeLessThanOrEqual(LOG_TAIL_BYTES)
    expect(tail.startsWith('x'.repeat(99))).toBe(true)
    expect(tail).not.toContain('first line')
    expect(tailOf(join(dir, 'missing.log'), 10)).toBe('')
  })
})
