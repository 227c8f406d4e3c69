// The process the push crash test kills:
//   PORCHLIGHT_TEST_TOKEN=<token> node tests/core/cases/push-crash-child.ts <dataDir> <serviceUrl>
// It starts the core as the app does (the signed-in user is in the cache, the token in the token
// store), prints "pushing" and runs one sync, which sends the queued case events first. It prints
// the sync's outbox summary as one JSON line when it finishes. The test SIGKILLs it at random.
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { TokenStore } from '../../../electron/core/common/token-store.ts'
import type { Logger } from '../../../electron/core/common/logger.ts'

const [dataDir, serviceUrl] = process.argv.slice(2)
const token = process.env.PORCHLIGHT_TEST_TOKEN
if (!dataDir || !serviceUrl || !token) {
  process.stderr.write(
    'usage: PORCHLIGHT_TEST_TOKEN=<token> node tests/core/cases/push-crash-child.ts <dataDir> <serviceUrl>\n',
  )
  process.exit(2)
}

const tokenStore: TokenStore = {
  protectedAtRest: false,
  load: async () => token,
  save: async () => undefined,
  clear: async () => undefined,
}
const log: Logger = {
  info: () => undefined,
  warn: (message, detail) => process.stderr.write(`warn: ${message} ${String(detail ?? '')}\n`),
  error: (message, detail) => process.stderr.write(`error: ${message} ${String(detail ?? '')}\n`),
}

const core = await createPorchlight({
  dataDir,
  service: { kind: 'remote', url: serviceUrl },
  tokenStore,
  syncIntervalMs: 0,
  retentionIntervalMs: 0,
  log,
})
process.stdout.write('pushing\n')
const summary = await core.syncOnce()
await core.close()
process.stdout.write(`${JSON.stringify(summary.outbox)}\n`)
