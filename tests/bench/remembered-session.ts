// A cache as a sign-in leaves it for the next start: the demo agent recorded, the hash of the
// token the shell's store hands back, and the owner of the cache (the service the bench names,
// never reached). The open-delivery and cold-start runs start the core on it as after a restart.
import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { recordCacheOwner } from '../../electron/core/cache-identity/cache-owner.ts'
import { DEMO_ACCOUNTS } from '../../electron/core/demo-service/index.ts'

export const BENCH_SERVICE_URL = 'http://127.0.0.1:9'
export const BENCH_TOKEN = 'bench-token'

export function rememberBenchSession(sqlite: BetterSqlite3.Database): void {
  const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!
  const state = sqlite.prepare(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  state.run(
    'session.user',
    JSON.stringify({ id: agent.userId, name: agent.name, role: agent.role }),
  )
  state.run('session.token-sha256', createHash('sha256').update(BENCH_TOKEN).digest('hex'))
  recordCacheOwner(sqlite, BENCH_SERVICE_URL)
}
