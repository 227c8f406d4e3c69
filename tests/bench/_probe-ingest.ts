import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoChild } from './processes.ts'
import { createServiceClient } from '../../electron/core/sync/service-client.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { pullStream } from '../../electron/core/sync/pull-stream.ts'
import { startPageWriter } from '../../electron/core/sync/page-writer.ts'
const N = Number(process.argv[2] ?? 20000)
const demo = await startDemoChild({
  seed: 8,
  deliveries: N,
  anchor: new Date(Date.UTC(2026, 11, 1)).toISOString(),
  photoCacheDir: '/tmp/probe-photos',
  renderPhotos: false,
} as never)
let token: string | null = null
const client = createServiceClient({ baseUrl: demo.url, getToken: () => token })
token = (await client.login('agent', 'demo-agent')).token
const dir = mkdtempSync(join(tmpdir(), 'probe-'))
const local = await openDatabase(dir)
const writer = startPageWriter({ databaseFile: local.file })
const t = performance.now()
const c0 = process.cpuUsage()
const r = await pullStream({
  stream: 'deliveries',
  writer,
  sqlite: local.sqlite,
  client,
  dataDir: dir,
  runId: null,
})
await writer.close()
const s = (performance.now() - t) / 1000
const c = process.cpuUsage(c0)
console.log(
  `${r.stored} in ${s.toFixed(2)} s = ${Math.round(r.stored / s)} rec/s; process cpu ${((c.user + c.system) / r.stored).toFixed(1)} µs/rec`,
)
await demo.stop()
