// The chain of tile sources against a real MBTiles file and a real tile server on 127.0.0.1.
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openMbtiles, type MbtilesFile } from '../../../electron/core/map-tiles/mbtiles-file.ts'
import { createOnlineSource } from '../../../electron/core/map-tiles/online-source.ts'
import type { TileAddress } from '../../../electron/core/map-tiles/tile-address.ts'
import { openTileCache, type TileCache } from '../../../electron/core/map-tiles/tile-cache.ts'
import { createTileChain, type TileChain } from '../../../electron/core/map-tiles/tile-sources.ts'
import { writeMbtiles } from '../../../electron/core/map-tiles/write-mbtiles.ts'
import { TILE_USER_AGENT } from '../../../electron/core/app/map-handlers.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { solidTile, startTestTileServer, type TestTileServer } from '../../support/tile-server.ts'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }
const HOUR = 3_600_000

/** A 256 px tile in four coloured quarters: red, green / blue, yellow. */
async function quarteredTile(): Promise<Buffer> {
  const quarter = (background: string) =>
    sharp({ create: { width: 128, height: 128, channels: 3, background } })
      .png()
      .toBuffer()
  return sharp({ create: { width: 256, height: 256, channels: 3, background: '#000' } })
    .composite([
      { input: await quarter('#ff0000'), left: 0, top: 0 },
      { input: await quarter('#00ff00'), left: 128, top: 0 },
      { input: await quarter('#0000ff'), left: 0, top: 128 },
      { input: await quarter('#ffff00'), left: 128, top: 128 },
    ])
    .png()
    .toBuffer()
}

/** The colours at the four quarter centres of a tile. */
async function quarterColours(bytes: Buffer): Promise<string[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * info.channels
    return `${data[i]},${data[i + 1]},${data[i + 2]}`
  }
  return [at(64, 64), at(192, 64), at(64, 192), at(192, 192)]
}

const temp = tempDir('porchlight-tile-chain-')
let file: MbtilesFile
let fileTile: Buffer
// The file covers zoom 10 to 12 around one place; its deepest tile there is quartered.
const DEEP: TileAddress = { z: 12, x: 655, y: 1430 }
const SHALLOW: TileAddress = { z: 10, x: 163, y: 357 }

beforeAll(async () => {
  fileTile = await solidTile('#cccccc')
  const path = join(temp.dir, 'region.mbtiles')
  await writeMbtiles(
    path,
    { name: 'Region', format: 'png', minzoom: '10', maxzoom: '12', attribution: 'Region maps' },
    [
      { ...SHALLOW, bytes: fileTile },
      { ...DEEP, bytes: await quarteredTile() },
    ],
  )
  file = openMbtiles(path)
})
afterAll(() => {
  file.close()
  temp.remove()
})

let server: TestTileServer
let cache: TileCache
let clock: number
let onlineOn: boolean
let chain: TileChain

beforeEach(async () => {
  server = await startTestTileServer({ colour: '#7fb8e0' })
  clock = Date.now()
  onlineOn = true
  cache = openTileCache({
    dataDir: join(temp.dir, `cache-${Math.random().toString(36).slice(2)}`),
    capBytes: 10_000_000,
    now: () => clock,
  })
  const online = createOnlineSource({
    urlTemplate: server.template,
    userAgent: TILE_USER_AGENT,
    now: () => clock,
    unreachablePauseMs: 5_000,
  })
  chain = createTileChain({
    files: () => [{ id: 'region', file }],
    online: () => (onlineOn ? { source: online, maxZoom: 18 } : null),
    cacheKey: () => server.template,
    cache: () => cache,
    now: () => clock,
    log: quiet,
  })
})
afterEach(async () => {
  cache.close()
  await server.close()
})

describe('the tile chain', () => {
  it('serves a tile from the MBTiles file without asking the server', async () => {
    const tile = await chain.getTile(SHALLOW)
    expect(tile).toMatchObject({ origin: 'file', sourceId: 'region', format: 'png' })
    expect(tile!.bytes).toEqual(fileTile)
    expect(server.requests).toEqual([])
  })

  it('past the file’s deepest zoom, enlarges the right part of its tile', async () => {
    // Zoom 13, the top-right child of DEEP: all green.
    const child = await chain.getTile({ z: 13, x: DEEP.x * 2 + 1, y: DEEP.y * 2 })
    expect(child?.origin).toBe('file-enlarged')
    expect(await quarterColours(child!.bytes)).toEqual(Array(4).fill('0,255,0'))
    // Zoom 14, the child two levels down at the centre of the bottom-left quarter: blue.
    const grandchild = await chain.getTile({ z: 14, x: DEEP.x * 4 + 1, y: DEEP.y * 4 + 3 })
    expect(await quarterColours(grandchild!.bytes)).toEqual(Array(4).fill('0,0,255'))
    // Straddling the middle at zoom 13 is not possible; at zoom 14 a tile of the top-left quarter
    // next to the centre is still wholly red.
    const nearCentre = await chain.getTile({ z: 14, x: DEEP.x * 4 + 1, y: DEEP.y * 4 + 1 })
    expect(await quarterColours(nearCentre!.bytes)).toEqual(Array(4).fill('255,0,0'))
    expect(server.requests).toEqual([])
  })

  it('does not enlarge more than three levels; the server is asked instead', async () => {
    const tile = await chain.getTile({ z: 16, x: DEEP.x * 16, y: DEEP.y * 16 })
    expect(tile?.origin).toBe('online')
    expect(server.requests.map((r) => r.key)).toEqual([`16/${DEEP.x * 16}/${DEEP.y * 16}`])
  })

  it('fetches a tile the files lack, names Porchlight, keeps it, and uses it while fresh', async () => {
    const address = { z: 15, x: 3000, y: 9000 }
    const first = await chain.getTile(address)
    expect(first).toMatchObject({ origin: 'online', format: 'png' })
    expect(first!.bytes).toEqual(server.tile)
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]!.headers['user-agent']).toBe(TILE_USER_AGENT)
    expect(TILE_USER_AGENT).toMatch(/^Porchlight\/\d+\.\d+\.\d+ \(/)

    clock += HOUR - 1000
    const second = await chain.getTile(address)
    expect(second?.origin).toBe('cache')
    expect(server.requests).toHaveLength(1)
  })

  it('asks the server only for the tile requested: nothing around it, nothing ahead', async () => {
    await chain.getTile({ z: 15, x: 100, y: 200 })
    await chain.getTile({ z: 15, x: 100, y: 200 })
    expect(server.requests.map((r) => r.key)).toEqual(['15/100/200'])
  })

  it('checks a stale tile with a conditional request and keeps it when the server says 304', async () => {
    const address = { z: 15, x: 1, y: 2 }
    await chain.getTile(address)
    clock += HOUR + 1000
    const again = await chain.getTile(address)
    expect(again?.origin).toBe('cache')
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1]!.headers['if-none-match']).toBe('"tile-v1"')
    // Fresh again for another hour: no third request.
    clock += HOUR / 2
    await chain.getTile(address)
    expect(server.requests).toHaveLength(2)
  })

  it('offline, shows tiles viewed before even when expired, and nothing where none was', async () => {
    const viewed = { z: 15, x: 10, y: 20 }
    await chain.getTile(viewed)
    await server.close()
    clock += 2 * HOUR
    const offline = await chain.getTile(viewed)
    expect(offline).toMatchObject({ origin: 'cache-expired' })
    expect(offline!.bytes).toEqual(server.tile)
    expect(await chain.getTile({ z: 15, x: 11, y: 20 })).toBeNull()
  })

  it('after the server could not be reached, does not ask again for a while', async () => {
    await server.close()
    expect(await chain.getTile({ z: 15, x: 1, y: 1 })).toBeNull()
    // Back on the same port: still paused, so no request.
    server = await startTestTileServer({ port: server.port })
    expect(await chain.getTile({ z: 15, x: 1, y: 2 })).toBeNull()
    expect(server.requests).toEqual([])
    clock += 6_000
    expect((await chain.getTile({ z: 15, x: 1, y: 3 }))?.origin).toBe('online')
  })

  it('with the server switched off, still shows tiles viewed before', async () => {
    const viewed = { z: 15, x: 30, y: 40 }
    await chain.getTile(viewed)
    onlineOn = false
    expect((await chain.getTile(viewed))?.origin).toBe('cache')
    expect(await chain.getTile({ z: 15, x: 31, y: 40 })).toBeNull()
    expect(server.requests).toHaveLength(1)
  })

  it('forgets a tile the server no longer has (404), and does not store no-store tiles', async () => {
    const address = { z: 15, x: 50, y: 60 }
    await chain.getTile(address)
    clock += 2 * HOUR
    server.behaviour.statusFor = (key) => (key === '15/50/60' ? 404 : undefined)
    expect(await chain.getTile(address)).toBeNull()
    expect(cache.get(server.template, address)).toBeNull()

    server.behaviour.statusFor = undefined
    server.behaviour.cacheControl = 'no-store'
    const fresh = await chain.getTile({ z: 15, x: 51, y: 60 })
    expect(fresh?.origin).toBe('online')
    expect(cache.get(server.template, { z: 15, x: 51, y: 60 })).toBeNull()
  })

  it('never has more than two requests at the server at once', async () => {
    server.behaviour.delayMs = 80
    const tiles = await Promise.all(
      Array.from({ length: 6 }, (_, i) => chain.getTile({ z: 15, x: 200 + i, y: 300 })),
    )
    expect(tiles.every((t) => t?.origin === 'online')).toBe(true)
    expect(server.peakConcurrent()).toBe(2)
  })
})
