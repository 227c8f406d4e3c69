// The cold start's worker (issue 17): a fresh process starts the core on the cached million as
// browser mode does (createPorchlight under Node, from the sources, the sync and retention timers
// at their defaults, the session remembered, the service out of reach) and answers one search
// through dispatchCall. Everything is imported after the process started, so the figures count
// loading the code too. `prepare` (a run of its own, untimed) records the remembered session.

export interface ColdStartRunArgs {
  dataDir: string
  query: string
  prepare?: boolean
}

export interface ColdStartRunResult {
  /** Milliseconds since this process started (performance.timeOrigin) at each step. */
  imported: number
  started: number
  answered: number
  results: number
}

// Their values are remembered-session.ts's (not imported here: nothing loads before the clock).
const SERVICE_URL = 'http://127.0.0.1:9'
const TOKEN = 'bench-token'

export async function coldStartRun(args: ColdStartRunArgs): Promise<ColdStartRunResult> {
  if (args.prepare) {
    await rememberSession(args.dataDir)
    return { imported: 0, started: 0, answered: 0, results: 0 }
  }
  const [{ createPorchlight }, { dispatchCall }, { createMemoryTokenStore }] = await Promise.all([
    import('../../electron/core/app/porchlight.ts'),
    import('../../electron/core/api/dispatch.ts'),
    import('../../electron/core/app/memory-token-store.ts'),
  ])
  const imported = performance.now()
  // What the shell's safeStorage would hand back after a restart.
  const tokenStore = createMemoryTokenStore()
  await tokenStore.save(TOKEN)
  const log = { info: () => {}, warn: () => {}, error: () => {} }
  const core = await createPorchlight({
    dataDir: args.dataDir,
    service: { kind: 'remote', url: SERVICE_URL },
    tokenStore,
    tileServer: 'off',
    log,
  })
  const started = performance.now()
  const outcome = await dispatchCall(
    core,
    'searchDeliveries',
    { query: args.query, limit: 50 },
    log,
  )
  const answered = performance.now()
  if (!outcome.ok) throw new Error(`searchDeliveries: ${outcome.error.message}`)
  const results = (outcome.value as unknown[]).length
  await core.close()
  return { imported, started, answered, results }
}

/** The session a sign-in on this cache leaves (remembered-session.ts). */
async function rememberSession(dataDir: string): Promise<void> {
  const { openDatabase } = await import('../../electron/core/db/open-database.ts')
  const { rememberBenchSession } = await import('./remembered-session.ts')
  const db = await openDatabase(dataDir)
  rememberBenchSession(db.sqlite)
  await db.close()
}
