// `npm run bench:reports -- [--cases 100000] [--formats csv,xlsx,pdf] [--dir DIR]`
// Fills a cache with N cases on N deliveries (through the stores that sync uses), then exports
// each format in a child process of its own and reports the time, the peak memory and the
// longest stall of the event loop while it ran. The PDF has the cover over all N cases and its
// case pages for the first MAX_PDF_CASES of them, each with a photo.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parseArgs } from 'node:util'
import { ReportFilterSchema, type ExportFormat } from '../../electron/core/api/report-schemas.ts'
import { createCaseStore } from '../../electron/core/cases/store-cases.ts'
import type { CaseRecord, DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../electron/core/deliveries/store-deliveries.ts'
import { startDemoService } from '../../electron/core/demo-service/index.ts'
import { photoFilePath } from '../../electron/core/photos/photo-files.ts'
import { runExport } from '../../electron/core/reports/run-export.ts'

export const BENCH_FILTERS = {
  from: '2026-01-01',
  to: '2026-12-31',
  timeZone: 'America/Los_Angeles',
}

const CITIES = [
  { city: 'Seattle', region: 'WA', lat: 47.61, lng: -122.33, postal: '98101' },
  { city: 'San Francisco', region: 'CA', lat: 37.77, lng: -122.42, postal: '94103' },
  { city: 'Arlington', region: 'VA', lat: 38.88, lng: -77.1, postal: '22201' },
]
const RESOLUTIONS = ['refund_issued', 'replacement_sent', 'found_by_customer', 'no_action'] as const

/** Writes `count` deliveries with one photo each and a case on each, spread over 2026. */
export async function fillCache(dataDir: string, count: number): Promise<void> {
  const local = await openDatabase(dataDir)
  // A handful of the demo world's photos (1280 px scenes), shared by content address as
  // identical bytes would be.
  const photoCacheDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-photos-'))
  const demo = await startDemoService({ seed: 5, deliveries: 12, photoCacheDir })
  const photos: Array<{ sha256: string; bytes: number }> = []
  for (const draft of demo.world.deliveryDrafts()) {
    if (draft.deleted === true) continue
    for (const p of draft.photos) {
      if (photos.length === 8) break
      const bytes = await demo.world.photoBytes(p.id)
      if (!bytes) continue
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const path = photoFilePath(dataDir, sha256)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, bytes)
      photos.push({ sha256, bytes: bytes.length })
    }
  }
  await demo.close()
  rmSync(photoCacheDir, { recursive: true, force: true })
  const deliveries = createDeliveryStore(local.sqlite)
  const cases = createCaseStore(local.sqlite)
  const start = Date.parse('2026-01-01T12:00:00Z')
  const span = 360 * 86_400_000
  const BATCH = 2_000
  for (let first = 0; first < count; first += BATCH) {
    const batchDeliveries: DeliveryRecord[] = []
    const batchCases: CaseRecord[] = []
    for (let n = first; n < Math.min(count, first + BATCH); n++) {
      const place = CITIES[n % CITIES.length]!
      const at = start + Math.floor((n / count) * span)
      const photo = photos[n % photos.length]!
      const away = n % 9 === 0 ? 0.004 : 0.0001
      batchDeliveries.push({
        id: `d${n}`,
        version: 1,
        updatedAt: new Date(at).toISOString(),
        orderId: `114-${String(n).padStart(7, '0')}-0000000`,
        trackingNumber: `TBA${String(n).padStart(12, '0')}`,
        status: 'delivered',
        deliveredAt: new Date(at).toISOString(),
        customer: {
          id: `c${n % (count / 2)}`,
          name: `Customer ${n % (count / 2)}`,
          email: null,
          phone: null,
        },
        address: {
          line1: `${n % 5000} Main Street`,
          line2: null,
          city: place.city,
          region: place.region,
          postalCode: place.postal,
          country: 'US',
          location: { lat: place.lat, lng: place.lng },
        },
        dropOff: {
          spot: 'front_door',
          note: n % 13 === 0 ? '=cmd|" /C calc"!A0' : 'Left by the door',
          location: { lat: place.lat + away, lng: place.lng, accuracyM: 8 },
        },
        driver: { id: `drv${n % 200}`, name: `Driver ${n % 200}` },
        photos:
          n % 17 === 0
            ? []
            : [
                {
                  id: `ph${n}`,
                  sha256: photo.sha256,
                  bytes: photo.bytes,
                  contentType: 'image/jpeg',
                  width: 1280,
                  height: 960,
                  takenAt: new Date(at).toISOString(),
                  location: { lat: place.lat + away / 2, lng: place.lng, accuracyM: 6 },
                },
              ],
        photoWithheld: n % 17 === 0 ? 'customer_opted_out' : null,
        items: [{ sku: null, title: 'Parcel', quantity: 1 }],
      })
      const resolved = n % 3 !== 0
      batchCases.push({
        id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
        version: 2,
        updatedAt: new Date(at + 3_600_000).toISOString(),
        deliveryId: `d${n}`,
        orderId: `114-${String(n).padStart(7, '0')}-0000000`,
        status: resolved ? 'resolved' : 'open',
        reason: 'not_received',
        openedAt: new Date(at + 3_600_000).toISOString(),
        openedBy: 'u_alex_rivera',
        assigneeId: 'u_alex_rivera',
        resolution: resolved
          ? {
              code: RESOLUTIONS[n % RESOLUTIONS.length]!,
              note: 'Checked the photo with the customer.',
              resolvedAt: new Date(at + 3_600_000 * (2 + (n % 100))).toISOString(),
              resolvedBy: 'u_sam_okafor',
            }
          : null,
        notes: [],
      })
    }
    local.sqlite.transaction(() => {
      deliveries.applyItems(batchDeliveries)
      cases.applyItems(batchCases)
    })()
  }
  local.sqlite.prepare("UPDATE delivery_photos SET state = 'stored'").run()
  await local.close()
}

export interface ExportMeasurement {
  format: ExportFormat
  rows: number
  seconds: number
  peakRssMb: number
  startRssMb: number
  /** The JavaScript heap plus Buffers (where streamed bytes wait), at the start and at peak. */
  startHeapMb: number
  peakHeapMb: number
  longestStallMs: number
  /**
   * What the export holds on to: the heap plus Buffers after a full garbage collection, sampled
   * every 2,000 rows, at most, less the same before it started. Rows kept, or bytes piling up
   * ahead of the zip, show here; garbage waiting to be collected does not.
   */
  retainedGrowthMb: number
  /** What the export was doing during its longest stall. */
  longestStallDuring: string
  /** CPU time the process used during that stall (the rest was waiting for a core). */
  longestStallCpuMs: number
  fileMb: number
}

/** Exports one format and measures it (run it in a fresh process for a clean peak). */
export async function measureExport(
  dataDir: string,
  format: ExportFormat,
  destination: string,
): Promise<ExportMeasurement> {
  const local = await openDatabase(dataDir)
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const retained = () => {
    gc()
    const m = process.memoryUsage()
    return m.heapUsed + m.arrayBuffers
  }
  const retainedAtStart = retained()
  let retainedPeak = retainedAtStart
  const startRss = process.memoryUsage().rss
  let peakRss = startRss
  const used = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers
  const startHeap = used(process.memoryUsage())
  let peakHeap = startHeap
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, used(m))
  }, 20)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  // Which step the longest gap between two timer turns fell in.
  let step = 'starting'
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  let worst = { ms: 0, cpuMs: 0, during: '' }
  const ticker = setInterval(() => {
    const now = performance.now()
    const cpu = process.cpuUsage()
    // CPU time this process used in the gap: on a busy machine the gap is mostly waiting for
    // a core, and this says how much of it was the export's own work.
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000
    if (now - last > worst.ms) worst = { ms: now - last, cpuMs, during: step }
    last = now
    lastCpu = cpu
  }, 5)
  const started = performance.now()
  try {
    const result = await runExport(
      {
        format,
        filters: ReportFilterSchema.parse(BENCH_FILTERS),
        dbFile: local.file,
        dataDir,
        destination,
        thresholdM: 150,
        generatedBy: { id: 'u_sam_okafor', name: 'Sam Okafor' },
        userName: () => null,
      },
      (p) => {
        step = p.step.replace(/\d[\d,]*/g, 'N')
        if (p.done > 0 && p.done % 2_000 === 0) retainedPeak = Math.max(retainedPeak, retained())
      },
      new AbortController().signal,
    )
    const seconds = (performance.now() - started) / 1000
    delay.disable()
    clearInterval(sampler)
    clearInterval(ticker)
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
    return {
      format,
      rows: result.rows,
      seconds: Math.round(seconds * 10) / 10,
      startRssMb: mb(startRss),
      peakRssMb: mb(peakRss),
      retainedGrowthMb: mb(retainedPeak - retainedAtStart),
      startHeapMb: mb(startHeap),
      peakHeapMb: mb(peakHeap),
      longestStallMs: Math.round(delay.max / 1e6),
      longestStallDuring: worst.during,
      longestStallCpuMs: Math.round(worst.cpuMs),
      fileMb: mb(statSync(destination).size),
    }
  } finally {
    clearInterval(sampler)
    clearInterval(ticker)
    await local.close()
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      formats: { type: 'string', default: 'csv,xlsx,pdf' },
      dir: { type: 'string' },
      child: { type: 'string' },
    },
  })
  if (values.child) {
    const [dataDir, format, destination] = JSON.parse(values.child) as [
      string,
      ExportFormat,
      string,
    ]
    console.log(JSON.stringify(await measureExport(dataDir, format, destination)))
    return
  }
  const count = Number(values.cases)
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'porchlight-report-bench-'))
  const dataDir = join(dir, 'data')
  if (existsSync(join(dataDir, 'porchlight.sqlite'))) {
    console.log(`using the cache already in ${dataDir}`)
  } else {
    const filling = performance.now()
    await fillCache(dataDir, count)
    console.log(`filled ${count} cases in ${((performance.now() - filling) / 1000).toFixed(1)} s`)
  }
  for (const format of values.formats.split(',') as ExportFormat[]) {
    const out = execFileSync(
      process.execPath,
      [
        import.meta.filename,
        '--child',
        JSON.stringify([dataDir, format, join(dir, `bench.${format}`)]),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    console.log(out.trim())
  }
  if (!values.dir) rmSync(dir, { recursive: true, force: true })
}

if (import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
