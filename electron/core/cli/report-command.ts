// `porchlight report --from DATE --to DATE --format csv|xlsx|pdf --out FILE [filters]
//   [--user U --password P --api URL | the saved sign-in] [--data-dir D]`
// A supervisor's export from the local cache without a window, for scheduled reports. Refused
// unless the user is a supervisor: either signed in here against the delivery service, or the
// user the desktop app is signed in as (see `savedSignIn`).
import { existsSync, statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { z } from 'zod'
import { EXPORT_FORMATS, LOCATION_FLAGS, ReportFilterSchema } from '../api/report-schemas.ts'
import { createExportLog } from '../audit/export-log.ts'
import { UserSchema, type User } from '../contract/schemas.ts'
import type { LocalDatabase } from '../db/open-database.ts'
import { runExport } from '../reports/run-export.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { ServiceError, createServiceClient } from '../sync/service-client.ts'
import { CommandFailed, flagError, UsageError } from './usage.ts'
import { openCache } from './open-cache.ts'

const FlagsSchema = z.object({
  from: z.iso.date('must be a date like 2025-06-01'),
  to: z.iso.date('must be a date like 2025-06-30'),
  format: z.enum(EXPORT_FORMATS, { error: 'must be csv, xlsx or pdf' }),
  out: z.string().min(1, 'is required: the file to write'),
  tz: z.string().default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  city: z.string().optional(),
  region: z.string().optional(),
  reason: z.string().optional(),
  resolution: z.string().optional(),
  driver: z.string().optional(),
  agent: z.string().optional(),
  'location-flag': z.enum(LOCATION_FLAGS).default('any'),
  user: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  api: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL of the delivery service' })
    .optional(),
  json: z.boolean().default(false),
})

export async function reportCommand(
  flags: Record<string, unknown>,
  dataDir: string,
  print: (line: string) => void,
): Promise<void> {
  const parsed = FlagsSchema.safeParse({
    ...flags,
    password: flags.password ?? (process.env.PORCHLIGHT_PASSWORD || undefined),
    api: flags.api ?? (process.env.PORCHLIGHT_SERVICE_URL || undefined),
  })
  if (!parsed.success) throw flagError(parsed.error.issues)
  const f = parsed.data
  const filters = ReportFilterSchema.safeParse({
    from: f.from,
    to: f.to,
    timeZone: f.tz,
    city: f.city,
    region: f.region,
    reason: f.reason,
    resolution: f.resolution,
    driverId: f.driver,
    agentId: f.agent,
    locationFlag: f['location-flag'],
  })
  if (!filters.success) {
    const issue = filters.error.issues[0]
    const flag =
      { timeZone: 'tz', driverId: 'driver', agentId: 'agent', locationFlag: 'location-flag' }[
        String(issue?.path[0])
      ] ?? String(issue?.path[0] ?? '')
    throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid'}`)
  }
  const out = resolve(f.out)
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new CommandFailed(`The folder ${dirname(out)} does not exist.`)
  if (!existsSync(dataDir)) throw new CommandFailed(`There is no Porchlight data in ${dataDir}.`)

  const local = await openCache(dataDir)
  try {
    const user =
      f.user !== undefined
        ? await signIn(local, f.user, f.password, f.api)
        : savedSignIn(local, dataDir)
    if (user.role !== 'supervisor') {
      throw new CommandFailed(
        `Reports are for supervisors; ${user.name} (${user.id}) signs in as ${user.role === 'agent' ? 'an agent' : user.role}.`,
      )
    }
    const knownUser = local.sqlite.prepare<[string], { name: string }>(
      'SELECT name FROM known_users WHERE id = ?',
    )
    const log = createExportLog(local.sqlite)
    const started = performance.now()
    let rows = 0
    try {
      const result = await runExport(
        {
          format: f.format,
          filters: filters.data,
          dbFile: local.file,
          dataDir,
          destination: out,
          thresholdM: createSettingsStore(local.sqlite).get().locationThresholdM,
          generatedBy: { id: user.id, name: user.name },
          userName: (id) => (id ? (knownUser.get(id)?.name ?? null) : null),
          beforeRename: (written) => {
            log.record({
              user,
              format: f.format,
              filters: filters.data,
              rows: written,
              outcome: 'done',
              fileName: basename(out),
              via: 'command line',
            })
          },
        },
        (progress) => {
          rows = progress.done
        },
        new AbortController().signal,
      )
      rows = result.rows
    } catch (error) {
      log.record({
        user,
        format: f.format,
        filters: filters.data,
        rows,
        outcome: 'failed',
        fileName: basename(out),
        via: 'command line',
      })
      throw new CommandFailed(
        `The report could not be written to ${out}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    const seconds = (performance.now() - started) / 1000
    if (f.json) {
      print(
        JSON.stringify({
          file: out,
          format: f.format,
          rows,
          seconds: Math.round(seconds * 10) / 10,
          user: user.id,
        }),
      )
    } else {
      print(
        `Wrote ${rows.toLocaleString('en-US')} case${rows === 1 ? '' : 's'} (${f.from} to ${f.to}, ${f.tz}) to ${out} in ${seconds.toFixed(1)} s, as ${user.name}.`,
      )
    }
  } finally {
    await local.close()
  }
}

/** Checks the user name and password with the delivery service, which says the user's role. */
async function signIn(
  local: LocalDatabase,
  username: string,
  password: string | undefined,
  api: string | undefined,
): Promise<User> {
  if (!password)
    throw new UsageError('--password: is required with --user (or set PORCHLIGHT_PASSWORD)')
  if (!api)
    throw new UsageError(
      '--api: is required with --user, to check the sign-in (or set PORCHLIGHT_SERVICE_URL)',
    )
  const client = createServiceClient({ baseUrl: api, getToken: () => null })
  try {
    const login = await client.login(username, password)
    local.sqlite
      .prepare(
        'INSERT INTO known_users (id, name, role) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role',
      )
      .run(login.user.id, login.user.name, login.user.role)
    return login.user
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'unauthorized')
      throw new CommandFailed('The user name or password is not right.')
    if (error instanceof ServiceError)
      throw new CommandFailed(`The sign-in could not be checked: ${error.message}`)
    throw error
  }
}

/**
 * The user the desktop app is signed in as, as the delivery service described them at sign-in
 * (kept in the cache; signing out in the app removes it). The app's token is sealed with the
 * operating system's keystore, which a command line cannot open, so the command does not act on
 * the service with it: it only reads the local cache, which whoever can run it here can read
 * anyway. This is a check that the export is a supervisor's, not a lock against the machine's
 * own user.
 */
function savedSignIn(local: LocalDatabase, dataDir: string): User {
  const row = local.sqlite
    .prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?')
    .get('session.user')
  let parsed: ReturnType<typeof UserSchema.safeParse> | null
  try {
    parsed = row ? UserSchema.safeParse(JSON.parse(row.value)) : null
  } catch {
    parsed = null
  }
  if (!parsed?.success)
    throw new CommandFailed(
      `No one is signed in to Porchlight in ${dataDir}. Sign in to the app as a supervisor, or give --user, --password and --api.`,
    )
  return parsed.data
}
