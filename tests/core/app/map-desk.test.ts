// The map's tile sources as the API and the protocol see them: MBTiles files from the maps folder
// and from the desktop dialog, their order and switches from Settings, the tile server (or its
// override) and the cache; every answer checked against the API's result schemas.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ApiHandlers, CallName } from '../../../electron/core/api/definition.ts'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { createMapDesk, type MapDesk } from '../../../electron/core/app/map-handlers.ts'
import type { TileServerOverride } from '../../../electron/core/app/types.ts'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createSettingsStore } from '../../../electron/core/settings/settings.ts'
import { writeMbtiles } from '../../../electron/core/map-tiles/write-mbtiles.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { solidTile, startTestTileServer, type TestTileServer } from '../../support/tile-server.ts'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }
const TILE = { z: 4, x: 2, y: 5 }
const library = tempDir('porchlight-map-library-')
let redFile: string
let blueFile: string

async function colourOf(bytes: Buffer): Promise<string> {
  const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  return `${data[0]},${data[1]},${data[2]}`
}

beforeAll(async () => {
  redFile = join(library.dir, 'red.mbtiles')
  blueFile = join(library.dir, 'blue.mbtiles')
  await writeMbtiles(
    redFile,
    { name: 'Red region', format: 'png', attribution: '© Red <b>Maps</b>' },
    [{ ...TILE, bytes: await solidTile('#ff0000') }],
  )
  await writeMbtiles(blueFile, { name: 'Blue region', format: 'png', attribution: '© Blue Maps' }, [
    { ...TILE, bytes: await solidTile('#0000ff') },
  ])
  return () => library.remove()
})

let temp: ReturnType<typeof tempDir>
let local: LocalDatabase
let desk: MapDesk | null
let server: TestTileServer
let chosen: Array<string | null>

async function startDesk(options: { dialog?: boolean; tileServer?: TileServerOverride } = {}) {
  const settings = createSettingsStore(local.sqlite)
  desk = createMapDesk({
    dataDir: temp.dir,
    sqlite: local.sqlite,
    settings: () => settings.get(),
    demoBasemap: null,
    chooseMapFile: options.dialog === false ? undefined : async () => chosen.shift() ?? null,
    tileServerOverride: options.tileServer ?? { urlTemplate: server.template },
    log: quiet,
  })
  return { desk, settings }
}

/** Calls a map handler the way IPC and the bridge do: argument and result checked by schema. */
async function call(name: CallName, arg?: unknown) {
  // The map calls are public (CALL_ACCESS): nobody needs to be signed in.
  const target = { handlers: desk!.handlers as unknown as ApiHandlers, currentUser: () => null }
  const outcome = await dispatchCall(target, name, arg, quiet)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.value as never
}

beforeEach(async () => {
  temp = tempDir('porchlight-map-desk-')
  local = await openDatabase(temp.dir)
  server = await startTestTileServer({ colour: '#00ff00' })
  chosen = []
  desk = null
})
afterEach(async () => {
  desk?.close()
  await local.close()
  await server.close()
  temp.remove()
})

describe('map files', () => {
  it('picks up .mbtiles files in the maps folder, and lists one it cannot use with the reason', async () => {
    const folder = join(temp.dir, 'maps')
    mkdirSync(folder, { recursive: true })
    copyFileSync(blueFile, join(folder, 'b-blue.mbtiles'))
    copyFileSync(redFile, join(folder, 'a-red.mbtiles'))
    writeFileSync(join(folder, 'c-broken.mbtiles'), 'not a database at all, just words')
    writeFileSync(join(folder, 'notes.txt'), 'ignored')
    await startDesk()

    const sources = (await call('getMapSources')) as {
      files: Array<{
        fileName: string
        origin: string
        name: string | null
        problem: string | null
        enabled: boolean
      }>
      mapsFolder: string
    }
    expect(sources.mapsFolder).toBe(folder)
    expect(sources.files.map((f) => [f.fileName, f.origin, f.name, f.problem])).toEqual([
      ['a-red.mbtiles', 'folder', 'Red region', null],
      ['b-blue.mbtiles', 'folder', 'Blue region', null],
      [
        'c-broken.mbtiles',
        'folder',
        null,
        'c-broken.mbtiles is not an MBTiles file: it is not an SQLite database.',
      ],
    ])
    // The first usable file in order serves the tile; the server is not asked.
    const tile = await desk!.getTile(TILE)
    expect(await colourOf(tile!.bytes)).toBe('255,0,0')
    expect(server.requests).toEqual([])

    const view = (await call('getMapView')) as { attribution: string[]; sourceCount: number }
    expect(view.attribution).toEqual(['© Red Maps', '© Blue Maps', '© OpenStreetMap contributors'])
    expect(view.sourceCount).toBe(3)
  })

  it('a file dropped into the folder later is picked up the next time the map looks', async () => {
    await startDesk()
    expect(await desk!.getTile(TILE)).toMatchObject({ origin: 'online' })
    copyFileSync(blueFile, join(temp.dir, 'maps', 'blue.mbtiles'))
    await call('getMapView')
    expect(await colourOf((await desk!.getTile(TILE))!.bytes)).toBe('0,0,255')
  })

  it('follows the order and the switches chosen in Settings', async () => {
    const folder = join(temp.dir, 'maps')
    mkdirSync(folder, { recursive: true })
    copyFileSync(redFile, join(folder, 'a-red.mbtiles'))
    copyFileSync(blueFile, join(folder, 'b-blue.mbtiles'))
    const { settings } = await startDesk()
    const ids = ((await call('getMapSources')) as { files: Array<{ id: string }> }).files.map(
      (f) => f.id,
    )

    settings.update({ mapFileOrder: [ids[1]!, ids[0]!] })
    expect(await colourOf((await desk!.getTile(TILE))!.bytes)).toBe('0,0,255')
    const reordered = (await call('getMapSources')) as {
      files: Array<{ id: string; enabled: boolean }>
    }
    expect(reordered.files.map((f) => f.id)).toEqual([ids[1], ids[0]])

    settings.update({ mapFilesOff: [ids[1]!] })
    expect(await colourOf((await desk!.getTile(TILE))!.bytes)).toBe('255,0,0')
    settings.update({ mapFilesOff: [ids[0]!, ids[1]!] })
    // Both off: the tile server (green) fills in.
    expect(await colourOf((await desk!.getTile(TILE))!.bytes)).toBe('0,255,0')
    const view = (await call('getMapView')) as { attribution: string[] }
    expect(view.attribution).toEqual(['© OpenStreetMap contributors'])
  })

  it('adds a file chosen in the desktop dialog after checking it, remembers it, and removes it', async () => {
    await startDesk()
    chosen.push(redFile)
    const result = (await call('addMapFile')) as {
      added: {
        id: string
        origin: string
        name: string
        attribution: string
        minZoom: number
        maxZoom: number
        format: string
      }
    }
    expect(result.added).toMatchObject({
      origin: 'added',
      name: 'Red region',
      attribution: '© Red Maps',
      minZoom: 4,
      maxZoom: 4,
      format: 'png',
    })
    expect(await colourOf((await desk!.getTile(TILE))!.bytes)).toBe('255,0,0')

    // Remembered across a restart.
    desk!.close()
    await startDesk()
    const files = ((await call('getMapSources')) as { files: Array<{ id: string }> }).files
    expect(files.map((f) => f.id)).toEqual([result.added.id])

    await call('removeMapFile', { id: result.added.id })
    expect(((await call('getMapSources')) as { files: unknown[] }).files).toEqual([])
    expect((await desk!.getTile(TILE))?.origin).toBe('online')
  })

  it('refuses a chosen file that is not a usable MBTiles file, in words, and forgets it', async () => {
    await startDesk()
    const vector = join(temp.dir, 'vector.mbtiles')
    await writeMbtiles(vector, { name: 'Vector', format: 'pbf' }, [
      { z: 0, x: 0, y: 0, bytes: Buffer.from([0x1a, 0x02]) },
    ])
    chosen.push(vector)
    await expect(call('addMapFile')).rejects.toThrow(
      'vector.mbtiles holds vector tiles (pbf). Porchlight shows raster maps only: png, jpg or webp tiles.',
    )
    chosen.push(join(temp.dir, 'nowhere.mbtiles'))
    await expect(call('addMapFile')).rejects.toThrow('nowhere.mbtiles could not be found.')
    expect(((await call('getMapSources')) as { files: unknown[] }).files).toEqual([])
    // Cancelling the dialog adds nothing.
    expect(((await call('addMapFile')) as { added: unknown }).added).toBeNull()
  })

  it('without a dialog (browser mode) says where to put files; folder files cannot be removed here', async () => {
    mkdirSync(join(temp.dir, 'maps'), { recursive: true })
    copyFileSync(redFile, join(temp.dir, 'maps', 'red.mbtiles'))
    await startDesk({ dialog: false })
    const sources = (await call('getMapSources')) as {
      canAddFiles: boolean
      files: Array<{ id: string }>
    }
    expect(sources.canAddFiles).toBe(false)
    await expect(call('addMapFile')).rejects.toThrow(
      `Files can be chosen only in the desktop app. Here, put .mbtiles files in ${join(temp.dir, 'maps')}.`,
    )
    await expect(call('removeMapFile', { id: sources.files[0]!.id })).rejects.toThrow(
      /Only files chosen in this app can be removed here/,
    )
    await expect(call('removeMapFile', { id: '../../etc/passwd' })).rejects.toThrow(
      'Invalid request to removeMapFile: id: Not a map file id',
    )
  })
})

describe('tile server and cache', () => {
  it('creates nothing in the data folder until a map or Settings asks', async () => {
    await startDesk()
    expect(existsSync(join(temp.dir, 'maps'))).toBe(false)
    expect(existsSync(join(temp.dir, 'tiles.sqlite'))).toBe(false)
    await call('getMapView')
    expect(existsSync(join(temp.dir, 'maps'))).toBe(true)
    expect(existsSync(join(temp.dir, 'tiles.sqlite'))).toBe(true)
  })

  it('a server switched off when starting is never asked, whatever Settings say', async () => {
    await startDesk({ tileServer: 'off' })
    const sources = (await call('getMapSources')) as {
      tileServer: { enabled: boolean; fixedBy: 'off' | 'set' | null }
    }
    expect(sources.tileServer).toMatchObject({ enabled: false, fixedBy: 'off' })
    expect(await desk!.getTile(TILE)).toBeNull()
    expect((await call('getMapView')) as { sourceCount: number }).toMatchObject({ sourceCount: 0 })
  })

  it('uses the server in Settings when nothing fixes it, and checks the address given', async () => {
    const settings = createSettingsStore(local.sqlite)
    settings.update({
      tileServer: {
        enabled: true,
        urlTemplate: server.template,
        attribution: 'Test tiles',
        maxZoom: 18,
      },
    })
    desk = createMapDesk({
      dataDir: temp.dir,
      sqlite: local.sqlite,
      settings: () => settings.get(),
      demoBasemap: null,
      log: quiet,
    })
    expect((await desk.getTile(TILE))?.origin).toBe('online')
    expect(server.requests).toHaveLength(1)
    expect(() =>
      settings.update({
        tileServer: {
          enabled: true,
          urlTemplate: 'http://tiles.example.com/{z}/{x}/{y}.png',
          attribution: 'x',
          maxZoom: 18,
        },
      }),
    ).toThrow(/must start with https:\/\//)
    expect(() =>
      settings.update({
        tileServer: {
          enabled: true,
          urlTemplate: 'https://tiles.example.com/{z}/{y}.png',
          attribution: 'x',
          maxZoom: 18,
        },
      }),
    ).toThrow(/must contain \{x\} exactly once/)
  })

  it('reports and clears the cache, and applies a new cap', async () => {
    const { settings } = await startDesk()
    for (let x = 0; x < 4; x++) await desk!.getTile({ z: 6, x, y: 1 })
    const before = (await call('getMapSources')) as {
      cache: { tiles: number; bytes: number; capBytes: number }
    }
    expect(before.cache).toMatchObject({ tiles: 4, capBytes: 256 * 1024 * 1024 })
    expect(before.cache.bytes).toBe(4 * server.tile.length)

    desk!.settingsChanged(settings.update({ tileCacheMegabytes: 16 }))
    const after = (await call('clearTileCache')) as {
      cache: { tiles: number; bytes: number; capBytes: number }
    }
    expect(after.cache).toEqual({ tiles: 0, bytes: 0, capBytes: 16 * 1024 * 1024 })
  })
})
