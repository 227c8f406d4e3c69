// The shape of the running core, as the Electron shell, the browser-mode bridge and the
// `porchlight` command see it. The core never imports Electron: what differs between those hosts
// (where secrets are kept, where the data lives) is passed in here.
import type { Speaking } from '../messages/languages.ts'
import type { ApiHandlers } from '../api/definition.ts'
import type { OtherServiceChoice } from '../cache-identity/choose-cache.ts'
import type { CacheRecovery } from '../db/recovery/recovery-report.ts'
import type { TileAddress } from '../map-tiles/tile-address.ts'
import type { ServedTile } from '../map-tiles/tile-sources.ts'
import type { ExportDestination } from '../reports/export-jobs.ts'
import type { SyncRunSummary } from '../sync/sync-engine.ts'
import type { Updater } from '../updates/update-checker.ts'
import type { User } from '../contract/schemas.ts'
import type { Logger } from '../common/logger.ts'
import type { TokenStore } from '../common/token-store.ts'

export type ServiceChoice =
  /** Start the built-in demo delivery service on 127.0.0.1 and sync from it over HTTP. */
  | { kind: 'demo'; seed?: number; deliveries?: number }
  /** A real (or standalone demo) delivery service. */
  | { kind: 'remote'; url: string }

import type { SyncNews } from './sync-news.ts'

export interface PorchlightOptions {
  dataDir: string
  service: ServiceChoice
  tokenStore: TokenStore
  /**
   * When the data folder's cache was filled from another delivery service: 'refuse' (default;
   * createPorchlight throws OtherServiceCacheError, naming both, for the host to ask the person)
   * or 'separate' (a cache of its own for this service in the folder's `services/`, the other
   * left as it is). See cache-identity/choose-cache.ts.
   */
  otherService?: OtherServiceChoice
  /**
   * Keep who signed in, in the cache, for the next start (default true: the app). The command
   * line passes false: its sign-in ends with the process and no later command runs as that user.
   */
  rememberSignIn?: boolean
  /** Sync on an interval while signed in; 0 turns the timer off (tests). Default 5 minutes. */
  syncIntervalMs?: number
  /**
   * How often retention removes what has expired (retention/retention.ts); it also runs at
   * start and before each sync's photo step. 0 turns all of that off, leaving only "Remove now"
   * (tests whose demo worlds have fixed dates, the command line's one-off sync). Default: hourly.
   */
  retentionIntervalMs?: number
  /** Every line the core logs; a logger with `recentLines` also feeds "Copy diagnostics". */
  log?: Logger & { recentLines?: (limit?: number) => string[] }
  /** Where the log file is, for diagnostics. */
  logFile?: string | null
  /** Opens a web page in the person's browser (Electron: shell.openExternal after checks). */
  openExternal?: (url: string) => Promise<void>
  /** The auto-updater and its feed; absent where there is nothing to update (browser mode). */
  updates?: { updater: Updater | null; feedUrl: string | null; packaged: boolean }
  /** This build's version and runtime versions, for diagnostics. */
  about?: { version: string; runtime: Record<string, string> }
  /** Erasing the local data also clears what the host caches itself (Chromium's caches). */
  eraseHostData?: () => Promise<void>
  /**
   * The demo basemap (an MBTiles file) used in demo mode. Default: resources/demo-basemap.mbtiles
   * of the source tree; the packaged app passes where it ships it.
   */
  demoBasemapPath?: string
  /** The desktop app's open-file dialog for MBTiles files: the chosen path, or null if cancelled. */
  chooseMapFile?: () => Promise<string | null>
  /**
   * Told when work queued during an outage was sent, or came back as conflicts (app/sync-news.ts),
   * if the settings allow it: the desktop app shows a notification.
   */
  onSyncNews?: (news: SyncNews) => void
  /**
   * The system's preferred locales, best first (Electron's `app.getPreferredSystemLanguages()`).
   * Default: Node's own. The language setting "system" picks the first Porchlight speaks.
   */
  systemLocales?: readonly string[]
  /** Told the language the core speaks, at start and when Settings change it (the app menu). */
  onLanguage?: (speaking: Speaking) => void
  /**
   * Tests only (browser mode's `--pseudo-locale`): the core speaks the pseudo-locale whatever
   * Settings choose, so the pseudo-locale tours read the core's own words (its errors, the sync's
   * problems) as they read the window's.
   */
  pseudoLocale?: boolean
  /**
   * The sync's writer thread, built (the app: out/main/page-writer-thread.js). Default: its
   * TypeScript source, which Node runs directly (tests, commands, browser mode).
   */
  syncWriterThreadFile?: string
  /**
   * The look-alike table's worker thread, built (the app: out/main/hash-index-thread.js).
   * Default: its TypeScript source (photo-match/hash-index-thread.ts).
   */
  hashIndexThreadFile?: string
  /** Fixes the online tile server whatever Settings say (tests; machines that must not use one). */
  tileServer?: TileServerOverride
  /**
   * Where report exports are written. The desktop app asks with a save dialog; by default (browser
   * mode, tests) they go to `exports/` in the data dir and are downloaded through the bridge.
   */
  exportDestination?: ExportDestination
}

export type TileServerOverride =
  'off' | { urlTemplate: string; attribution?: string; maxZoom?: number }

/** What the photo protocol may serve for a photo id: a verified file, or why not. */
export type PhotoFile =
  | { ok: true; path: string; contentType: string; sha256: string }
  | { ok: false; status: 400 | 403 | 404; reason: string }

export interface PhotoRequestOptions {
  /** The verified photo, or its thumbnail. Default: the photo. */
  variant?: 'full' | 'thumbnail'
}

export interface PorchlightCore {
  readonly handlers: ApiHandlers
  /**
   * The cache in use: the data folder itself or a separate cache in it for this service, and what
   * the person should be told about that choice (null when nothing).
   */
  readonly cache: { dir: string; note: string | null }
  /**
   * Resolves `porchlight-photo://photo/<photoId>` (or `thumb/`); refuses withheld deliveries
   * whatever is asked. Records nothing: the page records a view with the `recordPhotoView` call.
   */
  resolvePhoto(photoId: string, request?: PhotoRequestOptions): Promise<PhotoFile>
  /**
   * The map tile at an address, from the first tile source that has it (MBTiles files, the online
   * server through the cache, the cache alone), or null when none has it. Never throws.
   */
  getTile(address: TileAddress): Promise<ServedTile | null>
  /** The finished file of a report export (browser mode's download); supervisors only. */
  resolveExport(
    jobId: string,
  ): { ok: true; path: string; name: string } | { ok: false; status: 403 | 404; reason: string }
  /** Who is signed in; the dispatcher checks each call's access (CALL_ACCESS) against it. */
  currentUser(): User | null
  /** Runs a sync (or joins the one under way) and resolves with its summary; for the command line. */
  syncOnce(): Promise<SyncRunSummary>
  /** What the last recovery of a damaged cache in this process saved and lost; null if none. */
  readonly cacheRecovery: CacheRecovery | null
  close(): Promise<void>
}
