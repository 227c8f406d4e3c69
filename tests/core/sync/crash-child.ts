// The process the crash test kills: `node tests/core/sync/crash-child.ts <dataDir> <serviceUrl>`.
// It does what the app does on a sync (open the cache, sign in, run the engine once) and prints
// the run's summary as one JSON line when it finishes. The test SIGKILLs it at random moments.
import type { Logger } from '../../../electron/core/common/logger.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { createServiceClient } from '../../../electron/core/service/service-client.ts'
import { SyncEngine } from '../../../electron/core/sync/sync-engine.ts'
import { TEST_ACCOUNT } from '../../support/fault-server.ts'

const [dataDir, serviceUrl] = process.argv.slice(2)
if (!dataDir || !serviceUrl) {
  process.stderr.write('usage: node tests/core/sync/crash-child.ts <dataDir> <serviceUrl>\n')
  process.exit(2)
}

const log: Logger = {
  info: () => undefined,
  warn: (message, detail) => process.stderr.write(`warn: ${message} ${String(detail ?? '')}\n`),
  error: (message, detail) => process.stderr.write(`error: ${message} ${String(detail ?? '')}\n`),
}

const local = await openDatabase(dataDir)
let token: string | null = null
const client = createServiceClient({ baseUrl: serviceUrl, getToken: () => token })
const signIn = async () => {
  token = (await client.login(TEST_ACCOUNT.username, TEST_ACCOUNT.password)).token
}
await signIn()
const engine = new SyncEngine({
  sqlite: local.sqlite,
  dataDir,
  client,
  log,
  pageSize: Number(process.env.CRASH_CHILD_PAGE_SIZE ?? 100),
  photoConcurrency: 4,
  reauthenticate: async () => {
    await signIn()
    return true
  },
  onUnauthorized: () => {
    token = null
  },
})
const summary = await engine.run()
await local.close()
process.stdout.write(`${JSON.stringify(summary)}\n`)
