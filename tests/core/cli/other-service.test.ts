// A data folder filled from one delivery service, then pointed at another with the `porchlight`
// command: two demo services on 127.0.0.1 with different seeds. The second is refused in words,
// gets nothing of the first (no cursor, no queued case work, not even a sign-in), and is synced
// into a separate cache only when the person asks for it; the first cache stays whole, with its
// unsent work, and the person is told it is there.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../../electron/core/demo-service/index.ts'
import {
  AGENT,
  localEvents,
  signedInConsole,
  startDeskService,
  type DeskService,
} from '../cases/desk-harness.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, PORCHLIGHT_PASSWORD: '' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

function cacheFacts(dir: string) {
  const db = new BetterSqlite3(join(dir, 'porchlight.sqlite'), { readonly: true })
  try {
    return {
      deliveryIds: db.prepare<[], string>('SELECT id FROM deliveries ORDER BY id').pluck().all(),
      cursors: db
        .prepare<[], { stream: string; cursor: string | null }>(
          'SELECT stream, cursor FROM sync_cursors ORDER BY stream',
        )
        .all(),
      pending: db
        .prepare<[], number>("SELECT count(*) FROM case_events WHERE state = 'pending'")
        .pluck()
        .get(),
    }
  } finally {
    db.close()
  }
}

const live = async (service: DemoService) =>
  (await service.world.deliveries())
    .filter((d): d is DeliveryRecord => d.deleted !== true)
    .map((d) => d.id)
    .sort()

describe('a data folder filled from one delivery service, pointed at another', () => {
  const temp = tempDir('porchlight-other-service-')
  const dataDir = join(temp.dir, 'data')
  let a: DeskService
  let b: DemoService

  beforeAll(async () => {
    // A: the demo service behind a front that can be taken down; B: another world altogether.
    a = await startDeskService({ seed: 11, deliveries: 30 })
    b = await startDemoService({ seed: 12, deliveries: 50, anchor: new Date('2025-06-01Z') })
  })
  afterAll(async () => {
    await a.stop()
    await b.close()
    temp.remove()
  })

  it('refuses it, naming both and sending it nothing, and starts a separate cache only when asked', async () => {
    // The folder is filled from A, and an agent works a case while A is unreachable.
    const desk = await signedInConsole(a.front.url, dataDir, AGENT)
    await a.front.down()
    const delivery = a.deliveries()[0]!
    const opened = await desk.h.openCase({
      deliveryId: delivery.id,
      reason: 'not_received',
      note: 'Customer says the porch was empty.',
    })
    await desk.h.addCaseNote({ caseId: opened.id, body: 'Called the customer, no answer.' })
    await expect(desk.core.syncOnce()).rejects.toMatchObject({ kind: 'unreachable' })
    await desk.close()
    const unsent = localEvents(dataDir).filter((e) => e.state === 'pending').length
    expect(unsent).toBe(3) // opened, assigned to the agent, a note
    const before = cacheFacts(dataDir)
    expect(before.deliveryIds).toEqual(await live(a.service))
    expect(before.cursors.map((c) => c.stream)).toEqual(['cases', 'deliveries'])

    // Pointed at B: refused, with both services and the unsent work named.
    const refused = await run([
      'sync',
      '--api',
      b.url,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--data-dir',
      dataDir,
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`filled from the delivery service at ${a.front.url}`)
    expect(refused.stderr).toContain(`not from ${b.url}`)
    expect(refused.stderr).toContain(`It still holds 3 case changes not yet sent to ${a.front.url}`)
    expect(refused.stderr).toContain('--new-cache')
    expect(refused.stderr).not.toMatch(/\bat (file|async|Object)\b/)
    // B was only asked what it is: no sign-in, no cursor of A's, no case work of A's.
    expect(b.requests().map((r) => r.path)).toEqual(['/v1/health'])
    expect(cacheFacts(dataDir)).toEqual(before)

    // Asked for: a separate cache for B, with all of B in it; A's cache is left as it was.
    const separate = await run([
      'sync',
      '--api',
      b.url,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--data-dir',
      dataDir,
      '--new-cache',
      '--json',
    ])
    expect(separate.stderr).toBe('')
    expect(separate.code).toBe(0)
    const summary = JSON.parse(separate.stdout)
    const bIds = await live(b)
    expect(summary.deliveries).toEqual({ received: 50, stored: 50, rejected: 0 })
    expect(summary.outbox).toEqual({ pushed: 0, conflicts: 0 })
    const bDir = join(dataDir, 'services', 'porchlight-demo-seed-12-50')
    expect(summary.cache).toBe(bDir)
    expect(summary.note).toContain(`Started a separate cache for ${b.url} in ${bDir}`)
    expect(summary.note).toContain(`It still holds 3 case changes not yet sent to ${a.front.url}`)
    expect(b.requests().some((r) => r.status === 410)).toBe(false)
    expect(b.requests().some((r) => r.path.startsWith('/v1/cases/'))).toBe(false)
    expect(b.world.appliedCaseEvents()).toEqual([])
    expect(cacheFacts(dataDir)).toEqual(before)
    expect(cacheFacts(bDir)).toMatchObject({ deliveryIds: bIds, pending: 0 })

    // From now on the folder's cache for B is that one; A's is still A's.
    const again = await run([
      'sync',
      '--api',
      b.url,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--data-dir',
      dataDir,
    ])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(`Using the separate cache for ${b.url} in ${bDir}.`)
    // It carries on from B's own cursor.
    expect(again.stdout).toContain('deliveries: 0 received, 0 stored, 0 removed')
    const aOrder = a.deliveries()[1]!.orderId
    const found = await run(['search', aOrder, '--json', '--data-dir', dataDir])
    expect(JSON.parse(found.stdout).map((r: { orderId: string }) => r.orderId)).toEqual([aOrder])
    expect(existsSync(join(bDir, 'photos'))).toBe(true)

    // Back on A, the unsent work goes where it belongs.
    await a.front.up()
    const home = await run([
      'sync',
      '--api',
      a.front.url,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--data-dir',
      dataDir,
      '--json',
    ])
    expect(home.code).toBe(0)
    expect(JSON.parse(home.stdout).outbox).toEqual({ pushed: 3, conflicts: 0 })
    expect(a.service.world.case(opened.id)).not.toBeNull()
  }, 180_000)
})
