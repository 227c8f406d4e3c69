// The log file gets redacted lines only: the core's own lines, and through electron-log's hook
// anything else that reaches it (uncaught errors, libraries). electron-log is replaced here.
import { describe, expect, it, vi } from 'vitest'

const electronLog = vi.hoisted(() => {
  const written: Array<[string, unknown[]]> = []
  return {
    written,
    default: {
      transports: {
        file: { level: '', maxSize: 0, getFile: () => ({ path: '/logs/main.log' }) },
        console: { level: '' },
      },
      hooks: [] as Array<(message: { data: unknown[] }) => { data: unknown[] }>,
      errorHandler: { startCatching: vi.fn() },
      info: (...data: unknown[]) => void written.push(['info', data]),
      warn: (...data: unknown[]) => void written.push(['warn', data]),
      error: (...data: unknown[]) => void written.push(['error', data]),
    },
  }
})
vi.mock('electron-log/main', () => electronLog)

const { createFileLogger } = await import('../../electron/main/file-log.ts')

describe('the log file', () => {
  it('is written with redacted lines, rotates, and catches uncaught errors without a dialog', () => {
    const { log, file } = createFileLogger({ console: false })
    expect(file).toBe('/logs/main.log')
    const transports = electronLog.default.transports
    expect(transports.file.maxSize).toBe(5 * 1024 * 1024)
    expect(transports.console.level).toBe('warn')
    expect(electronLog.default.errorHandler.startCatching).toHaveBeenCalledWith({
      showDialog: false,
    })
    log.error('could not reach ada@example.com', { phone: '+1 206 555 0143', id: 'd1' })
    expect(electronLog.written).toEqual([
      ['error', ['could not reach [redacted] {"phone":"[redacted]","id":"d1"}']],
    ])
    expect(log.recentLines()).toHaveLength(1)

    // Whatever else electron-log is handed goes through the hook.
    const hook = electronLog.default.hooks[0]!
    const out = hook({
      data: ['Uncaught at 12 Elm Court', new Error('token=abc for grace@example.com')],
    })
    expect(JSON.stringify(out.data)).not.toMatch(/Elm Court|grace@example.com|abc/)
  })
})
