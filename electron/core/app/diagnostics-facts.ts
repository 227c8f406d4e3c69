// What "Copy diagnostics" tells support about this installation: versions, the session, the
// settings, the sync, retention, the audit log and updates (diagnostics/diagnostics.ts words it).
import { arch, platform, release } from 'node:os'
import type BetterSqlite3 from 'better-sqlite3'
import type { AppSettings } from '../api/definition.ts'
import { auditLogSummary } from '../audit/audit-log.ts'
import type { DiagnosticsInput } from '../diagnostics/diagnostics.ts'
import type { Retention } from '../retention/retention.ts'
import type { Session } from '../session/session.ts'
import type { SyncEngine } from '../sync/sync-engine.ts'
import type { UpdateChecker } from '../updates/update-checker.ts'
import { describeUpdate } from './maintenance-handlers.ts'
import type { PorchlightOptions } from './types.ts'

export function diagnosticsFacts(options: {
  about: PorchlightOptions['about']
  demo: boolean
  serviceUrl: string
  dataDir: string
  sqlite: BetterSqlite3.Database
  session: Session
  settings: () => AppSettings
  engine: SyncEngine
  retention: Retention
  updates: UpdateChecker
}): Omit<DiagnosticsInput, 'recentLogLines' | 'logFile'> {
  const last = options.retention.lastRun()
  const user = options.session.currentUser
  return {
    app: {
      name: 'Porchlight',
      version: options.about?.version ?? 'development',
      runtime: options.about?.runtime ?? { node: process.versions.node },
      platform: platform(),
      arch: arch(),
      osRelease: release(),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    },
    session: {
      signedIn: user !== null,
      role: user?.role ?? null,
      demo: options.demo,
      serviceUrl: options.serviceUrl,
    },
    settings: options.settings(),
    sync: options.engine.status(),
    retention: last
      ? {
          lastRunAt: last.at,
          photosPurged: last.photosPurged,
          deliveriesPurged: last.deliveriesPurged,
        }
      : null,
    // Verifying walks the whole chain; the count is enough here (the CLI verifies).
    audit: { entries: auditLogSummary(options.sqlite).entries, intact: null },
    update: describeUpdate(options.updates.status()),
    dataDir: options.dataDir,
  }
}
