// `npm run browser -- [--data-dir DIR] [--port N] [--demo] [--service URL] [--new-cache]`
//   [--sync-interval SECONDS] [--retention-interval SECONDS] (0 turns either timer off)
//   [--tile-server URL|off] (fixes the online map tile server for this run)
//   [--pseudo-locale] (tests: the core speaks the pseudo-locale, whatever Settings choose)
// Runs the core under Node and serves the built renderer with the API on 127.0.0.1.
// A data folder filled from another delivery service is refused, naming both; --new-cache starts
// a separate cache for this service in it instead (cache-identity/choose-cache.ts).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createPorchlight } from '../app/porchlight.ts'
import { defaultDataDir } from '../app/default-data-dir.ts'
import { createMemoryTokenStore } from '../app/memory-token-store.ts'
import { OtherServiceCacheError } from '../cache-identity/choose-cache.ts'
import type { ServiceChoice, TileServerOverride } from '../app/types.ts'
import { createRedactingLogger } from '../logging/redacting-logger.ts'
import { tileUrlTemplateProblem } from '../api/tile-url-template.ts'
import { startBridgeServer } from './bridge-server.ts'

const ArgsSchema = z.object({
  'data-dir': z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  demo: z.boolean().default(false),
  service: z.url({ protocol: /^https?$/ }).optional(),
  'demo-deliveries': z.coerce.number().int().min(10).max(1_000_000).optional(),
  'sync-interval': z.coerce.number().int().min(0).optional(),
  /** `off`, or a tile URL template that replaces the one in Settings. */
  'tile-server': z
    .string()
    .refine((value) => value === 'off' || tileUrlTemplateProblem(value) === null, {
      message:
        'use off, or an address with {z}, {x} and {y}, such as https://tile.example.com/{z}/{x}/{y}.png',
    })
    .optional(),
  'retention-interval': z.coerce.number().int().min(0).optional(),
  'new-cache': z.boolean().default(false),
  'pseudo-locale': z.boolean().default(false),
})

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean' },
      service: { type: 'string' },
      'demo-deliveries': { type: 'string' },
      'sync-interval': { type: 'string' },
      'tile-server': { type: 'string' },
      'retention-interval': { type: 'string' },
      'new-cache': { type: 'boolean' },
      'pseudo-locale': { type: 'boolean' },
    },
    strict: true,
  })
  const parsed = ArgsSchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`--${issue?.path.join('.')}: ${issue?.message}`)
  }
  const args = parsed.data
  const serviceUrl = args.service ?? process.env.PORCHLIGHT_SERVICE_URL
  if (args.demo && args.service)
    throw new UsageError('--demo and --service cannot be used together')
  const service: ServiceChoice =
    !args.demo && serviceUrl
      ? { kind: 'remote', url: z.url({ protocol: /^https?$/ }).parse(serviceUrl) }
      : { kind: 'demo', deliveries: args['demo-deliveries'] }
  const outDir = join(import.meta.dirname, '..', '..', '..', 'out')
  const rendererDir = join(outDir, 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UsageError(
      'The renderer is not built: run `npm run build` first (npm run browser does it).',
    )
  }
  const dataDir = args['data-dir'] ?? defaultDataDir()
  const tileServer: TileServerOverride | undefined =
    args['tile-server'] === undefined
      ? undefined
      : args['tile-server'] === 'off'
        ? 'off'
        : { urlTemplate: args['tile-server'] }
  const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000)
  // The same redaction as the app's log file; browser mode writes to stderr only.
  const log = createRedactingLogger((level, line) => console.error(`${level} ${line}`))
  const core = await createPorchlight({
    dataDir,
    service,
    tokenStore: createMemoryTokenStore(),
    otherService: args['new-cache'] ? 'separate' : 'refuse',
    syncIntervalMs: seconds(args['sync-interval']),
    retentionIntervalMs: seconds(args['retention-interval']),
    log,
    about: {
      version: process.env.npm_package_version ?? 'development',
      runtime: { node: process.versions.node },
    },
    tileServer,
    pseudoLocale: args['pseudo-locale'],
    // The writer thread as the app bundles it, built with the renderer.
    syncWriterThreadFile: join(outDir, 'main', 'page-writer-thread.js'),
    hashIndexThreadFile: join(outDir, 'main', 'hash-index-thread.js'),
  })
  const bridge = await startBridgeServer({ core, rendererDir, port: args.port, log })
  if (core.cache.note) console.log(core.cache.note)
  console.log(`Porchlight (browser mode), data in ${core.cache.dir}`)
  console.log(`Open: ${bridge.url}`)
  const shutdown = async () => {
    await bridge.close()
    await core.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof OtherServiceCacheError) {
    console.error(
      `porchlight browser: ${error.message}\nNothing was opened. To use ${error.asked.url} all ` +
        'the same, start a separate cache for it with --new-cache (the data filled from ' +
        `${error.cachedFrom.url} stays as it is), or give another --data-dir.`,
    )
    process.exit(1)
  }
  if (error instanceof UsageError || error instanceof z.ZodError) {
    console.error(`porchlight browser: ${error.message}`)
    process.exit(2)
  }
  console.error(
    'porchlight browser: could not start:',
    error instanceof Error ? error.message : error,
  )
  process.exit(1)
})
