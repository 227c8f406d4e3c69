// Measures the demo service the way the app uses it: start, sign in, pull every delivery page
// over HTTP on a cold photo cache, then again on a warm one (a second service, same world).
// `npm run bench:demo-service -- [--deliveries N] [--limit N]`
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startDemoService } from '../../electron/core/demo-service/index.ts'

const { values } = parseArgs({
  options: { deliveries: { type: 'string' }, limit: { type: 'string' } },
})
const deliveries = Number(values.deliveries ?? 2000)
const limit = Number(values.limit ?? 500)
const anchor = new Date(Date.UTC(2025, 5, 1))
const cacheDir = await mkdtemp(join(tmpdir(), 'porchlight-demo-bench-'))

async function run(label: string): Promise<void> {
  const started = performance.now()
  const service = await startDemoService({ deliveries, anchor, photoCacheDir: cacheDir })
  const ready = performance.now() - started
  const login = await fetch(`${service.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'demo-agent' }),
  })
  const { token } = (await login.json()) as { token: string }
  const pullStarted = performance.now()
  let cursor: string | undefined
  let items = 0
  let pages = 0
  const pageTimes: number[] = []
  for (;;) {
    const pageStarted = performance.now()
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })
    const response = await fetch(`${service.url}/v1/sync/deliveries?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const page = (await response.json()) as {
      items: unknown[]
      nextCursor: string
      hasMore: boolean
    }
    pageTimes.push(performance.now() - pageStarted)
    items += page.items.length
    pages += 1
    cursor = page.nextCursor
    if (!page.hasMore) break
  }
  const pull = performance.now() - pullStarted
  const stats = service.world.photoStats()
  await service.close()
  const rate = stats.rendered > 0 ? (stats.rendered / stats.renderWallMs) * 1000 : 0
  console.log(
    `${label}: ready ${ready.toFixed(0)} ms; pulled ${items} deliveries in ${pages} pages in ${pull.toFixed(0)} ms ` +
      `(pages ${pageTimes.map((t) => t.toFixed(0)).join('/')} ms); rendered ${stats.rendered} photos` +
      (rate ? ` at ${rate.toFixed(0)} photos/s` : '') +
      `, read ${stats.readFromDisk} from disk`,
  )
}

try {
  await run('cold cache')
  await run('warm cache')
  const files = (await readdir(cacheDir)).filter((name) => name.endsWith('.jpg'))
  const sizes = await Promise.all(
    files.map(async (name) => (await stat(join(cacheDir, name))).size),
  )
  sizes.sort((a, b) => a - b)
  const total = sizes.reduce((sum, size) => sum + size, 0)
  console.log(
    `photos: ${files.length}, median ${(sizes[Math.floor(sizes.length / 2)] ?? 0) / 1000} kB, ` +
      `range ${(sizes[0] ?? 0) / 1000}-${(sizes[sizes.length - 1] ?? 0) / 1000} kB, total ${(total / 1e6).toFixed(1)} MB`,
  )
} finally {
  await rm(cacheDir, { recursive: true, force: true })
}
