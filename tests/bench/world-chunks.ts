// Generates the search cache's demo worlds on a worker thread, one world ahead of the thread
// that stores them: generating takes about as long as storing, and the machine has two cores.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import type {
  CaseItem,
  DeliveryItem,
  DeliveryRecord,
} from '../../electron/core/contract/schemas.ts'
import { DemoWorld } from '../../electron/core/demo-service/index.ts'

export interface PhotoFacts {
  sha256: string
  bytes: number
}

export interface ChunkPlan {
  worlds: Array<{ seed: number; deliveries: number }>
  anchor: string
  /** Never written to: these worlds render nothing. */
  photoCacheDir: string
  /** The real photo files every photo row points at (see fill-cache.ts). */
  shared: PhotoFacts[]
}

export interface WorldChunk {
  seed: number
  items: DeliveryItem[]
  cases: CaseItem[]
  generatedSeconds: number
}

const ROLE = 'porchlight-bench-world-chunks'

/** Yields the worlds in order; the next one is generated while the caller stores this one. */
export async function* worldChunks(plan: ChunkPlan): AsyncGenerator<WorldChunk> {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: ROLE, plan },
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  })
  const ready: WorldChunk[] = []
  let failure: unknown = null
  let wake: (() => void) | null = null
  worker.on('message', (chunk: WorldChunk) => {
    ready.push(chunk)
    wake?.()
  })
  worker.on('error', (error) => {
    failure = error
    wake?.()
  })
  try {
    for (let k = 0; k < plan.worlds.length; k++) {
      worker.postMessage('next')
      while (ready.length === 0 && failure === null) {
        await new Promise<void>((resolve) => (wake = resolve))
      }
      if (failure !== null) throw failure
      yield ready.shift()!
    }
  } finally {
    await worker.terminate()
  }
}

async function generateOnThisThread(plan: ChunkPlan): Promise<void> {
  const port = parentPort!
  let asked = 0
  let wake: (() => void) | null = null
  port.on('message', () => {
    asked++
    wake?.()
  })
  for (const [k, { seed, deliveries }] of plan.worlds.entries()) {
    const started = performance.now()
    const world = new DemoWorld({
      seed,
      deliveries,
      anchor: new Date(plan.anchor),
      photoCacheDir: plan.photoCacheDir,
      renderPhotos: false,
    })
    const items = (await world.deliveries()).map((item) => withSharedPhotos(item, plan.shared))
    const chunk: WorldChunk = {
      seed,
      items,
      cases: world.cases(),
      generatedSeconds: (performance.now() - started) / 1000,
    }
    // Hold at most one world beyond the one being stored.
    while (asked <= k) await new Promise<void>((resolve) => (wake = resolve))
    port.postMessage(chunk)
  }
}

function withSharedPhotos(item: DeliveryItem, shared: readonly PhotoFacts[]): DeliveryItem {
  if (item.deleted === true) return item
  const record: DeliveryRecord = {
    ...item,
    photos: item.photos.map((photo) => {
      // The stand-in hash is spread evenly, so it picks one of the shared files fairly.
      const file = shared[Number.parseInt(photo.sha256.slice(0, 8), 16) % shared.length]!
      return { ...photo, sha256: file.sha256, bytes: file.bytes }
    }),
  }
  return record
}

const data = workerData as { role?: string; plan?: ChunkPlan } | null
if (!isMainThread && data?.role === ROLE && data.plan) await generateOnThisThread(data.plan)
