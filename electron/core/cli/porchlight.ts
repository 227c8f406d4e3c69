#!/usr/bin/env node
// `porchlight` — the console's core without a window, for IT staff and supervisors:
// `npm run porchlight -- <command>` from the repository.
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../app/default-data-dir.ts'
import type { Logger } from '../common/logger.ts'
import { CacheDamagedError } from '../app/cache-guard.ts'
import { CacheRecoveryError, isCacheCorruption } from '../db/recovery/cache-damage.ts'
import { auditCommand } from './audit-command.ts'
import type { DataFolder } from './data-folder.ts'
import { damagedCache } from './open-cache.ts'
import { searchCommand } from './search-command.ts'
import { showCommand } from './show-command.ts'
import { syncCommand } from './sync-command.ts'
import { CommandFailed, USAGE, UsageError } from './usage.ts'

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  const dataDir = dataDirOf(rest)
  try {
    await run(command, rest)
  } catch (error) {
    // A damaged page met while the command ran (the start's check reads all of a small cache,
    // only the irreplaceable tables of a large one): said in words, recovered at the next start.
    if (error instanceof CommandFailed || error instanceof UsageError) throw error
    if (error instanceof CacheRecoveryError) throw new CommandFailed(error.message)
    if (error instanceof CacheDamagedError) throw damagedCache(null, error.detail)
    if (dataDir && isCacheCorruption(error)) throw damagedCache(dataDir, error)
    throw error
  }
}

/** The data dir the command will use, when its flags parse (run() reports them otherwise). */
function dataDirOf(rest: string[]): string | null {
  try {
    const { values } = parse(rest)
    return typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir()
  } catch {
    return null
  }
}

async function run(command: string | undefined, rest: string[]): Promise<void> {
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE)
    return
  }
  const { values, positionals } = parse(rest)
  const folder: DataFolder =
    typeof values['data-dir'] === 'string'
      ? { path: values['data-dir'], explicit: true }
      : { path: defaultDataDir(), explicit: Boolean(process.env.PORCHLIGHT_DATA_DIR) }
  const dataDir = folder.path
  const print = (line: string) => console.log(line)
  // Progress and warnings go to stderr so that --json output stays one clean object.
  const log: Logger = {
    info: () => undefined,
    warn: (m) => console.error(`warning: ${m}`),
    error: () => undefined,
  }
  switch (command) {
    case 'sync':
      if (positionals.length > 0)
        throw new UsageError(`sync takes no arguments (got “${positionals[0]}”)`)
      return syncCommand(values, folder, print, log)
    case 'search':
      return searchCommand({ ...values, query: positionals.join(' ') }, dataDir, print)
    case 'show':
      if (positionals.length !== 1)
        throw new UsageError('show takes one delivery id, order id or tracking number')
      return showCommand({ ...values, id: positionals[0] }, dataDir, print)
    case 'report':
      if (positionals.length > 0)
        throw new UsageError(`report takes no arguments (got “${positionals[0]}”)`)
      // Loaded only here: the export writers (exceljs, pdfkit) are large.
      return (await import('./report-command.ts')).reportCommand(values, dataDir, print)
    case 'audit':
      if (positionals.length > 1) throw new UsageError('audit takes one action: audit verify')
      return auditCommand({ ...values, action: positionals[0] }, dataDir, print)
    default:
      throw new UsageError(`unknown command “${command}”`)
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        api: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        'data-dir': { type: 'string' },
        'new-cache': { type: 'boolean' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        tz: { type: 'string' },
        city: { type: 'string' },
        region: { type: 'string' },
        reason: { type: 'string' },
        resolution: { type: 'string' },
        driver: { type: 'string' },
        agent: { type: 'string' },
        'location-flag': { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`porchlight: ${error.message}\n\n${USAGE}`)
      process.exit(2)
    }
    if (error instanceof CommandFailed) {
      console.error(`porchlight: ${error.message}`)
      process.exit(1)
    }
    console.error(
      `porchlight: unexpected error: ${error instanceof Error ? error.stack : String(error)}`,
    )
    process.exit(1)
  },
)
