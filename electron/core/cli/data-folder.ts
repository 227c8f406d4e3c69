// Which data folders a command may use. Commands that read the cache (search, show, report,
// audit verify) need one that exists and holds a cache: a mistyped --data-dir is named, never
// taken as a new, empty cache. `sync` fills a cache and may start one: in a folder that exists,
// or a new folder whose parent exists (a typo in the parent's path is named too); the default
// data folder is the app's own and is made as the app would make it.
import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CommandFailed } from './usage.ts'

export interface DataFolder {
  path: string
  /** Given with --data-dir or PORCHLIGHT_DATA_DIR, rather than the app's default. */
  explicit: boolean
}

/** For commands that read the cache: the folder and its cache file must be there. */
export function requireCache(dataDir: string): void {
  const path = resolve(dataDir)
  if (!existsSync(path))
    throw new CommandFailed(`No Porchlight data at ${path}: there is no such folder.`)
  if (!statSync(path).isDirectory())
    throw new CommandFailed(`No Porchlight data at ${path}: it is not a folder.`)
  if (!existsSync(join(path, 'porchlight.sqlite')))
    throw new CommandFailed(
      `No Porchlight data at ${path}: the folder holds no cache. Fill it first with porchlight sync.`,
    )
}

/**
 * For `sync`: true when the command will start a new cache in a new folder. Refuses a folder
 * given by path whose parent does not exist, and a path that is a file.
 */
export function prepareSyncFolder(folder: DataFolder): { created: boolean } {
  const path = resolve(folder.path)
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new CommandFailed(`${path} is not a folder.`)
    return { created: false }
  }
  const parent = dirname(path)
  if (folder.explicit && !existsSync(parent))
    throw new CommandFailed(
      `There is no folder ${path}, nor ${parent} to make it in. Check the path, or create ${parent} first.`,
    )
  return { created: true }
}
