// The built-in demo opens with conflicts to settle: a new cache holds the demo agent's changes made
// offline before colleagues' later ones (demo-service/generate/overtaken-work.ts). Signed in, the
// agent's console sends them and each comes back as a conflict waiting for a decision; the next
// start queues nothing again.
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { PorchlightCore } from '../../../electron/core/app/types.ts'
import { AGENT, SUPERVISOR, tempDirs } from '../cases/desk-harness.ts'

const dirs = tempDirs()
afterAll(() => dirs.removeAll())

function start(dataDir: string): Promise<PorchlightCore> {
  return createPorchlight({
    dataDir,
    // The app's own demo, smaller: 200 deliveries give 25 seeded cases, three of them overtaken.
    service: { kind: 'demo', seed: 1, deliveries: 200 },
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    tileServer: 'off',
    log: { info: () => {}, warn: () => {}, error: () => {} },
  })
}

function eventsIn(dataDir: string): Array<{ case_id: string; state: string; actor_id: string }> {
  const db = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT case_id, state, actor_id FROM case_events ORDER BY seq').all() as []
  } finally {
    db.close()
  }
}

describe('the demo’s earlier work', () => {
  it('waits as conflicts for the agent after the first sync, and is queued once per cache', async () => {
    const dataDir = dirs.make()
    let core = await start(dataDir)
    const queued = eventsIn(dataDir)
    expect(queued.length).toBeGreaterThanOrEqual(1)
    for (const row of queued) expect(row).toMatchObject({ state: 'pending', actor_id: AGENT.id })

    // Someone else signed in sends none of it: it is the agent's to send.
    await core.handlers.signIn({ username: SUPERVISOR.username, password: SUPERVISOR.password })
    await core.syncOnce()
    expect(eventsIn(dataDir).map((row) => row.state)).toEqual(queued.map(() => 'pending'))
    await core.handlers.signOut(undefined)

    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    expect(eventsIn(dataDir).map((row) => row.state)).toEqual(queued.map(() => 'conflict'))
    expect((await core.handlers.getCaseCounts(undefined)).conflicts).toBe(queued.length)
    for (const { case_id } of queued) {
      const detail = await core.handlers.getCase({ caseId: case_id })
      expect(detail?.conflict?.mine).toBeTruthy()
      const item = (await core.handlers.listCases({ sort: 'oldest', limit: 500 })).find(
        (c) => c.id === case_id,
      )
      expect(item?.hasConflict).toBe(true)
    }
    await core.close()

    core = await start(dataDir)
    try {
      expect(eventsIn(dataDir)).toHaveLength(queued.length)
    } finally {
      await core.close()
    }
  }, 120_000)
})
