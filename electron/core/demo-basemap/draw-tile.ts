// One tile of the demo basemap as SVG: land, parks, houses, streets by class, and the names of the
// demo's neighbourhoods at the zooms where they fit. Every shape is an axis-aligned rectangle drawn
// with crisp edges, so a tile has only a handful of exact colours: the PNG palette is lossless and
// the same plan gives the same pixels on any machine.
import { GLYPH_HEIGHT, textPath, textWidth } from '../demo-service/caption-font.ts'
import type { TileAddress } from '../map-tiles/tile-address.ts'
import type { PlacedLabel } from './labels.ts'
import {
  PLAN_ZOOM,
  TILE_SIZE,
  avenueClass,
  avenueX,
  avenuesBetween,
  housesOf,
  parkOf,
  segmentMissing,
  streetClass,
  streetY,
  streetsBetween,
  type RoadClass,
} from './street-plan.ts'

export const BASEMAP_COLOURS = {
  land: '#f2efe9',
  park: '#cdebb0',
  house: '#ddd5cc',
  minorCasing: '#d3ccc0',
  minor: '#ffffff',
  arterialCasing: '#d9a463',
  arterial: '#fcd9a6',
  majorCasing: '#c77f5a',
  major: '#f7b58b',
  label: '#4a4e57',
  labelHalo: '#ffffff',
} as const

/** Road widths in tile pixels by zoom (0: not drawn at that zoom). */
const ROAD_WIDTH: Readonly<Record<RoadClass, Readonly<Record<number, number>>>> = {
  minor: { 15: 1, 16: 3, 17: 6 },
  arterial: { 12: 1, 13: 2, 14: 3, 15: 4, 16: 6, 17: 10 },
  major: { 10: 1, 11: 2, 12: 2, 13: 3, 14: 4, 15: 6, 16: 8, 17: 13 },
}
/** Parks of each size start showing at this zoom. */
const PARK_FROM_ZOOM: Readonly<Record<1 | 2 | 4, number>> = { 1: 15, 2: 13, 4: 11 }
const HOUSES_FROM_ZOOM = 17

const round = (value: number) => Math.round(value * 100) / 100

export function tileSvg(address: TileAddress, labels: ReadonlyArray<PlacedLabel>): string {
  const { z } = address
  const scale = 2 ** (PLAN_ZOOM - z)
  const x0 = address.x * TILE_SIZE * scale
  const y0 = address.y * TILE_SIZE * scale
  const x1 = x0 + TILE_SIZE * scale
  const y1 = y0 + TILE_SIZE * scale
  const px = (x: number) => round((x - x0) / scale)
  const py = (y: number) => round((y - y0) / scale)
  const avenues = avenuesBetween(x0, x1)
  const streets = streetsBetween(y0, y1)
  const shapes: string[] = []
  const rect = (x: number, y: number, w: number, h: number, fill: string) => {
    // Anything wholly off the tile is left out to keep the SVG short.
    if (x > TILE_SIZE || y > TILE_SIZE || x + w < 0 || y + h < 0 || w <= 0 || h <= 0) return
    shapes.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" fill="${fill}"/>`,
    )
  }

  for (let i = avenues.from; i < avenues.to; i++) {
    for (let j = streets.from; j < streets.to; j++) {
      const park = parkOf(i, j)
      if (park === null || z < PARK_FROM_ZOOM[park.size]) continue
      rect(
        px(avenueX(i)),
        py(streetY(j)),
        (avenueX(i + 1) - avenueX(i)) / scale,
        (streetY(j + 1) - streetY(j)) / scale,
        BASEMAP_COLOURS.park,
      )
    }
  }

  if (z >= HOUSES_FROM_ZOOM) {
    const setback = 14
    for (let i = avenues.from; i < avenues.to; i++) {
      for (let j = streets.from; j < streets.to; j++) {
        for (const house of housesOf(i, j, setback)) {
          rect(px(house.x), py(house.y), house.w / scale, house.h / scale, BASEMAP_COLOURS.house)
        }
      }
    }
  }

  // Casings first, then fills, minor roads under arterials under major roads: crossings look
  // like junctions instead of overlapping strokes.
  for (const layer of ['casing', 'fill'] as const) {
    for (const roadClass of ['minor', 'arterial', 'major'] as const) {
      const width = ROAD_WIDTH[roadClass][z] ?? 0
      if (width === 0) continue
      const drawn = layer === 'casing' ? width + (width >= 3 ? 2 : 1) : width
      const colour =
        BASEMAP_COLOURS[layer === 'casing' ? (`${roadClass}Casing` as const) : roadClass]
      if (layer === 'fill' && width < 3) {
        // Thin roads are drawn as their casing colour alone; a 1 px white line would vanish.
        continue
      }
      for (let i = avenues.from; i <= avenues.to; i++) {
        if (avenueClass(i) !== roadClass) continue
        for (let j = streets.from; j < streets.to; j++) {
          if (roadClass === 'minor' && segmentMissing('avenue', i, j, { i: i - 1, j }, { i, j }))
            continue
          const top = py(streetY(j))
          const bottom = py(streetY(j + 1))
          rect(px(avenueX(i)) - drawn / 2, top - drawn / 2, drawn, bottom - top + drawn, colour)
        }
      }
      for (let j = streets.from; j <= streets.to; j++) {
        if (streetClass(j) !== roadClass) continue
        for (let i = avenues.from; i < avenues.to; i++) {
          if (roadClass === 'minor' && segmentMissing('street', i, j, { i, j: j - 1 }, { i, j }))
            continue
          const left = px(avenueX(i))
          const right = px(avenueX(i + 1))
          rect(left - drawn / 2, py(streetY(j)) - drawn / 2, right - left + drawn, drawn, colour)
        }
      }
    }
  }

  for (const label of labels) {
    if (label.zoom !== z) continue
    const left = Math.round(label.x - address.x * TILE_SIZE)
    const top = Math.round(label.y - address.y * TILE_SIZE)
    const width = textWidth(label.text, label.scale)
    const height = GLYPH_HEIGHT * label.scale
    if (left > TILE_SIZE + 4 || top > TILE_SIZE + 4 || left + width < -4 || top + height < -4)
      continue
    const path = textPath(label.text, left, top, label.scale)
    shapes.push(
      `<path d="${path}" fill="${BASEMAP_COLOURS.labelHalo}" stroke="${BASEMAP_COLOURS.labelHalo}" stroke-width="${label.scale + 1}" stroke-linejoin="miter"/>`,
      `<path d="${path}" fill="${BASEMAP_COLOURS.label}"/>`,
    )
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_SIZE}" height="${TILE_SIZE}" shape-rendering="crispEdges">` +
    `<rect width="${TILE_SIZE}" height="${TILE_SIZE}" fill="${BASEMAP_COLOURS.land}"/>${shapes.join('')}</svg>`
  )
}
