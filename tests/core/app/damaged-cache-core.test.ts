// The core (as the app and browser mode run it) on a damaged cache: found at start, it has been
// recovered before the window asks, and the window is told what was saved; met while running,
// every call answers "the local cache is damaged" in words (never "internal error"), until
// recoverCache replaces it and the person carries on, still signed in.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { PorchlightCore } from '../../../electron/core/app/types.ts'
import { startBridgeServer } from '../../../electron/core/browser-mode/bridge-server.ts'
import { AGENT, fillCache, garblePages, leafPagesOf } from '../db/damaged-cache-fixture.ts'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }
const TOKEN = 'test-token-0123456789abcdef'
const dirs: string[] = []
const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-damaged-core-'))
  dirs.push(dir)
  return dir
}

/** A console signed in as the fixture's agent (its token kept by the host), no service needed. */
async function startCore(dataDir: string): Promise<PorchlightCore> {
  const tokenStore = createMemoryTokenStore()
  await tokenStore.save('token-1')
  const core = await createPorchlight({
    dataDir,
    // Nothing listens there: these tests never reach the service.
    service: { kind: 'remote', url: 'http://127.0.0.1:9' },
    tokenStore,
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    log: quiet,
    tileServer: 'off',
  })
  cleanups.push(() => core.close())
  return core
}

/** One API call through browser mode's bridge, as the page makes it. */
function call(port: number, name: string, arg?: unknown) {
  return new Promise<{
    status: number
    body: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${name}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json',
          'x-porchlight-token': TOKEN,
        },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(arg === undefined ? {} : { arg }))
  })
}

async function startBridge(core: PorchlightCore) {
  const rendererDir = mkdtempSync(join(tmpdir(), 'porchlight-renderer-'))
  dirs.push(rendererDir)
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Porchlight</title>')
  const bridge = await startBridgeServer({ core, rendererDir, log: quiet, token: TOKEN })
  cleanups.push(() => bridge.close())
  return bridge
}

describe('the core on a damaged cache', () => {
  it('found at start: recovered before the window asks, and the window is told', async () => {
    const dataDir = tempDataDir()
    const filled = await fillCache(dataDir, { deliveries: 200 })
    const leaves = leafPagesOf(dataDir, 'case_events')
    garblePages(dataDir, [leaves[Math.floor(leaves.length / 2)]!], filled.pageSize)

    const core = await startCore(dataDir)
    expect(core.cacheRecovery?.problem.kind).toBe('corrupt')
    const bridge = await startBridge(core)
    const health = await call(bridge.port, 'getCacheHealth')
    expect(health.status).toBe(200)
    const result = health.body.value as {
      state: string
      recovery: { summary: string; unsentChangesLost: number } | null
    }
    expect(result.state).toBe('ok')
    expect(result.recovery?.summary).toMatch(/^The local cache could not be used: /)
    expect(result.recovery?.summary).toContain('Could not be recovered: ')
    expect(result.recovery?.unsentChangesLost).toBeGreaterThan(0)
    // Still signed in: who was signed in is among what was saved.
    const session = await call(bridge.port, 'getSession')
    expect((session.body.value as { user: unknown }).user).toEqual(AGENT)

    const dismissed = await call(bridge.port, 'dismissCacheRecovery')
    expect(dismissed.body.value).toEqual({ state: 'ok', recovery: null })
  })

  it('met while running: every call answers in words until "Recover now"', async () => {
    const dataDir = tempDataDir()
    const filled = await fillCache(dataDir, { deliveries: 600 })
    const core = await startCore(dataDir)
    expect(core.cacheRecovery).toBeNull()
    const bridge = await startBridge(core)
    expect((await call(bridge.port, 'getCacheHealth')).body.value).toEqual({
      state: 'ok',
      recovery: null,
    })

    // The search index's pages go bad under the running console.
    garblePages(dataDir, leafPagesOf(dataDir, 'deliveries_fts_data'), filled.pageSize)
    const search = await call(bridge.port, 'searchDeliveries', { query: 'Customer' })
    expect(search.status).toBe(422)
    expect(search.body.error?.code).toBe('cache-damaged')
    expect(search.body.error?.message).toMatch(
      /^The local cache is damaged: database disk image is malformed\. Porchlight has stopped using it\. Recover now /,
    )
    // Every later call gives the same answer, not "internal error".
    for (const name of ['getSyncStatus', 'getSettings', 'listCases']) {
      const answer = await call(bridge.port, name, name === 'listCases' ? {} : undefined)
      expect(answer.status, name).toBe(422)
      expect(answer.body.error?.code, name).toBe('cache-damaged')
    }
    const health = await call(bridge.port, 'getCacheHealth')
    expect(health.body.value).toMatchObject({ state: 'damaged' })

    const recovered = await call(bridge.port, 'recoverCache')
    expect(recovered.status).toBe(200)
    const result = recovered.body.value as { state: string; recovery: { summary: string } }
    expect(result.state).toBe('ok')
    expect(result.recovery.summary).toContain('(met while Porchlight was running, ')
    expect(result.recovery.summary).toContain(
      `Recovered from it: ${filled.waiting} case changes not yet sent`,
    )
    expect(core.cacheRecovery?.recovered.caseChangesWaiting).toBe(filled.waiting)

    // The person carries on, signed in, on the new cache (deliveries come with the next sync).
    const again = await call(bridge.port, 'searchDeliveries', { query: 'Customer' })
    expect(again).toEqual({ status: 200, body: { ok: true, value: [] } })
    const session = await call(bridge.port, 'getSession')
    expect((session.body.value as { user: unknown }).user).toEqual(AGENT)
    const status = await call(bridge.port, 'getSyncStatus')
    expect((status.body.value as { pendingChanges: number }).pendingChanges).toBe(filled.waiting)
  })
})
