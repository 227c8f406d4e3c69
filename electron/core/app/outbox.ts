// Sends what the agent did here to the service: case events (in order per case, exactly once
// by event id) and the photo-view audit. One push at a time; a push asked for while one runs
// joins it. Failures leave everything queued in SQLite for the next try.
import type BetterSqlite3 from 'better-sqlite3'
import type { createPhotoViewLog } from '../audit/photo-views.ts'
import { pushCaseEvents } from '../cases/push-case-events.ts'
import type { ServiceClient } from '../sync/service-client.ts'

export function createOutbox(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  photoViews: ReturnType<typeof createPhotoViewLog>
}) {
  const pendingEvents = options.sqlite.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE state = 'pending'",
  )
  let running: Promise<{ pushed: number; conflicts: number }> | null = null

  async function pushOnce() {
    const cases = await pushCaseEvents({ sqlite: options.sqlite, client: options.client })
    await options.photoViews.push(options.client)
    return { pushed: cases.pushed, conflicts: cases.conflicts }
  }

  return {
    push(): Promise<{ pushed: number; conflicts: number }> {
      running ??= pushOnce().finally(() => {
        running = null
      })
      return running
    },
    pendingCount: () => (pendingEvents.get()?.n ?? 0) + options.photoViews.unsentCount(),
  }
}
