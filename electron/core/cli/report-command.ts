// `porchlight report --from DATE --to DATE --format csv|xlsx|pdf --out FILE [filters]
//   --user U [--password P] [--api URL] [--data-dir D]`
// A supervisor's export from the local cache without a window, for scheduled reports. It acts
// for a user, so it needs that user's credentials each time (the password from --password or
// PORCHLIGHT_PASSWORD), checked with the delivery service the cache was filled from, which says
// the user's role; anyone else is refused. Nothing a sign-in elsewhere left behind (the desktop
// app's, an earlier command's) makes it run as someone.
import { existsSync, statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { z } from 'zod'
import { EXPORT_FORMATS, LOCATION_FLAGS, ReportFilterSchema } from '../api/report-schemas.ts'
import { createExportLog } from '../audit/export-log.ts'
import { readCacheOwner } from '../cache-identity/cache-owner.ts'
import { chooseCache, OtherServiceCacheError } from '../cache-identity/choose-cache.ts'
import type { User } from '../contract/schemas.ts'
import { createKnownUsers } from '../db/known-users.ts'
import { reportPersonNames } from '../reports/report-people.ts'
import type { LocalDatabase } from '../db/open-database.ts'
import { runExport } from '../reports/run-export.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { ServiceError, createServiceClient } from '../service/service-client.ts'
import { requireCache } from './data-folder.ts'
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
  if (f.user === undefined)
    throw new UsageError(
      "--user: is required: a report is a supervisor's, so give --user and --password (or set PORCHLIGHT_PASSWORD)",
    )
  if (!f.password)
    throw new UsageError('--password: is required with --user (or set PORCHLIGHT_PASSWORD)')
  const out = resolve(f.out)
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new CommandFailed(`The folder ${dirname(out)} does not exist.`)
  requireCache(dataDir)

  const { api, cacheDir } = await serviceOfCache(dataDir, f.api)
  const local = await openCache(cacheDir)
  try {
    const user = await signIn(local, f.user, f.password, api)
    if (user.role !== 'supervisor') {
      throw new CommandFailed(
        `Reports are for supervisors; ${user.name} (${user.id}) signs in as ${user.role === 'agent' ? 'an agent' : user.role}.`,
      )
    }
    const userName = reportPersonNames(local.sqlite)
    const log = createExportLog(local.sqlite)
    const started = performance.now()
    let rows = 0
    try {
      const result = await runExport(
        {
          format: f.format,
          filters: filters.data,
          dbFile: local.file,
          dataDir: cacheDir,
          destination: out,
          thresholdM: createSettingsStore(local.sqlite).get().locationThresholdM,
          generatedBy: { id: user.id, name: user.name },
          userName,
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

/**
 * The service to check the sign-in with, and the cache of the data folder filled from it: --api
 * (or PORCHLIGHT_SERVICE_URL) picks the cache of that service, and is refused when the folder
 * holds only another's; without it, the service the folder's cache was filled from.
 */
async function serviceOfCache(
  dataDir: string,
  asked: string | undefined,
): Promise<{ api: string; cacheDir: string }> {
  let api = asked
  if (api === undefined) {
    const local = await openCache(dataDir)
    try {
      api = readCacheOwner(local.sqlite)?.url
    } finally {
      await local.close()
    }
    if (api === undefined)
      throw new UsageError(
        '--api: is required: the cache does not say which delivery service it was filled from (or set PORCHLIGHT_SERVICE_URL)',
      )
  }
  const service = api
  try {
    const chosen = await chooseCache({
      dataDir,
      url: service,
      probe: () => createServiceClient({ baseUrl: service, getToken: () => null }).describe(),
    })
    return { api: service, cacheDir: chosen.dir }
  } catch (error) {
    if (error instanceof OtherServiceCacheError)
      throw new CommandFailed(
        `${error.message} A user of ${error.asked.url} cannot report on it: give --api ${error.cachedFrom.url}, or leave --api out.`,
      )
    throw error
  }
}

/** Checks the user name and password with the delivery service, which says the user's role. */
async function signIn(
  local: LocalDatabase,
  username: string,
  password: string,
  api: string,
): Promise<User> {
  const client = createServiceClient({ baseUrl: api, getToken: () => null })
  try {
    const login = await client.login(username, password)
    createKnownUsers(local.sqlite).remember(login.user)
    return login.user
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'unauthorized')
      throw new CommandFailed('The user name or password is not right.')
    if (error instanceof ServiceError)
      throw new CommandFailed(`The sign-in could not be checked: ${error.message}`)
    throw error
  }
}
