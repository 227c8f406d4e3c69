import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Logger } from '../../electron/core/common/logger.ts'
import { openMbtiles, type MbtilesFile } from '../../electron/core/map-tiles/mbtiles-file.ts'
import type { ServedTile } from '../../electron/core/map-tiles/tile-sources.ts'
import { writeMbtiles } from '../../electron/core/map-tiles/write-mbtiles.ts'
import { trustedOriginsFor } from '../../electron/main/app-origin.ts'
import {
  serveTileRequest,
  tileAddressFrom,
  type GetTile,
} from '../../electron/main/tile-protocol.ts'
import { tempDir } from '../core/fixtures/deliveries.ts'
import { solidTile } from '../support/tile-server.ts'

const trustedOrigins = trustedOriginsFor(null)
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const temp = tempDir('porchlight-tile-protocol-')
let file: MbtilesFile
let png: Buffer

beforeAll(async () => {
  png = await solidTile('#336699')
  const path = join(temp.dir, 'one.mbtiles')
  await writeMbtiles(path, { name: 'One tile', format: 'png' }, [{ z: 3, x: 5, y: 2, bytes: png }])
  file = openMbtiles(path)
})
afterAll(() => {
  file.close()
  temp.remove()
})

/** The protocol over a real MBTiles file, counting what it asks. */
function fromFile() {
  return vi.fn<GetTile>(async (address) => {
    const tile = file.readTile(address)
    return tile ? ({ ...tile, origin: 'file', sourceId: 'one' } satisfies ServedTile) : null
  })
}

describe('porchlight-tile protocol', () => {
  it('serves the tile at z/x/y from the core, uncached by Chromium, typed from its bytes', async () => {
    const getTile = fromFile()
    const response = await serveTileRequest(
      { url: 'porchlight-tile://tile/3/5/2', initiatorOrigin: 'app://porchlight' },
      { getTile, trustedOrigins },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/png')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png)
    expect(getTile).toHaveBeenCalledWith({ z: 3, x: 5, y: 2 })
  })

  it('answers 404 in plain words where no source has a tile', async () => {
    const response = await serveTileRequest(
      { url: 'porchlight-tile://tile/3/5/3' },
      { getTile: fromFile(), trustedOrigins },
    )
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect((await response.text()).trim()).toBe('No map tile here.')
  })

  it('answers HEAD with headers only', async () => {
    const response = await serveTileRequest(
      { url: 'porchlight-tile://tile/3/5/2', method: 'HEAD' },
      { getTile: fromFile(), trustedOrigins },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Length')).toBe(String(png.length))
    expect(await response.text()).toBe('')
  })

  it.each([
    // Not numbers, or not plain ones.
    'porchlight-tile://tile/a/b/c',
    'porchlight-tile://tile/3/5/-1',
    'porchlight-tile://tile/-3/5/2',
    'porchlight-tile://tile/03/5/2',
    'porchlight-tile://tile/3/+5/2',
    'porchlight-tile://tile/3/5/2.5',
    'porchlight-tile://tile/3/5/1e1',
    'porchlight-tile://tile/3/0x5/2',
    'porchlight-tile://tile/3/5/%32',
    'porchlight-tile://tile/3/5/2%00',
    'porchlight-tile://tile/3/5/ 2',
    // Wrong shape.
    'porchlight-tile://tile/',
    'porchlight-tile://tile/3/5',
    'porchlight-tile://tile/3/5/2/1',
    'porchlight-tile://tile/3/5/2/',
    'porchlight-tile://tile//3/5/2',
    'porchlight-tile://tile/3/5/2.gif',
    'porchlight-tile://tile/3/5/2?v=1',
    'porchlight-tile://tile/3/5/2#x',
    // Path traversal, plain and encoded.
    'porchlight-tile://tile/../../etc/passwd',
    'porchlight-tile://tile/3/5/..%2f..%2fetc%2fpasswd',
    'porchlight-tile://tile/%2e%2e/%2e%2e/porchlight.sqlite',
    'porchlight-tile://tile/3/5/..\\..\\x',
    // Out of range for the zoom, or beyond any zoom.
    'porchlight-tile://tile/3/8/2',
    'porchlight-tile://tile/3/5/8',
    'porchlight-tile://tile/0/1/0',
    'porchlight-tile://tile/23/0/0',
    'porchlight-tile://tile/99999999/0/0',
    'porchlight-tile://tile/22/4194304/0',
    // Not our scheme or host.
    'porchlight-tile://other/3/5/2',
    'porchlight-tile://user@tile/3/5/2',
    'porchlight-tile:tile/3/5/2',
    'porchlight-photo://tile/3/5/2',
    'https://tile.openstreetmap.org/3/5/2.png',
    'not a url',
  ])('refuses %s with 400, without asking the core', async (url) => {
    const getTile = fromFile()
    const response = await serveTileRequest({ url }, { getTile, trustedOrigins })
    expect(response.status).toBe(400)
    expect((await response.text()).trim()).toBe('That is not a valid map tile address.')
    expect(getTile).not.toHaveBeenCalled()
  })

  it('accepts the deepest tile of the deepest zoom, and an image extension', () => {
    expect(tileAddressFrom('porchlight-tile://tile/22/4194303/4194303')).toEqual({
      z: 22,
      x: 4194303,
      y: 4194303,
    })
    expect(tileAddressFrom('porchlight-tile://tile/0/0/0.png')).toEqual({ z: 0, x: 0, y: 0 })
  })

  it('serves only pages of the app (when Electron names the initiator)', async () => {
    for (const initiatorOrigin of ['https://evil.com', 'null', 'app://porchlight.evil']) {
      const getTile = fromFile()
      const response = await serveTileRequest(
        { url: 'porchlight-tile://tile/3/5/2', initiatorOrigin },
        { getTile, trustedOrigins },
      )
      expect(response.status).toBe(403)
      expect(getTile).not.toHaveBeenCalled()
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveTileRequest(
      { url: 'porchlight-tile://tile/3/5/2', method: 'POST' },
      { getTile: fromFile(), trustedOrigins },
    )
    expect(response.status).toBe(405)
  })

  it('turns a failure in the core into a 500 without details', async () => {
    const error = vi.fn()
    const response = await serveTileRequest(
      { url: 'porchlight-tile://tile/3/5/2' },
      {
        getTile: async () => {
          throw new Error('SQLITE_CORRUPT at /home/agent/data/tiles.sqlite')
        },
        trustedOrigins,
        log: { ...quietLog, error },
      },
    )
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('SQLITE')
    expect(error).toHaveBeenCalledOnce()
  })
})
