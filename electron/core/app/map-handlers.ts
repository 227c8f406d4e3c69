// The map's tile sources, put together: the MBTiles files (demo basemap, maps folder, files chosen
// in the desktop dialog), the online tile server and the cache of tiles already viewed; the API
// handlers Settings and the map call; and `getTile`, which the porchlight-tile protocol and the
// browser-mode bridge serve from.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import packageJson from '../../../package.json' with { type: 'json' }
import { type ApiHandlers, type AppSettings } from '../api/definition.ts'
import { UserFacingError } from '../common/errors.ts'
import { t } from '../messages/messages.ts'
import type { MapFileInfo, MapSources } from '../api/map-schemas.ts'
import {
  createMapFileRegistry,
  type MapFileEntry,
  type MapFileRegistry,
} from '../map-tiles/map-files.ts'
import { MbtilesError } from '../map-tiles/mbtiles-file.ts'
import { createOnlineSource, type OnlineTileSource } from '../map-tiles/online-source.ts'
import type { TileAddress } from '../map-tiles/tile-address.ts'
import { TILE_CACHE_FILE, openTileCache, type TileCache } from '../map-tiles/tile-cache.ts'
import { createTileChain, type ServedTile } from '../map-tiles/tile-sources.ts'
import type { TileServerOverride } from './types.ts'
import type { Logger } from '../common/logger.ts'
import { createAppState } from '../db/app-state.ts'

type MapHandlerNames =
  'getMapView' | 'getMapSources' | 'addMapFile' | 'removeMapFile' | 'clearTileCache'

/**
 * Names Porchlight to tile servers, as OpenStreetMap's tile policy asks (a library's default
 * User-Agent is not enough).
 */
export const TILE_USER_AGENT = `Porchlight/${packageJson.version} (desktop console for delivery support agents)`

/** app_state key of the paths of files added in the desktop dialog (kept by "erase local data"). */
export const ADDED_MAP_FILES_KEY = 'map-files.added'
const MEGABYTE = 1024 * 1024

export interface MapDesk {
  handlers: Pick<ApiHandlers, MapHandlerNames>
  /** The tile at an address from the first source that has it, or null. Never throws. */
  getTile(address: TileAddress): Promise<ServedTile | null>
  /** Takes up changed settings (the cache cap). */
  settingsChanged(settings: AppSettings): void
  /**
   * Empties the cache of tiles already viewed (they show the streets around customers' homes):
   * part of "erase the local data". Map files and their choices stay: they hold no customer data.
   */
  eraseViewedTiles(): void
  close(): void
}

export function createMapDesk(options: {
  dataDir: string
  sqlite: BetterSqlite3.Database
  settings: () => AppSettings
  /** The demo basemap in demo mode, null otherwise. */
  demoBasemap: string | null
  /** The desktop app's open-file dialog; absent in browser mode. Returns the chosen path or null. */
  chooseMapFile?: (() => Promise<string | null>) | undefined
  tileServerOverride?: TileServerOverride | undefined
  fetch?: typeof globalThis.fetch
  log: Logger
}): MapDesk {
  const { sqlite, log } = options
  const state = createAppState(sqlite)

  const registry = createMapFileRegistry({
    dataDir: options.dataDir,
    demoBasemap: options.demoBasemap,
    loadAdded: () => addedPaths(state.get(ADDED_MAP_FILES_KEY)),
    saveAdded: (paths) => state.set(ADDED_MAP_FILES_KEY, JSON.stringify(paths)),
    onProblem: (message, error) => log.warn(`map files: ${message}`, error),
  })
  // Nothing is opened or created until a map or Settings first asks (the `porchlight sync`
  // command, say, never does).
  let scanned = false
  const refreshFiles = () => {
    registry.refresh()
    scanned = true
  }
  const knownFiles = () => {
    if (!scanned) refreshFiles()
    return registry.entries()
  }
  let openCache: TileCache | null = null
  const cache = () =>
    (openCache ??= openTileCache({
      dataDir: options.dataDir,
      capBytes: options.settings().tileCacheMegabytes * MEGABYTE,
      onProblem: (message, error) => log.warn(`map tiles: ${message}`, error),
    }))

  const tileServer = () =>
    tileServerInForce(options.settings().tileServer, options.tileServerOverride)

  let online: OnlineTileSource | null = null
  const onlineFor = (urlTemplate: string) => {
    if (online?.urlTemplate !== urlTemplate) {
      online = createOnlineSource({ urlTemplate, userAgent: TILE_USER_AGENT, fetch: options.fetch })
    }
    return online
  }

  const orderedFiles = () => inMapOrder(knownFiles(), options.settings())

  const chain = createTileChain({
    files: () =>
      orderedFiles().flatMap((entry) =>
        entry.enabled && entry.file ? [{ id: entry.id, file: entry.file }] : [],
      ),
    online: () => {
      const server = tileServer()
      return server.enabled
        ? { source: onlineFor(server.urlTemplate), maxZoom: server.maxZoom }
        : null
    },
    cacheKey: () => tileServer().urlTemplate,
    cache,
    log,
  })

  function sources(): MapSources {
    refreshFiles()
    return {
      files: orderedFiles().map(fileInfo),
      mapsFolder: registry.folder,
      canAddFiles: options.chooseMapFile !== undefined,
      tileServer: tileServer(),
      cache: cache().stats(),
    }
  }

  const handlers = mapHandlers({
    registry,
    chooseMapFile: options.chooseMapFile,
    orderedFiles,
    tileServer,
    cache,
    refreshFiles,
    sources,
  })

  return {
    handlers,
    async getTile(address) {
      try {
        return await chain.getTile(address)
      } catch (error) {
        log.error(`map tiles: tile ${address.z}/${address.x}/${address.y} failed`, error)
        return null
      }
    },
    settingsChanged(settings) {
      openCache?.setCapBytes(settings.tileCacheMegabytes * MEGABYTE)
    },
    eraseViewedTiles() {
      if (openCache !== null || existsSync(join(options.dataDir, TILE_CACHE_FILE))) cache().clear()
    },
    close() {
      registry.close()
      openCache?.close()
    },
  }
}

/** The API handlers of the map and of Settings' map sources. */
function mapHandlers(parts: {
  registry: MapFileRegistry
  chooseMapFile: (() => Promise<string | null>) | undefined
  orderedFiles: () => OrderedFile[]
  tileServer: () => ReturnType<typeof tileServerInForce>
  cache: () => TileCache
  refreshFiles: () => void
  sources: () => MapSources
}): MapDesk['handlers'] {
  const { registry, chooseMapFile, orderedFiles, tileServer, cache, refreshFiles, sources } = parts
  return {
    getMapView: async () => {
      refreshFiles()
      const files = orderedFiles().filter((f) => f.enabled && f.file)
      const server = tileServer()
      const cached = cache().stats().tiles > 0
      const attribution = files.map((f) => f.file?.info.attribution || f.file?.info.name || '')
      // Tiles already viewed keep their server's attribution even while it is switched off.
      if (server.enabled || cached) attribution.push(server.attribution)
      return {
        attribution: [...new Set(attribution.filter((a) => a !== ''))],
        sourceCount: files.length + (server.enabled ? 1 : 0) + (cached ? 1 : 0),
      }
    },
    getMapSources: async () => sources(),
    addMapFile: async () => {
      if (!chooseMapFile) {
        throw new UserFacingError(
          'not-available',
          t('settings:problem.filesOnlyInDesktop', { folder: registry.folder }),
        )
      }
      const path = await chooseMapFile()
      if (path === null) return { added: null, sources: sources() }
      let entry: MapFileEntry
      try {
        entry = registry.add(path)
      } catch (error) {
        if (error instanceof MbtilesError) throw new UserFacingError('bad-map-file', error.message)
        throw error
      }
      const now = sources()
      return { added: now.files.find((f) => f.id === entry.id) ?? null, sources: now }
    },
    removeMapFile: async ({ id }) => {
      if (!registry.remove(id)) {
        throw new UserFacingError('not-removable', t('settings:problem.notRemovable'))
      }
      return sources()
    },
    clearTileCache: async () => {
      cache().clear()
      return sources()
    },
  }
}

type OrderedFile = MapFileEntry & { enabled: boolean }

/** The paths of the files added in the desktop dialog, as app_state keeps them. */
function addedPaths(stored: string | null | undefined): string[] {
  try {
    const paths: unknown = JSON.parse(stored ?? '[]')
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : []
  } catch {
    return []
  }
}

/** The server in force: Settings', unless the host fixed it. */
function tileServerInForce(
  fromSettings: AppSettings['tileServer'],
  override: TileServerOverride | undefined,
) {
  if (override === undefined) return { ...fromSettings, fixedBy: null }
  if (override === 'off') {
    return {
      ...fromSettings,
      enabled: false,
      fixedBy: 'off' as const,
    }
  }
  return {
    enabled: true,
    urlTemplate: override.urlTemplate,
    attribution: override.attribution ?? fromSettings.attribution,
    maxZoom: override.maxZoom ?? fromSettings.maxZoom,
    fixedBy: 'set' as const,
  }
}

/** Files in the order the map asks them, each with whether it is switched on. */
function inMapOrder(
  files: MapFileEntry[],
  { mapFileOrder, mapFilesOff }: Pick<AppSettings, 'mapFileOrder' | 'mapFilesOff'>,
): OrderedFile[] {
  const rank = (id: string) => {
    const index = mapFileOrder.indexOf(id)
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  }
  return files
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry.id) - rank(b.entry.id) || a.index - b.index)
    .map(({ entry }) => ({ ...entry, enabled: !mapFilesOff.includes(entry.id) }))
}

function fileInfo(entry: OrderedFile): MapFileInfo {
  return {
    id: entry.id,
    origin: entry.origin,
    fileName: entry.fileName,
    name: entry.file?.info.name ?? null,
    attribution: entry.file?.info.attribution ?? '',
    description: entry.file?.info.description ?? '',
    minZoom: entry.file?.info.minZoom ?? null,
    maxZoom: entry.file?.info.maxZoom ?? null,
    format: entry.file?.info.format ?? null,
    enabled: entry.enabled,
    problem: entry.problem,
  }
}
