// Help → Report a problem…: one text file that support can attach to a ticket. It holds the
// diagnostics ("Copy diagnostics" in Settings: versions, OS, settings, sync state, no customer
// detail, no secret) and the end of the log, redacted again on the way out. Saved where the person
// chooses (Downloads by default), readable by them alone, then shown in its folder.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Dialog, Shell } from 'electron'
import type { Logger } from '../core/common/logger.ts'
import { redactText } from '../core/logging/redact.ts'
import { t } from '../core/messages/messages.ts'

/** The end of the log that goes into a report: enough for the last hours of work. */
export const LOG_TAIL_BYTES = 512 * 1024

export interface ReportProblemOptions {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showMessageBox'>
  shell: Pick<Shell, 'showItemInFolder'>
  window: () => BrowserWindow | null
  diagnostics: () => Promise<{ text: string; logFile: string | null }>
  defaultFolder: string
  log: Logger
  now?: () => Date
}

/** The last `bytes` of a file, from the start of a line; empty when it cannot be read. */
export function tailOf(file: string, bytes: number): string {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return ''
  }
  try {
    const size = fstatSync(fd).size
    const start = Math.max(0, size - bytes)
    const buffer = Buffer.alloc(size - start)
    readSync(fd, buffer, 0, buffer.length, start)
    const text = buffer.toString('utf8')
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1)
  } finally {
    closeSync(fd)
  }
}

export function problemReportText(diagnostics: { text: string; logFile: string | null }): string {
  const log = diagnostics.logFile ? tailOf(diagnostics.logFile, LOG_TAIL_BYTES) : ''
  return [
    diagnostics.text.trimEnd(),
    '',
    diagnostics.logFile ? '--- The log, newest last (redacted) ---' : '--- No log file ---',
    redactText(log).trimEnd(),
    '',
  ].join('\n')
}

/** Asks where to save the report, writes it, and shows it; null when the person cancelled. */
export async function reportProblem(options: ReportProblemOptions): Promise<string | null> {
  const stamp = (options.now?.() ?? new Date()).toISOString().slice(0, 16).replace(/[-:T]/g, '')
  const parent = options.window()
  const saveOptions = {
    title: t('shell:reportProblem.title'),
    defaultPath: join(options.defaultFolder, `porchlight-problem-report-${stamp}.txt`),
    filters: [{ name: t('shell:reportProblem.files'), extensions: ['txt'] }],
    buttonLabel: t('shell:reportProblem.button'),
  }
  const chosen = await (parent
    ? options.dialog.showSaveDialog(parent, saveOptions)
    : options.dialog.showSaveDialog(saveOptions))
  if (chosen.canceled || !chosen.filePath) return null
  try {
    const text = problemReportText(await options.diagnostics())
    writeFileSync(chosen.filePath, text, { mode: 0o600 })
  } catch (error) {
    options.log.error('could not save a problem report', error)
    await options.dialog.showMessageBox({
      type: 'error',
      title: t('app:name'),
      message: t('shell:reportProblem.failed'),
      detail: error instanceof Error ? error.message : String(error),
      buttons: [t('shell:ok')],
    })
    return null
  }
  options.log.info('a problem report was saved')
  options.shell.showItemInFolder(chosen.filePath)
  return chosen.filePath
}
