// An empty cache is bulk-loaded (deliveries/bulk-load.ts): its indexes dropped during the load and
// built once at the end. The cache it leaves must be the one the incremental path leaves for the
// same world: the same rows, the same search answers, the same counts, the same indexes; a bad
// record in the middle rejected alone; and a sync killed in the middle of the load must leave a
// cache the next sync finishes.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Logger } from '../../../electron/core/common/logger.ts'
import type { DeliveryItem } from '../../../electron/core/contract/schemas.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { DemoWorld } from '../../../electron/core/demo-service/index.ts'
import { createServiceClient } from '../../../electron/core/service/service-client.ts'
import { SyncEngine, type SyncRunSummary } from '../../../electron/core/sync/sync-engine.ts'
import { startFaultServer, TEST_ACCOUNT, type FaultServer } from '../../support/fault-server.ts'

const WORLD_SIZE = 2_500
const CHILD = new URL('./crash-child.ts', import.meta.url).pathname
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/** Words a search box would be given: some fixed prefixes, and words of the world's records. */
function queriesFor(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite
    .prepare<[], { customer_name: string; address_line1: string; city: string }>(
      'SELECT customer_name, address_line1, city FROM deliveries ORDER BY id LIMIT 8',
    )
    .all()
  const word = (text: string, at: number) =>
    (text.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w))[at] ?? 'x').toLowerCase()
  return [
    'a*',
    'ma*',
    'jo*',
    ...rows.flatMap((r) => [
      ...(word(r.customer_name, 0) === 'x' ? [] : [word(r.customer_name, 0)]),
      `customer_name:${word(r.customer_name, 1).slice(0, 2)}*`,
      `street:${word(r.address_line1, 0)}`,
      `city:${word(r.city, 0)}`,
    ]),
  ]
}

/** Everything a search or a screen reads of the deliveries, in a form toEqual compares. */
function readCache(file: string, queries?: string[]) {
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    const all = (sql: string) => sqlite.prepare(sql).all()
    return {
      deliveries: all('SELECT rowid AS key, * FROM deliveries ORDER BY rowid'),
      photos: all('SELECT * FROM delivery_photos ORDER BY id'),
      tombstones: all('SELECT * FROM tombstones ORDER BY stream, id'),
      counts: all('SELECT * FROM row_counts ORDER BY name'),
      rejections: all('SELECT stream, item_id, reason FROM sync_rejections ORDER BY id'),
      cursors: all('SELECT stream, cursor FROM sync_cursors ORDER BY stream'),
      indexes: all(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      ),
      search: (queries ?? queriesFor(sqlite)).map((q) => ({
        q,
        rowids: sqlite
          .prepare('SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ? ORDER BY rowid')
          .pluck()
          .all(q),
      })),
      ftsRows: sqlite.prepare('SELECT count(*) FROM deliveries_fts').pluck().get(),
      bulkLoadUnderWay: sqlite
        .prepare("SELECT count(*) FROM app_state WHERE key = 'deliveries.bulkLoad'")
        .pluck()
        .get(),
    }
  } finally {
    sqlite.close()
  }
}

/** One sync of the records (the bench's way: stopped where the photo step would begin). */
async function syncRecords(url: string, dataDir: string, bulkLoad: boolean) {
  const local = await openDatabase(dataDir)
  let token: string | null = null
  const client = createServiceClient({ baseUrl: url, getToken: () => token })
  token = (await client.login(TEST_ACCOUNT.username, TEST_ACCOUNT.password)).token
  const engine: SyncEngine = new SyncEngine({
    sqlite: local.sqlite,
    dataDir,
    client,
    log: quiet,
    pageSize: 200,
    bulkLoad,
    reauthenticate: async () => false,
    onUnauthorized: () => {},
    beforePhotos: async () => void engine.stop(),
  })
  const summary: SyncRunSummary = await engine.run()
  await local.close()
  return { summary, file: local.file }
}

async function demoItems(seed: number): Promise<DeliveryItem[]> {
  const photoCacheDir = mkdtempSync(join(tmpdir(), 'porchlight-bulk-photos-'))
  const world = new DemoWorld({
    seed,
    deliveries: WORLD_SIZE,
    anchor: new Date('2026-11-01T00:00:00Z'),
    photoCacheDir,
    renderPhotos: false,
  })
  try {
    return await world.deliveries()
  } finally {
    await world.close()
    rmSync(photoCacheDir, { recursive: true, force: true })
  }
}

describe('bulk-loading an empty cache', () => {
  let server: FaultServer
  const dirs: string[] = []
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-bulk-'))
    dirs.push(dir)
    return dir
  }

  beforeAll(async () => {
    server = await startFaultServer()
    const items = await demoItems(17)
    const half = Math.floor(items.length / 2)
    const good = items[half] as DeliveryItem & { orderId?: string }
    const { orderId: _dropped, ...noOrderId } = good
    // A bad record in the middle, and a record sent again at a newer version later on.
    server.deliveries.append(
      ...items.slice(0, half),
      { ...noOrderId, id: 'bad-in-the-middle' },
      ...items.slice(half),
    )
    const again = items.find((i) => i.deleted !== true && i.photos.length > 0)!
    server.deliveries.append({ ...again, version: again.version + 1, photos: [] })
  }, 120_000)
  afterAll(async () => {
    await server?.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('leaves the very cache the incremental path leaves', { timeout: 180_000 }, async () => {
    const bulk = await syncRecords(server.url, newDir(), true)
    const incremental = await syncRecords(server.url, newDir(), false)

    expect(bulk.summary.deliveries).toEqual(incremental.summary.deliveries)
    expect(bulk.summary.deliveries.rejected).toBe(1)
    expect(bulk.summary.rejectedItems).toEqual([
      { stream: 'deliveries', id: 'bad-in-the-middle', reason: expect.stringMatching(/orderId/) },
    ])
    const bulkCache = readCache(bulk.file)
    const incrementalCache = readCache(
      incremental.file,
      bulkCache.search.map((s) => s.q),
    )
    expect(bulkCache.deliveries.length).toBeGreaterThan(WORLD_SIZE * 0.9)
    expect(bulkCache.search.every((s) => s.rowids.length > 0)).toBe(true)
    expect(bulkCache.indexes.map((i) => (i as { name: string }).name)).toContain(
      'deliveries_tracking_number',
    )
    expect(bulkCache.bulkLoadUnderWay).toBe(0)
    expect(bulkCache).toEqual(incrementalCache)
  })

  it('is finished by the next sync after a kill in the middle', { timeout: 180_000 }, async () => {
    const dataDir = newDir()
    // Slow pages, so the kill lands while the load is under way.
    server.inject({ path: /^\/v1\/sync\/deliveries/ }, { kind: 'delay', ms: 150 }, 1_000)
    const child = spawn(process.execPath, [CHILD, dataDir, server.url], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CRASH_CHILD_PAGE_SIZE: '100' },
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      // Killed once some pages are stored and the load is recorded as under way.
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        const stored = peekLoad(join(dataDir, 'porchlight.sqlite'))
        if (stored && stored.underWay && stored.deliveries >= 300) break
      }
      child.kill('SIGKILL')
      await exited
    } finally {
      server.clearFaults()
    }
    const killed = readCache(join(dataDir, 'porchlight.sqlite'))
    expect(killed.bulkLoadUnderWay).toBe(1)
    expect(killed.deliveries.length).toBeLessThan(WORLD_SIZE)
    expect(killed.indexes.map((i) => (i as { name: string }).name)).not.toContain(
      'deliveries_tracking_number',
    )

    const resumed = await syncRecords(server.url, dataDir, true)
    const whole = await syncRecords(server.url, newDir(), false)
    const resumedCache = readCache(resumed.file)
    const wholeCache = readCache(
      whole.file,
      resumedCache.search.map((s) => s.q),
    )
    expect(resumedCache.bulkLoadUnderWay).toBe(0)
    // The rejection was recorded by the killed run or this one: the rest is the same.
    expect({ ...resumedCache, rejections: [] }).toEqual({ ...wholeCache, rejections: [] })
  })
})

/** Deliveries stored so far, and whether a load is under way; null while the file is not ready. */
function peekLoad(file: string): { deliveries: number; underWay: boolean } | null {
  try {
    const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    try {
      return {
        deliveries: sqlite.prepare('SELECT count(*) FROM deliveries').pluck().get() as number,
        underWay:
          sqlite
            .prepare("SELECT count(*) FROM app_state WHERE key = 'deliveries.bulkLoad'")
            .pluck()
            .get() === 1,
      }
    } finally {
      sqlite.close()
    }
  } catch {
    return null
  }
}
