// Starts the demo delivery service: generates the world, binds 127.0.0.1 and answers the whole
// contract. The app's main process uses it when no real service is configured; tests and
// `npm run demo-service` use it directly.
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { Sessions } from './accounts.ts'
import { Faults } from './faults.ts'
import type { FaultSpec } from './faults.ts'
import { GENERATOR_VERSION } from './generate.ts'
import { startOfUtcDay } from './local-time.ts'
import { pruneStalePhotoCaches } from './photo-cache-folders.ts'
import { createDemoServer } from './server.ts'
import type { RequestRecord } from './server.ts'
import { DemoWorld } from './world.ts'

export interface DemoServiceOptions {
  /** Only loopback. */
  host?: '127.0.0.1'
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 1. */
  seed?: number
  /** Default 2000. */
  deliveries?: number
  /**
   * The world's "today"; default: start of the current UTC day. Same seed, deliveries and anchor
   * give byte-identical records and photos.
   */
  anchor?: Date
  /**
   * Where rendered JPEGs are kept; default
   * os.tmpdir()/porchlight-demo-photos/<seed>-<deliveries>-<anchor>-v<GENERATOR_VERSION>.
   */
  photoCacheDir?: string
  /** Page size when a pull gives no limit; default 500 (the contract's), at most 1000. */
  pageLimitDefault?: number
  /**
   * Render every photo in the background after start (one at a time), so the first sync finds
   * them ready. Default false; the app's built-in demo should turn it on, tests leave it off.
   */
  warmPhotoCache?: boolean
  /**
   * Default true. False serves stand-in photo hashes and renders nothing, for measuring the
   * record path alone (see DemoWorldOptions.renderPhotos); photo downloads then fail verification.
   */
  renderPhotos?: boolean
  /** Where unexpected failures are reported; default console.error. */
  log?: (message: string, error?: unknown) => void
}

export interface DemoService {
  /** e.g. http://127.0.0.1:39123 */
  url: string
  close(): Promise<void>
  /** Read records, change them behind the clients' backs, see what clients sent. */
  world: DemoWorld
  /** Makes the next matching requests fail (429/503/500) or cuts a photo download short. */
  injectFault(fault: FaultSpec): void
  clearFaults(): void
  /** Requests answered so far (method, path, status, Range), oldest first; the last 10,000. */
  requests(): ReadonlyArray<RequestRecord>
  /** Forgets every issued token, so the next authenticated call answers 401. */
  expireSessions(): void
}

const OptionsSchema = z.object({
  host: z.literal('127.0.0.1').optional(),
  port: z.number().int().min(0).max(65535).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  // A million, so `npm run bench` can serve the sizes it measures (200k ingest).
  deliveries: z.number().int().min(1).max(1_000_000).optional(),
  anchor: z.date().optional(),
  photoCacheDir: z.string().min(1).optional(),
  pageLimitDefault: z.number().int().min(1).max(1000).optional(),
  warmPhotoCache: z.boolean().optional(),
  renderPhotos: z.boolean().optional(),
})

const MAX_REQUEST_RECORDS = 10_000

export const PHOTO_CACHE_ROOT = join(tmpdir(), 'porchlight-demo-photos')

/** The default photo cache folder for a world. */
export function defaultPhotoCacheDir(seed: number, deliveries: number, anchor: Date): string {
  const day = anchor.toISOString().slice(0, 10)
  const midnight = anchor.getTime() === startOfUtcDay(anchor).getTime()
  // A non-midnight anchor gives other photo timestamps, so it needs a folder of its own.
  const label = midnight ? day : anchor.toISOString().replace(/[-:.]/g, '')
  return join(PHOTO_CACHE_ROOT, `${seed}-${deliveries}-${label}-v${GENERATOR_VERSION}`)
}

export async function startDemoService(options: DemoServiceOptions = {}): Promise<DemoService> {
  const parsed = OptionsSchema.safeParse(options)
  if (!parsed.success) {
    throw new Error(`Invalid demo service options: ${z.prettifyError(parsed.error)}`)
  }
  const seed = parsed.data.seed ?? 1
  const deliveries = parsed.data.deliveries ?? 2000
  const anchor = parsed.data.anchor ?? startOfUtcDay(new Date())
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error))
  const photoCacheDir = parsed.data.photoCacheDir ?? defaultPhotoCacheDir(seed, deliveries, anchor)
  if (!parsed.data.photoCacheDir) {
    // Each day's default world gets a new folder; old ones would pile up in the temp folder.
    pruneStalePhotoCaches(PHOTO_CACHE_ROOT, photoCacheDir).catch(() => {})
  }

  const world = new DemoWorld({
    seed,
    deliveries,
    anchor,
    photoCacheDir,
    renderPhotos: parsed.data.renderPhotos ?? true,
    onBackgroundError: log,
  })
  await world.prepare()

  const sessions = new Sessions()
  const faults = new Faults()
  const requests: RequestRecord[] = []
  const server = createDemoServer({
    world,
    sessions,
    faults,
    pageLimitDefault: parsed.data.pageLimitDefault ?? 500,
    onError: log,
    onRequest: (record) => {
      // Bounded: inside the app the service runs for days and answers every photo download.
      if (requests.push(record) > MAX_REQUEST_RECORDS) requests.splice(0, MAX_REQUEST_RECORDS / 10)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(parsed.data.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  if (parsed.data.warmPhotoCache) void world.warmPhotoCache()

  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()))
          server.closeAllConnections()
        }),
        world.close(),
      ]).then(() => undefined)
      return closing
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    requests: () => [...requests],
    expireSessions: () => sessions.revokeAll(),
  }
}
