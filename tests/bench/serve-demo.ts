// The demo delivery service in a process of its own, for the benchmarks that sync from it:
//   node tests/bench/serve-demo.ts '{"seed":8,"deliveries":200000,"anchor":"…","renderPhotos":false}'
// Prints one JSON line (ServedDemo) once it listens; exits when its stdin closes.
import { startDemoService } from '../../electron/core/demo-service/index.ts'

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
  const info: ServedDemo = {
    url: service.url,
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

main().catch((error: unknown) => {
  console.error('serve-demo:', error)
  process.exit(1)
})
