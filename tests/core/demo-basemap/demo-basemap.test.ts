// The committed demo basemap: a valid MBTiles file, covering every place the demo world puts on a
// map at the zoom the map will show it, and still what the generator draws.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_BASEMAP_FILE } from '../../../electron/core/demo-basemap/basemap-file.ts'
import {
  BASEMAP_ATTRIBUTION,
  renderBasemapTile,
} from '../../../electron/core/demo-basemap/build-basemap.ts'
import { BASEMAP_MAX_ZOOM } from '../../../electron/core/demo-basemap/coverage.ts'
import { generateWorld } from '../../../electron/core/demo-service/generate.ts'
import { openMbtiles, type MbtilesFile } from '../../../electron/core/map-tiles/mbtiles-file.ts'
import { latitudeToTileY, longitudeToTileX } from '../../../electron/core/map-tiles/web-mercator.ts'

let file: MbtilesFile
beforeAll(() => {
  file = openMbtiles(DEMO_BASEMAP_FILE)
})
afterAll(() => file.close())

/** The map's framing (DeliveryMap): points fitted with 48 px padding, at most zoom 19. */
function framingZoom(points: Array<{ lat: number; lng: number }>): number {
  // A small map panel (the delivery screen at 1280 x 720): conservative, so deeper zooms win.
  const width = 520 - 96
  const height = 300 - 96
  for (let z = 19; z > 0; z--) {
    const xs = points.map((p) => longitudeToTileX(p.lng, z) * 256)
    const ys = points.map((p) => latitudeToTileY(p.lat, z) * 256)
    if (Math.max(...xs) - Math.min(...xs) <= width && Math.max(...ys) - Math.min(...ys) <= height) {
      return z
    }
  }
  return 0
}

describe('the demo basemap', () => {
  it('is a raster MBTiles file of zooms 10 to 17 with its attribution, a few megabytes at most', async () => {
    expect(file.info).toMatchObject({
      name: 'Porchlight demo basemap',
      format: 'webp',
      minZoom: 10,
      maxZoom: 17,
      attribution: BASEMAP_ATTRIBUTION,
    })
    const { size } = await import('node:fs').then((fs) => fs.statSync(DEMO_BASEMAP_FILE))
    expect(size).toBeLessThan(4 * 1024 * 1024)
  })

  it.each([1, 7, 20260110])(
    'has a tile under every address, drop-off and photo of the seed-%i world at the zoom its map shows',
    (seed) => {
      const world = generateWorld({
        seed,
        deliveries: 2000,
        anchor: new Date('2026-01-10T00:00:00Z'),
      })
      const missing: string[] = []
      for (const delivery of world.deliveries) {
        const points = [
          delivery.address.location,
          delivery.dropOff.location,
          ...delivery.photos.map((p) => p.location),
        ].filter((p): p is NonNullable<typeof p> => p !== null)
        if (points.length === 0) continue
        const z = Math.min(BASEMAP_MAX_ZOOM, framingZoom(points))
        for (const point of points) {
          const address = {
            z,
            x: Math.floor(longitudeToTileX(point.lng, z)),
            y: Math.floor(latitudeToTileY(point.lat, z)),
          }
          if (!file.readTile(address)) missing.push(`${delivery.id} ${z}/${address.x}/${address.y}`)
        }
      }
      expect(missing).toEqual([])
    },
  )

  it('is still what the generator draws (run `npm run demo-basemap` after changing the drawing)', async () => {
    // A sample across the zooms and the three areas, compared pixel for pixel.
    const places = [
      { lat: 47.623, lng: -122.319 },
      { lat: 37.7599, lng: -122.4148 },
      { lat: 38.8868, lng: -77.095 },
    ]
    for (const place of places) {
      for (const z of [10, 12, 14, 16, 17]) {
        const address = {
          z,
          x: Math.floor(longitudeToTileX(place.lng, z)),
          y: Math.floor(latitudeToTileY(place.lat, z)),
        }
        const stored = file.readTile(address)
        expect(stored, `tile ${z}/${address.x}/${address.y}`).not.toBeNull()
        const [drawn, kept] = await Promise.all([
          sharp(await renderBasemapTile(address))
            .raw()
            .toBuffer(),
          sharp(stored!.bytes).raw().toBuffer(),
        ])
        expect(drawn.equals(kept), `tile ${z}/${address.x}/${address.y} differs`).toBe(true)
      }
    }
  })
})
