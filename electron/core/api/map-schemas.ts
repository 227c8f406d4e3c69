// The shapes of the map calls in the API (see definition.ts): what the map needs to show its tiles
// (the attributions of the sources in use), and what Settings shows and changes about the sources
// (MBTiles files, the online tile server, the cache of tiles already viewed). Tiles themselves do
// not travel through the API: the porchlight-tile protocol (or the bridge's /tiles/) serves them.
import { z } from 'zod'
import { t } from '../messages/messages.ts'
import { MAP_FILE_ID_PATTERN } from './map-file-id.ts'
import {
  OPENSTREETMAP_ATTRIBUTION,
  OPENSTREETMAP_MAX_ZOOM,
  OPENSTREETMAP_TEMPLATE,
  tileUrlTemplateProblem,
} from './tile-url-template.ts'

const NoArg = z.undefined().optional()

// Messages are functions: each is worded in the language spoken when a value is checked.
export const MapFileIdSchema = z
  .string()
  .regex(MAP_FILE_ID_PATTERN, { error: () => t('settings:template.mapFileId') })

export const TileServerSchema = z.object({
  enabled: z.boolean(),
  urlTemplate: z
    .string()
    .trim()
    .max(500, { error: () => t('settings:template.tooLong', { max: 500 }) })
    .superRefine((value, context) => {
      const problem = tileUrlTemplateProblem(value)
      if (problem !== null) context.addIssue({ code: 'custom', message: problem })
    }),
  /** Shown on the map as plain text. */
  attribution: z
    .string()
    .trim()
    .min(1, { error: () => t('settings:template.attributionMissing') })
    .max(300, { error: () => t('settings:template.attributionTooLong', { max: 300 }) }),
  maxZoom: z.number().int().min(1).max(22),
})

export const MapFileInfoSchema = z.object({
  id: MapFileIdSchema,
  /** demo: built in; folder: found in the maps folder; added: chosen in the desktop dialog. */
  origin: z.enum(['demo', 'folder', 'added']),
  fileName: z.string(),
  /** From the file's metadata; null when the file cannot be used. */
  name: z.string().nullable(),
  attribution: z.string(),
  description: z.string(),
  minZoom: z.number().nullable(),
  maxZoom: z.number().nullable(),
  format: z.enum(['png', 'jpg', 'webp']).nullable(),
  enabled: z.boolean(),
  /** Why the file serves no tiles, in words; null when it is fine. */
  problem: z.string().nullable(),
})

export const MapSourcesSchema = z.object({
  /** In the order the map asks them. */
  files: z.array(MapFileInfoSchema),
  /** Where .mbtiles files are picked up from. */
  mapsFolder: z.string(),
  /** True in the desktop app, which can show an open-file dialog. */
  canAddFiles: z.boolean(),
  tileServer: TileServerSchema.extend({
    /**
     * Set when the command line fixed the server (tests, locked-down machines): Settings cannot
     * change it. 'off': switched off when Porchlight was started; 'set': set then.
     */
    fixedBy: z.enum(['off', 'set']).nullable(),
  }),
  cache: z.object({ tiles: z.number(), bytes: z.number(), capBytes: z.number() }),
})

export const MapViewSchema = z.object({
  /** Plain-text attributions of the sources the map may show. */
  attribution: z.array(z.string()),
  /** Sources that may give tiles: usable files, the tile server, tiles already viewed. */
  sourceCount: z.number(),
})

export const mapCalls = {
  getMapView: { arg: NoArg, result: MapViewSchema },
  getMapSources: { arg: NoArg, result: MapSourcesSchema },
  /** Shows the open-file dialog (desktop app only); `added` is null when the person cancelled. */
  addMapFile: {
    arg: NoArg,
    result: z.object({ added: MapFileInfoSchema.nullable(), sources: MapSourcesSchema }),
  },
  removeMapFile: { arg: z.object({ id: MapFileIdSchema }), result: MapSourcesSchema },
  clearTileCache: { arg: NoArg, result: MapSourcesSchema },
} as const

export type MapSources = z.output<typeof MapSourcesSchema>
export type MapFileInfo = z.output<typeof MapFileInfoSchema>
export type MapView = z.output<typeof MapViewSchema>
export type TileServerSettings = z.output<typeof TileServerSchema>

/** OpenStreetMap's standard layer as the online tile server: what Settings' "Use OpenStreetMap" fills in. */
export const OPENSTREETMAP_TILE_SERVER: TileServerSettings = {
  enabled: true,
  urlTemplate: OPENSTREETMAP_TEMPLATE,
  attribution: OPENSTREETMAP_ATTRIBUTION,
  maxZoom: OPENSTREETMAP_MAX_ZOOM,
}
