// "Copy diagnostics": what support needs to understand a problem, as plain text for the
// clipboard. Versions, the OS, the settings, the sync state, retention and the audit log's health,
// update state and the newest log lines (already redacted). Never a token, a password, a customer
// detail or a photo: only counts, times, ids of runs and the service's origin.
import { redactText } from '../logging/redact.ts'

export interface DiagnosticsInput {
  app: {
    name: string
    version: string
    /** Electron, Chromium, Node, V8 versions where known. */
    runtime: Record<string, string>
    platform: string
    arch: string
    osRelease: string
    locale?: string
  }
  session: { signedIn: boolean; role: string | null; demo: boolean; serviceUrl: string }
  settings: Record<string, unknown>
  sync: {
    online: boolean
    running: boolean
    lastSuccessAt: string | null
    lastAttemptAt: string | null
    lastError: string | null
    pendingChanges: number
    cached: { deliveries: number; photos: number }
  }
  retention: { lastRunAt: string | null; photosPurged: number; deliveriesPurged: number } | null
  audit: { entries: number; intact: boolean | null }
  update: string
  dataDir: string
  logFile: string | null
  recentLogLines: string[]
  now?: Date
}

/** The service's address without path, query or credentials. */
function originOnly(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(not a URL)'
  }
}

/** Replaces the home folder with ~ (it names the person's account). */
export function withoutHome(path: string, home: string): string {
  return home && path.startsWith(home) ? `~${path.slice(home.length)}` : path
}

export function diagnosticsText(input: DiagnosticsInput, home = ''): string {
  const lines: string[] = []
  const add = (label: string, value: unknown) =>
    lines.push(`${label}: ${value === null || value === undefined ? '—' : String(value)}`)
  lines.push(`Porchlight diagnostics, ${(input.now ?? new Date()).toISOString()}`, '')
  add('Version', `${input.app.name} ${input.app.version}`)
  for (const [name, version] of Object.entries(input.app.runtime)) add(`  ${name}`, version)
  add('OS', `${input.app.platform} ${input.app.osRelease} (${input.app.arch})`)
  if (input.app.locale) add('Locale', input.app.locale)
  add('Data folder', withoutHome(input.dataDir, home))
  add('Log file', input.logFile ? withoutHome(input.logFile, home) : null)
  lines.push('')
  add(
    'Service',
    `${input.session.demo ? 'built-in demo' : 'real'} at ${originOnly(input.session.serviceUrl)}`,
  )
  add('Signed in', input.session.signedIn ? `yes (${input.session.role ?? 'unknown role'})` : 'no')
  add('Settings', JSON.stringify(input.settings))
  lines.push('')
  add('Online', input.sync.online ? 'yes' : 'no')
  add('Sync running', input.sync.running ? 'yes' : 'no')
  add('Last successful sync', input.sync.lastSuccessAt)
  add('Last attempt', input.sync.lastAttemptAt)
  add('Last sync error', input.sync.lastError === null ? null : redactText(input.sync.lastError))
  add('Changes waiting to be sent', input.sync.pendingChanges)
  add('Cached', `${input.sync.cached.deliveries} deliveries, ${input.sync.cached.photos} photos`)
  add(
    'Last retention pass',
    input.retention?.lastRunAt
      ? `${input.retention.lastRunAt}: ${input.retention.photosPurged} photos, ${input.retention.deliveriesPurged} deliveries removed`
      : null,
  )
  add(
    'Audit log',
    `${input.audit.entries} entries${input.audit.intact === null ? '' : input.audit.intact ? ', chain intact' : ', CHAIN BROKEN (run: porchlight audit verify)'}`,
  )
  add('Updates', input.update)
  lines.push('', `Recent log lines (${input.recentLogLines.length}, personal data removed):`)
  for (const line of input.recentLogLines) lines.push(`  ${redactText(withoutHome(line, home))}`)
  return lines.join('\n')
}
