// `npm run demo-service -- --port 8080 [--seed 1] [--deliveries 2000] [--anchor 2025-06-01]`:
// the demo delivery service on its own, for a browser-mode app or a client under development.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEMO_ACCOUNTS, startDemoService } from './index.ts'

const USAGE = `Usage: npm run demo-service -- --port N [--seed S] [--deliveries N] [--anchor YYYY-MM-DD]

  --port N          TCP port on 127.0.0.1 (0 picks a free one; default 8080)
  --seed S          world seed, a whole number (default 1)
  --deliveries N    number of deliveries, 1-100000 (default 2000)
  --anchor DATE     the world's "today" as YYYY-MM-DD (default: today, UTC)
  --cache-dir PATH  where rendered photos are kept (default: a folder in the temp folder)`

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    )

const ArgsSchema = z.object({
  port: wholeNumber('--port', 0, 65535).default(8080),
  seed: wholeNumber('--seed', 0, 0xffffffff).default(1),
  deliveries: wholeNumber('--deliveries', 1, 100_000).default(2000),
  anchor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--anchor must be a date as YYYY-MM-DD')
    .transform((text) => new Date(`${text}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()), '--anchor is not a real date')
    .optional(),
  'cache-dir': z.string().min(1).optional(),
  help: z.boolean().optional(),
})

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        deliveries: { type: 'string' },
        anchor: { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const parsed = ArgsSchema.safeParse(values)
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('\n'))
  const args = parsed.data
  if (args.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  const started = performance.now()
  const service = await startDemoService({
    port: args.port,
    seed: args.seed,
    deliveries: args.deliveries,
    // Standalone, nothing else competes for the CPU: render photos ahead of the first sync.
    warmPhotoCache: true,
    ...(args.anchor ? { anchor: args.anchor } : {}),
    ...(args['cache-dir'] ? { photoCacheDir: args['cache-dir'] } : {}),
  }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code
    if (code === 'EADDRINUSE') fail(`Port ${args.port} is already in use on 127.0.0.1.`)
    throw error
  })
  const world = service.world
  const lines = [
    `Porchlight demo service listening on ${service.url}`,
    `  world: seed ${world.seed}, ${world.size} deliveries, anchor ${world.anchor.toISOString().slice(0, 10)}, ready in ${Math.round(performance.now() - started)} ms`,
    `  photos: ${world.photos.dir}`,
    '  sign in as:',
    ...DEMO_ACCOUNTS.map(
      (account) =>
        `    ${account.username} / ${account.password}  (${account.name}, ${account.role})`,
    ),
    '  Ctrl+C stops it.',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping the demo service\n`)
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Could not stop cleanly: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo service could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
