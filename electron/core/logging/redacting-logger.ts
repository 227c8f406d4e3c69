// The one logger every host gives the core: each line is redacted (redact.ts) before it goes to
// the sink (electron-log's file in the app, stderr in browser mode), and the most recent lines are
// kept in memory for "Copy diagnostics".
import type { Logger } from '../common/logger.ts'
import { redactedLine } from './redact.ts'

export type LogLevel = 'info' | 'warn' | 'error'

export interface RedactingLogger extends Logger {
  /** The newest redacted lines, oldest first, each prefixed with its time and level. */
  recentLines(limit?: number): string[]
}

export function createRedactingLogger(
  sink: (level: LogLevel, line: string) => void,
  options: { keep?: number; now?: () => Date } = {},
): RedactingLogger {
  const keep = options.keep ?? 200
  const recent: string[] = []
  const write = (level: LogLevel) => (message: string, detail?: unknown) => {
    let line: string
    try {
      line = redactedLine(message, detail)
    } catch {
      // A detail that cannot even be walked is dropped rather than risk writing it raw.
      line = `${redactedLine(message)} [detail could not be logged safely]`
    }
    recent.push(`${(options.now?.() ?? new Date()).toISOString()} ${level} ${line}`)
    if (recent.length > keep) recent.splice(0, recent.length - keep)
    sink(level, line)
  }
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    recentLines: (limit = 50) => recent.slice(-limit),
  }
}
