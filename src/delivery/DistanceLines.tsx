// Dashed lines from the address to the drop-off and to each photo, labelled in metres where the
// label fits and does not sit on another.
import { useState } from 'react'
import L from 'leaflet'
import { Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet'
import { formatMetres } from './distance.ts'
import type { LatLngPoint } from './distance.ts'
import { MAP_COLOURS } from './mapColours.ts'

export type DistanceLineSpec = {
  key: string
  kind: 'drop-off' | 'photo'
  to: LatLngPoint
  distanceM: number
  /** Beyond the threshold even allowing for the fix's accuracy. */
  away: boolean
}

/** Shorter than this on screen, the distance label would sit on the pins; the panel says it. */
export const MIN_LABELLED_LINE_PX = 72
/** Labels closer than this to one already placed would overlap it. */
export const MIN_LABEL_GAP_PX = 44

/** Dashed lines from the address to the drop-off and to each photo, labelled in metres. */
export function DistanceLines({ from, lines }: { from: LatLngPoint; lines: DistanceLineSpec[] }) {
  const map = useMap()
  const [zoom, setZoom] = useState(() => map.getZoom())
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) })
  const start = L.latLng(from.lat, from.lng)
  const origin = map.project(start, zoom)
  const labels: L.Point[] = []
  return lines.map((line) => {
    const end = L.latLng(line.to.lat, line.to.lng)
    const endPx = map.project(end, zoom)
    const middle = origin.add(endPx).divideBy(2)
    const labelled =
      origin.distanceTo(endPx) >= MIN_LABELLED_LINE_PX &&
      labels.every((placed) => placed.distanceTo(middle) >= MIN_LABEL_GAP_PX)
    if (labelled) labels.push(middle)
    const modifier = `pl-line--${line.kind}${line.away ? ' pl-line--away' : ''}`
    return (
      <Polyline
        key={line.key}
        positions={[start, end]}
        interactive={false}
        pathOptions={{
          className: `pl-line ${modifier}`,
          color: line.kind === 'drop-off' ? '#37474f' : MAP_COLOURS.photo,
          weight: line.kind === 'drop-off' ? 2.5 : 1.5,
          dashArray: line.kind === 'drop-off' ? '6 6' : '2 5',
          opacity: 0.9,
        }}
      >
        {labelled && (
          <Tooltip
            permanent
            direction="center"
            className={`pl-distance pl-distance--${line.kind}${line.away ? ' pl-distance--away' : ''}`}
          >
            {formatMetres(line.distanceM)}
          </Tooltip>
        )}
      </Polyline>
    )
  })
}
