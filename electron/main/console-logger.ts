// A plain console logger until the log-file issue brings electron-log (with PII redaction).
import type { Logger } from '../core/app/types.ts'

export function createConsoleLogger(scope = 'porchlight'): Logger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level} [${scope}] ${message}`
  const withDetail = (write: (...parts: unknown[]) => void, level: string) => {
    return (message: string, detail?: unknown) =>
      detail === undefined ? write(line(level, message)) : write(line(level, message), detail)
  }
  return {
    info: withDetail(console.info, 'info'),
    warn: withDetail(console.warn, 'warn'),
    error: withDetail(console.error, 'error'),
  }
}
