// `porchlight sync --api URL --user U --password P [--new-cache] [--data-dir D] [--json]`: signs in
// and runs one full sync into the cache of that service in the data folder. The sign-in lasts as
// long as the command: nothing is left behind for a later command to run as that user. A folder
// filled from another service is refused, naming both, unless --new-cache starts a separate cache
// for this one beside it (cache-identity/choose-cache.ts).
import { z } from 'zod'
import { createMemoryTokenStore } from '../app/memory-token-store.ts'
import { createPorchlight } from '../app/porchlight.ts'
import type { PorchlightCore } from '../app/types.ts'
import type { Logger } from '../common/logger.ts'
import { UserFacingError } from '../common/errors.ts'
import { OtherServiceCacheError } from '../cache-identity/choose-cache.ts'
import { prepareSyncFolder, type DataFolder } from './data-folder.ts'
import { recoveredCache } from './open-cache.ts'
import { CommandFailed, flagError } from './usage.ts'

const FlagsSchema = z.object({
  api: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the delivery service' }),
  user: z.string().min(1, 'is required'),
  password: z.string().min(1, 'is required (or set PORCHLIGHT_PASSWORD)'),
  'new-cache': z.boolean().default(false),
  json: z.boolean().default(false),
})

export async function syncCommand(
  flags: Record<string, unknown>,
  folder: DataFolder,
  print: (line: string) => void,
  log: Logger,
): Promise<void> {
  const parsed = FlagsSchema.safeParse({
    ...flags,
    password: flags.password ?? process.env.PORCHLIGHT_PASSWORD,
  })
  if (!parsed.success) throw flagError(parsed.error.issues)
  const { api, user, password, json } = parsed.data
  const { created } = prepareSyncFolder(folder)
  let core: PorchlightCore
  try {
    core = await createPorchlight({
      dataDir: folder.path,
      service: { kind: 'remote', url: api },
      tokenStore: createMemoryTokenStore(),
      otherService: parsed.data['new-cache'] ? 'separate' : 'refuse',
      rememberSignIn: false,
      syncIntervalMs: 0,
      // A one-off sync fetches everything; the app's retention removes what has expired at start.
      retentionIntervalMs: 0,
      log,
    })
  } catch (error) {
    if (!(error instanceof OtherServiceCacheError)) throw error
    throw new CommandFailed(
      `${error.message}\nNothing was synced. To sync from ${error.asked.url} all the same, start a ` +
        `separate cache for it with --new-cache (the cache filled from ${error.cachedFrom.url} ` +
        'stays as it is), or give another --data-dir.',
    )
  }
  const dataDir = core.cache.dir
  if (!json) {
    if (created) print(`Started a new Porchlight cache in ${folder.path}.`)
    if (core.cache.note) print(core.cache.note)
  }
  try {
    if (core.cacheRecovery) throw recoveredCache(core.cacheRecovery)
    try {
      await core.handlers.signIn({ username: user, password })
    } catch (error) {
      throw new CommandFailed(error instanceof UserFacingError ? error.message : String(error))
    }
    let summary
    try {
      summary = await core.syncOnce()
    } catch (error) {
      const status = await core.handlers.getSyncStatus(undefined)
      throw new CommandFailed(`The sync could not complete: ${status.lastError ?? String(error)}`)
    }
    if (json) {
      print(
        JSON.stringify({
          deliveries: {
            received: summary.deliveries.received,
            stored: summary.deliveries.stored,
            rejected: summary.deliveries.rejected,
          },
          photos: {
            downloaded: summary.photos.downloaded,
            failed: summary.photos.failed + summary.photos.undisplayable,
            withheld: summary.photos.withheld,
          },
          cases: { received: summary.cases.received },
          outbox: summary.outbox,
          rejectedItems: summary.rejectedItems.map(({ id, reason }) => ({ id, reason })),
          durationMs: summary.durationMs,
          cache: dataDir,
          ...(core.cache.note ? { note: core.cache.note } : {}),
        }),
      )
      return
    }
    print(`Synced from ${api} in ${(summary.durationMs / 1000).toFixed(1)} s into ${dataDir}`)
    print(
      `  deliveries: ${summary.deliveries.received} received, ${summary.deliveries.stored} stored, ${summary.deliveries.deleted} removed, ${summary.deliveries.rejected} rejected`,
    )
    print(
      `  photos:     ${summary.photos.downloaded} downloaded, ${summary.photos.failed + summary.photos.undisplayable} failed, ${summary.photos.withheld} deliveries withheld`,
    )
    print(`  cases:      ${summary.cases.received} received`)
    print(`  outbox:     ${summary.outbox.pushed} pushed, ${summary.outbox.conflicts} conflicts`)
    for (const item of summary.rejectedItems)
      print(`  rejected ${item.id ?? '(no id)'}: ${item.reason}`)
  } finally {
    await core.close()
  }
}
