// The API handlers for looking after the installation: diagnostics for support, opening a link
// the person clicked, and updates. The diagnostics stay in English whatever the language: support
// reads them beside the log, which is English too.
import { homedir } from 'node:os'
import { type ApiHandlers } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import { diagnosticsText, type DiagnosticsInput } from '../diagnostics/diagnostics.ts'
import { externalLinkToOpen } from '../security/external-links.ts'
import type { UpdateChecker, UpdateState, UpdatesOffReason } from '../updates/update-checker.ts'
import type { Logger } from '../common/logger.ts'

type MaintenanceHandlerNames =
  'getDiagnostics' | 'openExternalLink' | 'getUpdateStatus' | 'checkForUpdates' | 'restartToUpdate'

/** Opening links in the browser: one at a time, and not more than a few per second. */
const MIN_LINK_INTERVAL_MS = 500

/** Why updates are off, for support (in English, as the diagnostics are). */
const UPDATES_OFF: Record<UpdatesOffReason, string> = {
  demo: 'Updates are off in demo mode.',
  'not-installed': 'Updates are only checked by an installed Porchlight.',
  'no-feed': 'No update feed is configured for this installation.',
}

export function describeUpdate(status: UpdateState): string {
  switch (status.state) {
    case 'disabled':
      return `off (${UPDATES_OFF[status.reason]})`
    case 'idle':
      return status.lastCheckAt ? `up to date (checked ${status.lastCheckAt})` : 'not checked yet'
    case 'checking':
      return 'checking'
    case 'downloading':
      return `downloading ${status.version}`
    case 'ready':
      return `${status.version} ready, installs at restart`
    case 'failed':
      return `last check failed (${status.lastCheckAt ?? 'never'})`
  }
}

export function createMaintenanceDesk(options: {
  diagnostics: () => Promise<Omit<DiagnosticsInput, 'recentLogLines' | 'logFile'>>
  recentLogLines?: () => string[]
  logFile?: string | null
  openExternal?: (url: string) => Promise<void>
  updates: UpdateChecker
  log: Logger
}) {
  let lastOpened = 0

  const handlers: Pick<ApiHandlers, MaintenanceHandlerNames> = {
    getDiagnostics: async () => {
      const input: DiagnosticsInput = {
        ...(await options.diagnostics()),
        logFile: options.logFile ?? null,
        recentLogLines: options.recentLogLines?.() ?? [],
      }
      return { text: diagnosticsText(input, homedir()), logFile: options.logFile ?? null }
    },
    openExternalLink: async ({ url }) => {
      const target = externalLinkToOpen(url)
      if (target === null) {
        throw new UserFacingError('not-allowed', t('settings:problem.linkNotWeb'))
      }
      if (!options.openExternal) {
        throw new UserFacingError('unavailable', t('settings:problem.linksOnlyInDesktop'))
      }
      const now = Date.now()
      if (now - lastOpened < MIN_LINK_INTERVAL_MS) return { opened: false }
      lastOpened = now
      await options.openExternal(target)
      return { opened: true }
    },
    getUpdateStatus: async () => options.updates.status(),
    checkForUpdates: async () => options.updates.checkNow(),
    restartToUpdate: async () => ({ restarting: options.updates.restartToUpdate() }),
  }
  return { handlers }
}
