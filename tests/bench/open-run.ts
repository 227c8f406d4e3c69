// The open-delivery benchmark's worker: the getDelivery call as the UI makes it (argument and
// result checked by dispatchCall, the handler wired by createPorchlight with casesOf and
// repeatClaimsOf), on a copy of the cached million, against the same reads as bare statements.
//
// createPorchlight needs no service to answer this: the session is restored from the cache and
// a token store, as after a restart, and the sync and retention timers are off, so the service
// address (where nothing listens) is never called. The copy is recorded as that address's cache,
// as a cache the app filled from it would be (cache-identity/).
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { dispatchCall } from '../../electron/core/api/dispatch.ts'
import type { CallName } from '../../electron/core/api/definition.ts'
import { createMemoryTokenStore } from '../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../electron/core/app/porchlight.ts'
import type { Logger } from '../../electron/core/common/logger.ts'
import { repeatClaimCounts } from '../../electron/core/cases/case-tables.ts'
import { REPEAT_WINDOW_DAYS } from '../../electron/core/cases/repeat-claims.ts'
import { seededRandom, shuffled, summarize, type Summary } from './measure.ts'
import { rowPicker } from './queries.ts'
import { BENCH_SERVICE_URL, BENCH_TOKEN, rememberBenchSession } from './remembered-session.ts'

export interface OpenRunArgs {
  dataDir: string
  seed: number
  deliveries: number
  rounds: number
}

export interface OpenRunResult {
  handler: Summary
  bare: Summary
  /** The bare reads one by one (medians and maxima), to see where the time goes. */
  bareParts: Record<string, Summary>
  /** How many of the sampled deliveries have a case, photos. */
  sampled: { deliveries: number; withCases: number; withPhotos: number }
  /** Calls the UI polls every few seconds on every screen, timed for the diagnosis. */
  polled: Record<string, Summary>
}

const WARM_UP = 20

export async function openRun(args: OpenRunArgs): Promise<OpenRunResult> {
  const bareDb = await openDatabase(args.dataDir)
  const sqlite = bareDb.sqlite
  const serviceUrl = BENCH_SERVICE_URL
  rememberBenchSession(sqlite)
  const tokenStore = createMemoryTokenStore()
  await tokenStore.save(BENCH_TOKEN)
  const errors: unknown[] = []
  const log: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, detail) => errors.push({ message, detail }),
  }
  const core = await createPorchlight({
    dataDir: args.dataDir,
    service: { kind: 'remote', url: serviceUrl },
    tokenStore,
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    tileServer: 'off',
    log,
  })
  const call = async (name: CallName, arg: unknown) => {
    const outcome = await dispatchCall(core, name, arg, log)
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`)
    return outcome.value
  }

  // A quarter of the sample are deliveries with a case (the rest rarely have one), drawn seeded.
  const random = seededRandom(args.seed + 2)
  const caseIds = sqlite
    .prepare<[], { delivery_id: string }>('SELECT DISTINCT delivery_id FROM cases ORDER BY 1')
    .all()
    .map((row) => row.delivery_id)
  const pickId = rowPicker<{ id: string }>(sqlite, 'id', random)
  const ids = new Set(shuffled(caseIds, random).slice(0, Math.floor(args.deliveries / 4)))
  while (ids.size < args.deliveries) ids.add(pickId().id)
  const sample = [...ids]

  // The same reads as bare statements: the row, its photos, its cases, the repeat-claim counts
  // (their SQL is the module's own, cases/case-tables.ts's repeatClaimCounts, run bare here).
  const delivery = sqlite.prepare<[string], Record<string, unknown>>(
    'SELECT * FROM deliveries WHERE id = ?',
  )
  const photos = sqlite.prepare<[string], Record<string, unknown>>(
    'SELECT * FROM delivery_photos WHERE delivery_id = ? ORDER BY position',
  )
  const cases = sqlite.prepare<[string], Record<string, unknown>>(
    'SELECT * FROM cases WHERE delivery_id = ?',
  )
  const repeatCounts = repeatClaimCounts.on(sqlite)
  const facts = sqlite.prepare<
    [string],
    { customer_id: string; address_key: string; driver_id: string }
  >(
    `SELECT customer_id, postal_code || '|' || lower(address_line1) AS address_key, driver_id
     FROM deliveries WHERE id = ?`,
  )
  const parts = new Map<string, number[]>()
  const part = <T>(name: string, read: () => T): T => {
    const started = performance.now()
    const value = read()
    const list = parts.get(name) ?? []
    list.push(performance.now() - started)
    parts.set(name, list)
    return value
  }
  const bareOpen = (id: string) => {
    const row = part('delivery row', () => delivery.get(id))
    const list = part('photos', () => (row?.photo_withheld === null ? photos.all(id) : []))
    const since = new Date(Date.now() - REPEAT_WINDOW_DAYS * 86_400_000).toISOString()
    const f = part('repeat facts', () => facts.get(id)!)
    const counts = part('repeat counts', () =>
      repeatCounts.get({
        since,
        deliveryId: id,
        customer: f.customer_id,
        address: f.address_key,
        driver: f.driver_id,
      }),
    )
    return [row, list, part('cases', () => cases.all(id)), counts]
  }
  const handlerOpen = async (id: string) => {
    if ((await call('getDelivery', { id })) === null) throw new Error(`no delivery ${id}`)
  }

  for (const id of sample.slice(0, WARM_UP)) {
    await handlerOpen(id)
    bareOpen(id)
  }
  parts.clear()
  const handlerMs: number[] = []
  const bareMs: number[] = []
  for (let round = 0; round < args.rounds; round++) {
    for (const [index, id] of shuffled(sample, random).entries()) {
      const timeBare = () => {
        const started = performance.now()
        bareOpen(id)
        bareMs.push(performance.now() - started)
      }
      // Alternate which goes first, so neither always finds the pages the other just read.
      const bareFirst = (index + round) % 2 === 0
      if (bareFirst) timeBare()
      const started = performance.now()
      await handlerOpen(id)
      handlerMs.push(performance.now() - started)
      if (!bareFirst) timeBare()
    }
  }

  const polled: Record<string, Summary> = {}
  for (const [name, arg] of [
    ['getSyncStatus', undefined],
    ['getCaseCounts', undefined],
    ['listCases', { sort: 'newest', limit: 50 }],
  ] as const) {
    const times: number[] = []
    for (let n = 0; n < 10; n++) {
      const started = performance.now()
      await call(name, arg)
      times.push(performance.now() - started)
    }
    polled[name] = summarize(times)
  }

  const withPhotos = sample.filter((id) => photos.all(id).length > 0).length
  await core.close()
  await bareDb.close()
  if (errors.length > 0) throw new Error(`the core logged errors: ${JSON.stringify(errors[0])}`)
  return {
    handler: summarize(handlerMs),
    bare: summarize(bareMs),
    bareParts: Object.fromEntries([...parts].map(([name, times]) => [name, summarize(times)])),
    sampled: {
      deliveries: sample.length,
      withCases: sample.filter((id) => caseIds.includes(id)).length,
      withPhotos,
    },
    polled,
  }
}
