// The log file: electron-log writing to the person's log folder (macOS ~/Library/Logs/Porchlight,
// Windows %APPDATA%\Porchlight\logs, Linux ~/.config/Porchlight/logs), rotated at 5 MB. Every
// line is redacted by the core before it arrives, and a hook redacts whatever else reaches
// electron-log (its handler for uncaught errors, anything a library logs through it).
import log from 'electron-log/main'
import type { LogMessage } from 'electron-log'
import { redactText, redactValue } from '../core/logging/redact.ts'
import { createRedactingLogger, type RedactingLogger } from '../core/logging/redacting-logger.ts'

const MAX_LOG_BYTES = 5 * 1024 * 1024

/** electron-log hook: every piece of every message, redacted. */
export function redactMessage(message: LogMessage): LogMessage {
  return {
    ...message,
    data: message.data.map((part: unknown) =>
      typeof part === 'string' ? redactText(part) : redactValue(part),
    ),
  }
}

export function createFileLogger(options: { console: boolean }): {
  log: RedactingLogger
  file: string | null
} {
  log.transports.file.level = 'info'
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.transports.console.level = options.console ? 'info' : 'warn'
  log.hooks.push(redactMessage)
  // Uncaught errors in the main process are logged (redacted), not shown as a raw dialog.
  log.errorHandler.startCatching({ showDialog: false })
  const logger = createRedactingLogger((level, line) => log[level](line))
  let file: string | null
  try {
    file = log.transports.file.getFile().path
  } catch {
    file = null
  }
  return { log: logger, file }
}
