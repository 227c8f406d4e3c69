// Builds the demo basemap: every tile of the coverage drawn from the street plan, encoded as
// lossless WebP, written into one MBTiles file. Deterministic: the same code gives the same pixels.
import sharp from 'sharp'
import { AREAS } from '../demo-service/names.ts'
import type { TileAddress } from '../map-tiles/tile-address.ts'
import { writeMbtiles, type MbtilesTile } from '../map-tiles/write-mbtiles.ts'
import { BASEMAP_MAX_ZOOM, BASEMAP_MIN_ZOOM, basemapBounds, basemapTiles } from './coverage.ts'
import { tileSvg } from './draw-tile.ts'
import { placeLabels, type PlacedLabel } from './labels.ts'

/** Short, so the map's credits leave its scale bar alone; says plainly the streets are invented. */
export const BASEMAP_ATTRIBUTION = 'Porchlight demo basemap (made-up streets)'
/** Bump when the drawing changes, so a stale copy is recognisable. */
export const BASEMAP_VERSION = '2'

export const BASEMAP_METADATA = (bounds: readonly number[]) => ({
  name: 'Porchlight demo basemap',
  format: 'webp',
  type: 'baselayer',
  version: BASEMAP_VERSION,
  description:
    'Seattle, San Francisco and Northern Virginia around the demo neighbourhoods, zoom 10 to 17.',
  attribution: BASEMAP_ATTRIBUTION,
  minzoom: String(BASEMAP_MIN_ZOOM),
  maxzoom: String(BASEMAP_MAX_ZOOM),
  bounds: bounds.map((value) => value.toFixed(6)).join(','),
})

let labelCache: PlacedLabel[] | null = null

/**
 * One tile of the demo basemap as lossless WebP bytes: for these flat drawings about half the size
 * of a palette PNG (some 280 bytes a tile against 550), which keeps the committed file near 3 MB.
 */
export async function renderBasemapTile(address: TileAddress): Promise<Buffer> {
  labelCache ??= placeLabels(AREAS)
  return sharp(Buffer.from(tileSvg(address, labelCache), 'utf8'))
    .webp({ lossless: true, effort: 6 })
    .toBuffer()
}

export async function buildBasemap(
  path: string,
  options: { onProgress?: (done: number, total: number) => void; concurrency?: number } = {},
): Promise<{ tiles: number }> {
  const addresses = basemapTiles(AREAS)
  const concurrency = options.concurrency ?? 4
  async function* rendered(): AsyncGenerator<MbtilesTile> {
    // A small window of renders in flight; tiles are yielded in coverage order.
    const inFlight: Array<Promise<MbtilesTile>> = []
    let next = 0
    const start = () => {
      const address = addresses[next++]
      if (address)
        inFlight.push(renderBasemapTile(address).then((bytes) => ({ ...address, bytes })))
    }
    for (let n = 0; n < concurrency; n++) start()
    let done = 0
    while (inFlight.length > 0) {
      const tile = await inFlight.shift()!
      start()
      done += 1
      if (done % 500 === 0 || done === addresses.length)
        options.onProgress?.(done, addresses.length)
      yield tile
    }
  }
  return writeMbtiles(path, BASEMAP_METADATA(basemapBounds(addresses)), rendered())
}
