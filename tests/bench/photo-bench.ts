// Benchmark 6 (photos): download, verify and thumbnail about 2,000 photos from the demo service.
import { join } from 'node:path'
import type { BenchConfig } from './config.ts'
import { summarize } from './measure.ts'
import type { PhotoRunResult } from './photo-run.ts'
import { DEFAULT_CONCURRENCY } from '../../electron/core/photos/download-photos.ts'
import { startDemoChild, runWorker } from './processes.ts'
import { formatValue, rateFigures, type ResultRow } from './report-table.ts'

export async function photoBench(
  config: BenchConfig,
): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const { worldDeliveries, runs } = config.photos
  const day = config.anchor.toISOString().slice(0, 10)
  // The demo keeps what it rendered here; later runs read the photos back instead.
  const photoCacheDir = join(config.cacheRoot, `photos-s${config.seed}-${worldDeliveries}-${day}`)
  console.log(`photos: starting the demo service and rendering (or reading back) its photos`)
  const demo = await startDemoChild({
    seed: config.seed,
    deliveries: worldDeliveries,
    anchor: config.anchor.toISOString(),
    photoCacheDir,
    renderPhotos: true,
    warmAllPhotos: true,
  })
  const { info } = demo
  const results: PhotoRunResult[] = []
  try {
    console.log(
      `photos: ${info.photos} photos ready in ${info.readySeconds.toFixed(0)} s (${info.rendered} rendered now, ${info.readFromDisk} from the demo's photo cache)`,
    )
    for (let run = 1; run <= runs; run++) {
      const result = await runWorker<PhotoRunResult>('photo-run', {
        url: demo.url,
        expected: info.photos,
        thumbnailsAlone: config.photos.thumbnailsAlone,
      })
      results.push(result)
      console.log(
        `photos run ${run}/${runs}: ${Math.round(result.photos / result.seconds)} photos/s (${result.seconds.toFixed(1)} s); ` +
          `fetch and hash alone ${Math.round(result.baseline.photos / result.baseline.seconds)} photos/s; ` +
          `thumbnails alone ${Math.round(result.thumbnailsAlone.photos / result.thumbnailsAlone.seconds)} photos/s`,
      )
    }
  } finally {
    await demo.stop()
  }
  const rate = rateFigures(results.map((r) => ({ items: r.photos, seconds: r.seconds })))
  const base = rateFigures(
    results.map((r) => ({ items: r.baseline.photos, seconds: r.baseline.seconds })),
  )
  const ratios = summarize(
    results.map((r) => r.photos / r.seconds / (r.baseline.photos / r.baseline.seconds)),
  )
  const rows: ResultRow[] = [
    {
      benchmark: 'photos',
      what: `downloadPendingPhotos (as the SyncEngine runs it) of ${info.photos.toLocaleString('en-US')} photos from the demo service in its own process: stream, SHA-256 check, thumbnail`,
      unit: 'photos/s',
      ...rate,
      samples: results.length,
      baseline: `fetch + SHA-256 alone, same concurrency (${DEFAULT_CONCURRENCY}): ${formatValue(base.median, 'photos/s')}`,
      ratio: `${ratios.median.toFixed(2)}× baseline (worst run ${ratios.min.toFixed(2)}×)`,
      ratioValue: ratios.median,
      target: '≥ 250 photos/s and ≥ 1/4 of fetch + SHA-256 alone, in every run',
      judgedOn: 'p95',
      met: rate.p95 >= 250 && ratios.min >= 0.25,
      baselines: { fetchAndHashPerSecond: base.median },
    },
  ]
  const notes = [
    `Photos: the demo service (seed ${config.seed}, ${worldDeliveries.toLocaleString('en-US')} deliveries) has every photo ready before the runs start (this time ${info.rendered} rendered, ${info.readFromDisk} read back from its cache in ${photoCacheDir}), so the runs measure our client, not the demo's renderer. Each run is a fresh cache: records synced first, untimed; then the timed photo step (downloadPendingPhotos, concurrency ${DEFAULT_CONCURRENCY}). For the diagnosis, making ${config.photos.thumbnailsAlone} of the thumbnails again from the stored files, same concurrency: ${results.map((r) => formatValue(r.thumbnailsAlone.photos / r.thumbnailsAlone.seconds, 'photos/s')).join(', ')}.`,
  ]
  return { rows, notes }
}
