// The built-in demo opens with conflicts to settle: a new cache gets the demo agent's case
// changes made offline on this console yesterday (demo-service/generate/overtaken-work.ts), which
// colleagues' later changes on the service overtook. They are queued as the agent's own unsent
// work, on the version the agent saw; when the agent signs in the console sends them, the service
// answers 409, and each waits for the agent's decision. Only ever into a cache that holds nothing
// yet, and once per cache.
import type BetterSqlite3 from 'better-sqlite3'
import { holdsServiceData } from '../cache-identity/cache-owner.ts'
import { recordCaseEvent } from '../cases/case-tables.ts'
import type { CaseEvent } from '../contract/schemas.ts'
import { createAppState } from '../db/app-state.ts'

const DONE_KEY = 'demo.earlier-work'

export interface EarlierWorkItem {
  caseId: string
  actor: { id: string; name: string }
  /** With the version its author saw as `baseVersion`. */
  event: CaseEvent
}

/** Queues the work in a new cache; answers how many changes were queued (0 when not new). */
export function queueEarlierWork(
  sqlite: BetterSqlite3.Database,
  work: ReadonlyArray<EarlierWorkItem>,
): number {
  const state = createAppState(sqlite)
  if (work.length === 0 || state.get(DONE_KEY) !== null || holdsServiceData(sqlite)) return 0
  const insert = recordCaseEvent.on(sqlite)
  sqlite.transaction(() => {
    for (const { caseId, actor, event } of work) {
      const { baseVersion, ...body } = event
      insert.run({
        id: event.id,
        case_id: caseId,
        type: event.type,
        body_json: JSON.stringify(body),
        base_version: baseVersion ?? null,
        chained: 0,
        actor_id: actor.id,
        actor_name: actor.name,
        created_at: event.occurredAt,
      })
    }
    state.set(DONE_KEY, new Date().toISOString())
  })()
  return work.length
}
