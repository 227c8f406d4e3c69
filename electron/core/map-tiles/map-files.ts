// The MBTiles files Porchlight knows about, from three places:
//   - the built-in demo basemap (demo mode only);
//   - every `.mbtiles` file in the `maps` folder of the data folder, picked up whenever the map or
//     Settings look (an organisation can drop its regional basemap there);
//   - files chosen in the desktop app's open-file dialog, remembered by path.
// The renderer only ever names files by these opaque ids; paths come from the folder listing or
// from the native dialog, never from the page. Each file is validated when first seen or changed;
// one that cannot be used stays listed with the reason, and serves no tiles.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { DEMO_MAP_FILE_ID } from '../api/map-file-id.ts'
import { t } from '../messages/messages.ts'
import { MbtilesError, openMbtiles, type MbtilesFile } from './mbtiles-file.ts'

export const MAPS_FOLDER = 'maps'
/** More than this many files in the folder are not opened (each one is an open database). */
const MAX_FOLDER_FILES = 50

export type MapFileOrigin = 'demo' | 'folder' | 'added'

export interface MapFileEntry {
  id: string
  origin: MapFileOrigin
  path: string
  fileName: string
  /** The open file, or null when it cannot be used (see `problem`). */
  file: MbtilesFile | null
  problem: string | null
}

export interface MapFileRegistry {
  /** `<dataDir>/maps`, created if missing. */
  readonly folder: string
  /** Looks at the folder and the remembered files again; reopens any that changed. */
  refresh(): void
  /** Every known file: the demo basemap, then added files in the order added, then the folder's by name. */
  entries(): MapFileEntry[]
  /** Validates and remembers a file the person chose in the desktop dialog. */
  add(path: string): MapFileEntry
  /** Forgets an added file (the file itself is left alone). False for other kinds. */
  remove(id: string): boolean
  close(): void
}

export interface MapFileRegistryOptions {
  dataDir: string
  /** The demo basemap's path in demo mode; null otherwise. */
  demoBasemap: string | null
  /** Paths of files added through the dialog, and where to keep that list. */
  loadAdded(): string[]
  saveAdded(paths: string[]): void
  onProblem?: (message: string, error: unknown) => void
}

interface Known extends Omit<MapFileEntry, 'problem'> {
  /** Size and modification time when opened: a change means reopening. */
  stamp: string | null
  /** The problem, worded in the language spoken when it is read. */
  problem: (() => string) | null
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

/** Size and modification time, or null when there is no file. */
function stampOf(path: string): string | null {
  try {
    const info = statSync(path)
    return info.isFile() ? `${info.size}:${info.mtimeMs}` : null
  } catch {
    return null
  }
}

/** An entry's file opened, or the problem that kept it from opening, in words. */
function openEntry(
  where: { id: string; origin: MapFileOrigin; path: string; stamp: string | null },
  missingWords: () => string,
  onProblem: MapFileRegistryOptions['onProblem'],
): Known {
  const { id, origin, path, stamp } = where
  const entry: Known = {
    id,
    origin,
    path,
    fileName: basename(path),
    file: null,
    problem: null,
    stamp,
  }
  if (stamp === null) {
    entry.problem = missingWords
  } else {
    try {
      entry.file = openMbtiles(path, {
        onSkippedTile: (message) => onProblem?.(message, null),
      })
    } catch (error) {
      const fileName = entry.fileName
      entry.problem =
        error instanceof MbtilesError
          ? error.say
          : () => t('settings:mapFileProblem.unreadable', { file: fileName })
      if (!(error instanceof MbtilesError)) onProblem?.(`map file ${path}`, error)
    }
  }
  return entry
}

/** The MBTiles files in the maps folder (made if missing), by name, up to the limit. */
function folderFiles(folder: string, onProblem: MapFileRegistryOptions['onProblem']): string[] {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    return readdirSync(folder, { withFileTypes: true })
      .filter((item) => item.name.toLowerCase().endsWith('.mbtiles') && !item.isDirectory())
      .map((item) => item.name)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_FOLDER_FILES)
  } catch (error) {
    onProblem?.(`the maps folder ${folder} could not be read`, error)
    return []
  }
}

export function createMapFileRegistry(options: MapFileRegistryOptions): MapFileRegistry {
  const folder = join(options.dataDir, MAPS_FOLDER)
  const known = new Map<string, Known>()
  let added = options.loadAdded()

  /** Opens (or keeps) the file behind an entry; a file that changed is opened afresh. */
  function load(
    id: string,
    origin: MapFileOrigin,
    path: string,
    missingWords: () => string,
  ): Known {
    const stamp = stampOf(path)
    const previous = known.get(id)
    if (previous && previous.path === path && previous.stamp === stamp && stamp !== null) {
      return previous
    }
    previous?.file?.close()
    const entry = openEntry({ id, origin, path, stamp }, missingWords, options.onProblem)
    known.set(id, entry)
    return entry
  }

  function refresh(): void {
    const seen = new Set<string>()
    if (options.demoBasemap !== null) {
      load(DEMO_MAP_FILE_ID, 'demo', options.demoBasemap, () =>
        t('settings:mapFileProblem.demoMissing'),
      )
      seen.add(DEMO_MAP_FILE_ID)
    }
    for (const path of added) {
      const id = `file-${shortHash(path)}`
      load(id, 'added', path, () => t('settings:mapFileProblem.gone', { file: basename(path) }))
      seen.add(id)
    }
    for (const name of folderFiles(folder, options.onProblem)) {
      const id = `folder-${shortHash(name)}`
      load(id, 'folder', join(folder, name), () =>
        t('settings:mapFileProblem.folderUnopenable', { file: name }),
      )
      seen.add(id)
    }
    for (const [id, entry] of known) {
      if (seen.has(id)) continue
      entry.file?.close()
      known.delete(id)
    }
  }

  const strip = ({ stamp: _stamp, problem, ...entry }: Known): MapFileEntry => ({
    ...entry,
    problem: problem?.() ?? null,
  })

  return {
    folder,
    refresh,
    entries() {
      const order: Record<MapFileOrigin, number> = { demo: 0, added: 1, folder: 2 }
      const addedIndex = (entry: Known) => added.findIndex((p) => p === entry.path)
      return [...known.values()]
        .sort(
          (a, b) =>
            order[a.origin] - order[b.origin] ||
            addedIndex(a) - addedIndex(b) ||
            a.fileName.localeCompare(b.fileName),
        )
        .map(strip)
    },
    add(chosen) {
      let path: string
      try {
        path = realpathSync(chosen)
      } catch {
        throw new MbtilesError(() =>
          t('settings:mapFileProblem.notFound', { file: basename(chosen) }),
        )
      }
      // Open it first: a file that cannot be used is refused, not remembered.
      const probe = openMbtiles(path)
      probe.close()
      if (!added.includes(path)) {
        added = [...added, path]
        options.saveAdded(added)
      }
      refresh()
      const entry = known.get(`file-${shortHash(path)}`)
      if (!entry) {
        throw new MbtilesError(() =>
          t('settings:mapFileProblem.notAdded', { file: basename(path) }),
        )
      }
      return strip(entry)
    },
    remove(id) {
      const entry = known.get(id)
      if (!entry || entry.origin !== 'added') return false
      added = added.filter((p) => p !== entry.path)
      options.saveAdded(added)
      entry.file?.close()
      known.delete(id)
      return true
    },
    close() {
      for (const entry of known.values()) entry.file?.close()
      known.clear()
    },
  }
}
