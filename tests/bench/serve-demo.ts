// The demo delivery service in a process of its own, for the benchmarks that sync from it:
//   node tests/bench/serve-demo.ts '{"seed":8,"deliveries":200000,"anchor":"…","renderPhotos":false}'
// Prints one JSON line (ServedDemo) once it listens; exits when its stdin closes.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startDemoService, type DemoWorld } from '../../electron/core/demo-service/index.ts'
import { applyChanges, type ChangeSpec } from './world-changes.ts'

export interface ServeDemoOptions {
  seed: number
  deliveries: number
  /** ISO date. */
  anchor: string
  photoCacheDir: string
  renderPhotos: boolean
  /** Render (or read back from photoCacheDir) every photo before answering. */
  warmAllPhotos?: boolean
}

export interface ServedDemo {
  url: string
  /** POST a ChangeSpec as JSON here to change the world (the change sync bench). */
  controlUrl: string
  deliveries: number
  photos: number
  /** Photos drawn for this start, and found already drawn in photoCacheDir. */
  rendered: number
  readFromDisk: number
  readySeconds: number
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ServeDemoOptions
  const started = performance.now()
  const service = await startDemoService({
    seed: options.seed,
    deliveries: options.deliveries,
    anchor: new Date(options.anchor),
    photoCacheDir: options.photoCacheDir,
    renderPhotos: options.renderPhotos,
  })
  // Every record as served, which makes the service draw (or read back) each photo first.
  if (options.warmAllPhotos) await service.world.deliveries()
  let photos = 0
  for (const draft of service.world.deliveryDrafts()) {
    if (draft.deleted !== true) photos += draft.photos.length
  }
  const stats = service.world.photoStats()
  const controlUrl = await startControl(service.world)
  const info: ServedDemo = {
    url: service.url,
    controlUrl,
    deliveries: service.world.size,
    photos,
    rendered: stats.rendered,
    readFromDisk: stats.readFromDisk,
    readySeconds: (performance.now() - started) / 1000,
  }
  process.stdout.write(`${JSON.stringify(info)}\n`)
  process.stdin.resume()
  process.stdin.on('end', () => void service.close().then(() => process.exit(0)))
}

/** The bench's own door into the world, on loopback beside the service (never part of it). */
async function startControl(world: DemoWorld): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      try {
        if (request.method !== 'POST') throw new Error('POST a change spec')
        const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChangeSpec
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(applyChanges(world, spec)))
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' })
        response.end(error instanceof Error ? error.message : String(error))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/changes`
}

main().catch((error: unknown) => {
  console.error('serve-demo:', error)
  process.exit(1)
})
