// Where the demo basemap writes the names of the demo's neighbourhoods (real places at their real
// centres): placed once per zoom for the whole world, largest share first, leaving out any name
// that would overlap one already placed, so the tiles of a zoom agree on which names are shown.
import { GLYPH_HEIGHT, textWidth } from '../demo-service/caption-font.ts'
import type { Area } from '../demo-service/names.ts'
import { latitudeToTileY, longitudeToTileX } from '../map-tiles/web-mercator.ts'
import { TILE_SIZE } from './street-plan.ts'

export interface PlacedLabel {
  text: string
  zoom: number
  /** Top-left corner in world pixels at `zoom`. */
  x: number
  y: number
  /** Font pixels per glyph pixel. */
  scale: number
}

/** Neighbourhood names are written at these zooms, at this font scale. */
const LABEL_SCALE: Readonly<Record<number, number>> = { 12: 1, 13: 1, 14: 2, 15: 2 }
const GAP = 6

export function placeLabels(areas: ReadonlyArray<Area>): PlacedLabel[] {
  const placed: PlacedLabel[] = []
  for (const [zoomText, scale] of Object.entries(LABEL_SCALE)) {
    const zoom = Number(zoomText)
    const taken: PlacedLabel[] = []
    for (const area of areas) {
      for (const hood of area.neighbourhoods) {
        const text = hood.name.toUpperCase()
        const width = textWidth(text, scale)
        const height = GLYPH_HEIGHT * scale
        const label: PlacedLabel = {
          text,
          zoom,
          x: Math.round(longitudeToTileX(hood.center.lng, zoom) * TILE_SIZE - width / 2),
          y: Math.round(latitudeToTileY(hood.center.lat, zoom) * TILE_SIZE - height / 2),
          scale,
        }
        const overlaps = taken.some(
          (other) =>
            label.x < other.x + textWidth(other.text, scale) + GAP &&
            other.x < label.x + width + GAP &&
            label.y < other.y + height + GAP &&
            other.y < label.y + height + GAP,
        )
        if (!overlaps) taken.push(label)
      }
    }
    placed.push(...taken)
  }
  return placed
}
