// The map's tiles: one Leaflet tile layer on the porchlight-tile protocol (the bridge's /tiles/ in
// browser mode). The main process walks the sources (MBTiles files, the tile server, tiles already
// viewed); this layer only shows what comes back, credits the sources in use, and reports whether
// any tile could not be had, so the map can say so quietly instead of looking broken.
import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { TileLayer } from 'react-leaflet'
import type { MapView } from '../../electron/core/api/map-schemas.ts'
import { tileUrlTemplate } from '../api/client.ts'
import { queries } from '../api/queries.ts'

/** What the tiles of the current view came to. */
export type TileCoverage = 'loading' | 'complete' | 'partial' | 'none'

/** The map's deepest zoom; past a source's own deepest zoom the main process enlarges its tiles. */
export const MAP_MAX_ZOOM = 19

const WITHOUT_CREDITS: MapView = { attribution: [], sourceCount: 1 }

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Leaflet's tile events carry the tile's coordinates. */
type TileEvent = { coords: { x: number; y: number; z: number } }
const keyOf = ({ coords }: TileEvent) => `${coords.z}/${coords.x}/${coords.y}`

export function BasemapLayer({ onCoverage }: { onCoverage: (coverage: TileCoverage) => void }) {
  const read = useQuery(queries.mapView())
  // Without the list of sources the tiles may still come; only the credits are missing.
  const view: MapView | null = read.data ?? (read.error ? WITHOUT_CREDITS : null)
  // The tiles on the map now (Leaflet unloads those that leave the view), and which of them came.
  const tiles = useRef(new Map<string, boolean>())
  const loading = useRef(false)
  const report = () => {
    const came = [...tiles.current.values()]
    const loaded = came.filter(Boolean).length
    onCoverage(loaded === came.length ? 'complete' : loaded === 0 ? 'none' : 'partial')
  }

  useEffect(() => {
    if (view?.sourceCount === 0) onCoverage('none')
  }, [view, onCoverage])

  if (view === null || view.sourceCount === 0) return null
  return (
    <TileLayer
      url={tileUrlTemplate()}
      // Attribution is HTML to Leaflet; ours is plain text from files and settings: the names of
      // the sources and their licences, never translated.
      attribution={view.attribution
        .map((credit) => `<span translate="no">${escapeHtml(credit)}</span>`)
        .join(' · ')}
      maxZoom={MAP_MAX_ZOOM}
      eventHandlers={{
        tileload: (event) => {
          tiles.current.set(keyOf(event as unknown as TileEvent), true)
        },
        tileerror: (event) => {
          tiles.current.set(keyOf(event as unknown as TileEvent), false)
        },
        // Tiles of the previous zoom leave a moment after the new ones settle: say it again then.
        tileunload: (event) => {
          tiles.current.delete(keyOf(event as unknown as TileEvent))
          if (!loading.current) report()
        },
        loading: () => {
          loading.current = true
        },
        // Fires once every tile of the view has either arrived or failed.
        load: () => {
          loading.current = false
          report()
        },
      }}
    />
  )
}
