// A cache knows whose it is: the console (createPorchlight, as the app and browser mode start it)
// against real demo services on 127.0.0.1. Another service at the same address gets nothing of
// the cache, and the console will not open the cache for it; a separate cache is started only when
// asked, and the first keeps its unsent work and its own sign-in. An erased cache is free again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { PorchlightCore } from '../../../electron/core/app/types.ts'
import type { TokenStore } from '../../../electron/core/common/token-store.ts'
import { OtherServiceCacheError } from '../../../electron/core/cache-identity/choose-cache.ts'
import { startDemoService, type DemoService } from '../../../electron/core/demo-service/index.ts'
import { AGENT, ANCHOR, tempDirs } from '../cases/desk-harness.ts'

const dirs = tempDirs()
const photoCache = mkdtempSync(join(tmpdir(), 'porchlight-cache-identity-photos-'))
const running: Array<DemoService | PorchlightCore> = []

afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.close()
})
afterAll(() => {
  dirs.removeAll()
  rmSync(photoCache, { recursive: true, force: true })
})

async function demo(seed: number, port = 0): Promise<DemoService> {
  const service = await startDemoService({
    seed,
    deliveries: 12,
    anchor: ANCHOR,
    port,
    photoCacheDir: join(photoCache, String(seed)),
  })
  running.push(service)
  return service
}

async function open(
  url: string,
  dataDir: string,
  options: { tokenStore?: TokenStore; otherService?: 'refuse' | 'separate' } = {},
): Promise<PorchlightCore> {
  const core = await createPorchlight({
    dataDir,
    service: { kind: 'remote', url },
    tokenStore: options.tokenStore ?? createMemoryTokenStore(),
    otherService: options.otherService,
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  })
  running.push(core)
  return core
}

async function closeCore(core: PorchlightCore) {
  running.splice(running.indexOf(core), 1)
  await core.close()
}

function facts(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return {
      deliveries: db.prepare<[], string>('SELECT id FROM deliveries ORDER BY id').pluck().all(),
      cursors: db.prepare('SELECT stream, cursor FROM sync_cursors ORDER BY stream').all(),
      pending: db
        .prepare<[], string>("SELECT id FROM case_events WHERE state = 'pending' ORDER BY seq")
        .pluck()
        .all(),
    }
  } finally {
    db.close()
  }
}

const liveIds = async (service: DemoService) =>
  (await service.world.deliveries())
    .filter((d) => d.deleted !== true)
    .map((d) => d.id)
    .sort()

describe('a cache that knows whose it is', () => {
  it('gives another service at the same address nothing, and is not opened for it', async () => {
    const dataDir = dirs.make()
    const first = await demo(31)
    const url = first.url
    const port = Number(new URL(url).port)
    const core = await open(url, dataDir)
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    expect(facts(dataDir).deliveries).toEqual(await liveIds(first))

    // The service is replaced, on the same port, by another world.
    running.splice(running.indexOf(first), 1)
    await first.close()
    const other = await demo(32, port)
    const delivery = (await core.handlers.searchDeliveries({ query: 'a', limit: 1 }))[0]!
    const opened = await core.handlers.openCase({
      deliveryId: delivery.deliveryId,
      reason: 'not_received',
      note: 'Porch was empty.',
    })
    await expect(core.syncOnce()).rejects.toMatchObject({
      kind: 'other-service',
      message: expect.stringContaining(
        `The delivery service at ${url} (Porchlight demo service (seed 32, 12 deliveries)) is ` +
          `not the one this cache was filled from (${url} (Porchlight demo service (seed 31, 12 deliveries))).`,
      ),
    })
    expect((await core.handlers.getSyncStatus(undefined)).lastError).toContain(
      'is not the one this cache was filled from',
    )
    const before = facts(dataDir)
    expect(before.pending).toHaveLength(2) // opened, and assigned to its opener
    // Asked what it is, and nothing else: no cursor, no case event of the other world.
    expect(other.requests().every((r) => r.path === '/v1/health')).toBe(true)
    expect(other.world.case(opened.id)).toBeNull()
    await closeCore(core)

    // Started again against it, the console refuses to open the cache, naming both.
    const refusal = await open(url, dataDir).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(OtherServiceCacheError)
    expect(refusal).toMatchObject({
      dataDir,
      cachedFrom: { url, identity: { id: 'porchlight-demo-seed-31-12' } },
      asked: { url, identity: { id: 'porchlight-demo-seed-32-12' } },
      unsentChanges: 2,
      unconfirmed: false,
    })
    expect((refusal as Error).message).toBe(
      `The Porchlight data in ${dataDir} was filled from the delivery service at ${url} ` +
        `(Porchlight demo service (seed 31, 12 deliveries)), not from ${url} (Porchlight demo ` +
        `service (seed 32, 12 deliveries)). It still holds 2 case changes not yet sent to ${url}.`,
    )
    expect(other.requests().every((r) => r.path === '/v1/health')).toBe(true)
    expect(facts(dataDir)).toEqual(before)
  })

  it('starts a separate cache when asked, keeps the first whole, and never restores one sign-in into the other', async () => {
    const dataDir = dirs.make()
    const a = await demo(33)
    const b = await demo(34)
    const tokens = createMemoryTokenStore()
    let core = await open(a.url, dataDir, { tokenStore: tokens })
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    await closeCore(core)
    const first = facts(dataDir)

    core = await open(b.url, dataDir, { tokenStore: tokens, otherService: 'separate' })
    const separateDir = join(dataDir, 'services', 'porchlight-demo-seed-34-12')
    expect(core.cache).toEqual({
      dir: separateDir,
      note:
        `Started a separate cache for ${b.url} in ${separateDir}. The cache in ${dataDir}, ` +
        `filled from ${a.url} (Porchlight demo service (seed 33, 12 deliveries)), is kept as it is.`,
    })
    // A's sign-in stays with A's cache: B never sees its token.
    expect((await core.handlers.getSession(undefined)).user).toBeNull()
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    expect(facts(separateDir).deliveries).toEqual(await liveIds(b))
    await closeCore(core)
    expect(facts(dataDir)).toEqual(first)

    // Each service gets its own cache from then on, without being asked again.
    core = await open(b.url, dataDir, { tokenStore: tokens })
    expect(core.cache.dir).toBe(separateDir)
    expect((await core.handlers.getSession(undefined)).user?.id).toBe(AGENT.id)
    await closeCore(core)
    core = await open(a.url, dataDir, { tokenStore: tokens })
    expect(core.cache).toEqual({ dir: dataDir, note: null })
    // The token kept now is B's: it is not restored for A (the person signs in again).
    expect((await core.handlers.getSession(undefined)).user).toBeNull()
    const aLogins = a.requests().filter((r) => r.path === '/v1/auth/login').length
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    expect(a.requests().filter((r) => r.path === '/v1/auth/login')).toHaveLength(aLogins + 1)
    expect((await core.syncOnce()).deliveries.received).toBe(0)
  })

  it('keeps the built-in demo service’s cache across starts on new ports, and refuses another demo world', async () => {
    const dataDir = dirs.make()
    const start = async (seed: number) => {
      const core = await createPorchlight({
        dataDir,
        service: { kind: 'demo', seed, deliveries: 12 },
        tokenStore: createMemoryTokenStore(),
        syncIntervalMs: 0,
        retentionIntervalMs: 0,
        tileServer: 'off',
        log: { info: () => {}, warn: () => {}, error: () => {} },
      })
      running.push(core)
      return core
    }
    let core = await start(37)
    const firstUrl = (await core.handlers.getSession(undefined)).serviceUrl
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    await closeCore(core)

    core = await start(37)
    expect((await core.handlers.getSession(undefined)).serviceUrl).not.toBe(firstUrl)
    expect(core.cache).toEqual({ dir: dataDir, note: null })
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    expect((await core.syncOnce()).deliveries.received).toBe(0)
    await closeCore(core)

    await expect(start(38)).rejects.toMatchObject({
      name: 'OtherServiceCacheError',
      cachedFrom: { identity: { id: 'porchlight-demo-seed-37-12' } },
      asked: { identity: { id: 'porchlight-demo-seed-38-12' } },
    })
  })

  it('is free again once erased, and a cache from before the record is taken as the next service’s', async () => {
    const a = await demo(35)
    const b = await demo(36)
    const erased = dirs.make()
    let core = await open(a.url, erased)
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    await core.handlers.signOutAndErase({ discardUnsent: false })
    await closeCore(core)
    core = await open(b.url, erased)
    expect(core.cache.dir).toBe(erased)
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    expect(facts(erased).deliveries).toEqual(await liveIds(b))
    await closeCore(core)

    // A cache made before caches recorded their service (its record empty after the migration).
    const older = dirs.make()
    core = await open(a.url, older)
    await core.handlers.signIn({ username: AGENT.username, password: AGENT.password })
    await core.syncOnce()
    await closeCore(core)
    const db = new BetterSqlite3(join(older, 'porchlight.sqlite'))
    db.prepare('DELETE FROM cache_owner').run()
    db.close()
    core = await open(a.url, older)
    expect(core.cache.dir).toBe(older)
    await closeCore(core)
    const owner = new BetterSqlite3(join(older, 'porchlight.sqlite'), { readonly: true })
    try {
      expect(owner.prepare('SELECT base_url, service_id FROM cache_owner').get()).toEqual({
        base_url: a.url,
        service_id: 'porchlight-demo-seed-35-12',
      })
    } finally {
      owner.close()
    }
    // From then on it is A's: B is refused.
    await expect(open(b.url, older)).rejects.toBeInstanceOf(OtherServiceCacheError)
  })
})
