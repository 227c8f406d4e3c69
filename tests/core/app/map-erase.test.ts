// "Sign out and erase the local data" empties the cache of map tiles already viewed (they show the
// streets around customers' homes), leaving no tile in tiles.sqlite or its WAL, and keeps the map
// files the person added (their choice, not customer data).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADDED_MAP_FILES_KEY } from '../../../electron/core/app/map-handlers.ts'
import { TILE_CACHE_FILE } from '../../../electron/core/map-tiles/tile-cache.ts'
import {
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from '../cases/desk-harness.ts'
import { startTestTileServer, type TestTileServer } from '../../support/tile-server.ts'

const dirs = tempDirs()
let svc: DeskService
let tiles: TestTileServer

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 8, seed: 3 })
  // A tile whose bytes are easy to find in a file: a PNG of one odd colour.
  tiles = await startTestTileServer({ colour: '#13579b' })
})
afterAll(async () => {
  await tiles?.close()
  await svc?.stop()
  dirs.removeAll()
})

function cacheBytes(dataDir: string): Buffer {
  const file = join(dataDir, TILE_CACHE_FILE)
  const wal = `${file}-wal`
  return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)])
}

describe('erasing the local data', () => {
  it('empties the tile cache and keeps the added map files', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir)
    try {
      await desk.h.updateSettings({
        tileServer: {
          enabled: true,
          urlTemplate: tiles.template,
          attribution: 'Test',
          maxZoom: 19,
        },
      })
      for (let x = 0; x < 3; x++) {
        expect((await desk.core.getTile({ z: 16, x: 10_000 + x, y: 20_000 }))?.origin).toBe(
          'online',
        )
      }
      expect(cacheBytes(dataDir).includes(tiles.tile)).toBe(true)
      const direct = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'))
      direct
        .prepare('INSERT INTO app_state (key, value) VALUES (?, ?)')
        .run(ADDED_MAP_FILES_KEY, JSON.stringify(['/srv/maps/region.mbtiles']))
      direct.close()

      await desk.h.signOutAndErase({ discardUnsent: true })

      expect((await desk.h.getMapSources(undefined)).cache).toMatchObject({ tiles: 0, bytes: 0 })
      expect(cacheBytes(dataDir).includes(tiles.tile)).toBe(false)
      const kept = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
      const row = kept
        .prepare('SELECT value FROM app_state WHERE key = ?')
        .get(ADDED_MAP_FILES_KEY) as { value: string } | undefined
      kept.close()
      expect(JSON.parse(row!.value)).toEqual(['/srv/maps/region.mbtiles'])
      // Offline now, the erased place has no tile to show.
      await tiles.close()
      expect(await desk.core.getTile({ z: 16, x: 10_000, y: 20_000 })).toBeNull()
    } finally {
      await desk.core.close()
    }
  })
})
