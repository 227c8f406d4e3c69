// Our real sync stack (cache database on a temp dir, service client, sync engine) pointed at a
// fault server, signed in the way the app signs in. Nothing here replaces our own code.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../electron/core/common/logger.ts'
import { openDatabase, type LocalDatabase } from '../../electron/core/db/open-database.ts'
import {
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
} from '../../electron/core/service/service-client.ts'
import { SyncEngine } from '../../electron/core/sync/sync-engine.ts'
import { snapshotCache, type CacheSnapshot } from './cache-snapshot.ts'
import { TEST_ACCOUNT } from './fault-server.ts'

export interface LogLine {
  level: 'info' | 'warn' | 'error'
  message: string
  detail: unknown
}

export interface SyncHarness {
  readonly dataDir: string
  readonly local: LocalDatabase
  readonly client: ServiceClient
  readonly engine: SyncEngine
  readonly logs: LogLine[]
  /** How often the engine told the app that the sign-in is refused for good. */
  readonly unauthorizedCalls: number
  /** How often the engine asked to sign in again. */
  readonly reauthentications: number
  /** The id of the newest sync run. */
  lastRunId(): number
  snapshot(): CacheSnapshot
  close(): Promise<void>
}

export interface SyncHarnessOptions {
  pageSize?: number
  photoConcurrency?: number
  client?: Partial<Omit<ServiceClientOptions, 'baseUrl' | 'getToken'>>
  /** Whether signing in again on a 401 is possible (the app has the credentials). Default true. */
  canSignInAgain?: boolean
  /** Where the cache lives; a fresh temp dir by default (removed on close). */
  dataDir?: string
  /** The service URL, when it is not the fault server's (e.g. nothing listening). */
  baseUrl?: string
  /** The app's step between the pull and the photos (retention's marks, the directory). */
  beforePhotos?: () => Promise<unknown>
}

/** `service` is a fault server, in this process or another (only its URL is used). */
export async function startSyncHarness(
  service: { readonly url: string },
  options: SyncHarnessOptions = {},
): Promise<SyncHarness> {
  const ownDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'porchlight-sync-'))
  const local = await openDatabase(dataDir)
  let token: string | null = null
  const client = createServiceClient({
    baseUrl: options.baseUrl ?? service.url,
    getToken: () => token,
    ...options.client,
  })
  const logs: LogLine[] = []
  const log: Logger = {
    info: (message, detail) => logs.push({ level: 'info', message, detail }),
    warn: (message, detail) => logs.push({ level: 'warn', message, detail }),
    error: (message, detail) => logs.push({ level: 'error', message, detail }),
  }
  let unauthorizedCalls = 0
  let reauthentications = 0
  const signIn = async () => {
    token = (await client.login(TEST_ACCOUNT.username, TEST_ACCOUNT.password)).token
  }
  if (options.baseUrl === undefined) await signIn()
  else token = 'a-token-for-a-service-that-is-not-there'
  const engine = new SyncEngine({
    sqlite: local.sqlite,
    dataDir,
    client,
    log,
    pageSize: options.pageSize,
    photoConcurrency: options.photoConcurrency,
    beforePhotos: options.beforePhotos,
    reauthenticate: async () => {
      reauthentications++
      if (options.canSignInAgain === false) return false
      await signIn()
      return true
    },
    onUnauthorized: () => {
      unauthorizedCalls++
      token = null
    },
  })
  return {
    dataDir,
    local,
    client,
    engine,
    logs,
    get unauthorizedCalls() {
      return unauthorizedCalls
    },
    get reauthentications() {
      return reauthentications
    },
    lastRunId: () =>
      (local.sqlite.prepare('SELECT max(id) AS id FROM sync_runs').get() as { id: number }).id,
    snapshot: () => snapshotCache(local.sqlite, dataDir),
    close: async () => {
      await engine.stop()
      await local.close()
      if (ownDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
