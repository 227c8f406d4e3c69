// Benchmark 7 (UI): in browser mode on a copy of the cached million, the time from the last
// keystroke of a typed query to its results painted, measured inside Chromium.
//
// Signing in: browser mode needs a delivery service to sign in against (it remembers no token
// between starts), and signing in starts a sync. It gets a demo service of its own (one delivery,
// another seed) in a child process, so that first sync adds one delivery and its case to the copy
// and is over in a moment; the million came from the cache, not from this service, so the copy is
// first recorded as this service's cache (a console never opens a cache filled from another
// service: cache-identity/), and the look-alike pass over its photos is taken as done
// (settleLookalikePass, below, says why). Sync and retention timers are off. The typing starts
// once that sync has ended ("Last synced"): what is measured is a console at rest.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { recordCacheOwner } from '../../electron/core/cache-identity/cache-owner.ts'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import { createFingerprints } from '../../electron/core/photo-match/fingerprints.ts'
import { hashStoredPhoto } from '../../electron/core/photos/thumbnails.ts'
import playwrightConfig from '../playwright.config.ts'
import type { BenchConfig } from './config.ts'
import { seededRandom, sleep, summarize, type Summary } from './measure.ts'
import { startConsole } from '../e2e/support/browser-mode.ts'
import { startDemoChild } from './processes.ts'
import { QUERY_KINDS, type Query } from './queries.ts'
import { formatValue, type ResultRow } from './report-table.ts'

interface Timing {
  /** Last keydown to the results painted. */
  total: number
  /** Last keydown to the searchDeliveries request leaving (React). */
  toRequest: number
  /** The request's round trip through the bridge and the core. */
  roundTrip: number
  /** Response to the results painted (schema check, React, layout, paint). */
  toPaint: number
}

export async function uiBench(
  config: BenchConfig,
  dataDir: string,
  queries: readonly Query[],
): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const noPhotos = mkdtempSync(join(tmpdir(), 'porchlight-bench-ui-photos-'))
  const demo = await startDemoChild({
    seed: config.seed + 1000,
    deliveries: 1,
    anchor: config.anchor.toISOString(),
    photoCacheDir: noPhotos,
    renderPhotos: true,
  })
  const copy = await openDatabase(dataDir)
  recordCacheOwner(copy.sqlite, demo.url)
  const settled = await settleLookalikePass(copy.sqlite, dataDir)
  await copy.close()
  const console_ = await startConsole({
    serviceUrl: demo.url,
    dataDir: dataDir,
    startTimeoutMs: 60_000,
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: playwrightConfig.use?.launchOptions?.args ?? [],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(console_.url)
    const signingIn = performance.now()
    try {
      await signIn(page)
      console.log(
        `UI: signed in, first sync over in ${((performance.now() - signingIn) / 1000).toFixed(1)} s`,
      )
    } catch (error) {
      // What the console said is what tells why the first sync did not end.
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nThe console's output:\n${console_.output().slice(-4000)}`,
        { cause: error },
      )
    }
    // Ctrl+K brings the search screen and its box, from wherever the sign-in left us.
    await page.keyboard.press('Control+K')
    await instrument(page)
    const timings: Array<Timing & { kind: Query['kind'] }> = []
    const random = seededRandom(config.seed + 4)
    for (const query of queries) {
      timings.push({ kind: query.kind, ...(await typeAndTime(page, query.text, random)) })
    }
    const totals = summarize(timings.map((t) => t.total))
    const part = (key: keyof Timing) => summarize(timings.map((t) => t[key]))
    const [toRequest, roundTrip, toPaint] = [part('toRequest'), part('roundTrip'), part('toPaint')]
    const perKind = QUERY_KINDS.map((kind) => {
      const own = timings.filter((t) => t.kind === kind).map((t) => t.total)
      return own.length > 0 ? `${kind} p95 ${formatValue(summarize(own).p95, 'ms')}` : null
    }).filter(Boolean)
    const rows: ResultRow[] = [
      {
        benchmark: 'UI',
        what: `browser mode on ${config.search.deliveries.toLocaleString('en-US')} cached deliveries, Chromium: last keydown of a typed query (${queries.length} queries, ${config.ui.queriesPerKind} of each kind, 40–110 ms between keys) to its results painted`,
        unit: 'ms',
        median: totals.median,
        p95: totals.p95,
        max: totals.max,
        samples: totals.n,
        baseline: '—',
        ratio: '—',
        target: 'p95 ≤ 100 ms',
        judgedOn: 'p95',
        met: totals.p95 <= 100,
      },
    ]
    const describe = (label: string, s: Summary) =>
      `${label} median ${formatValue(s.median, 'ms')} / p95 ${formatValue(s.p95, 'ms')}`
    const notes = [
      `UI: measured in the page (keydown's timeStamp; the results table labelled with the query appearing, then the next frame; Resource Timing for the API request). Where the time goes: ${describe('keydown → request sent (React)', toRequest)}; ${describe('request round trip (bridge + core)', roundTrip)}; ${describe('response → painted', toPaint)}. By kind: ${perKind.join(', ')}. Signed in against a one-delivery demo service in its own process, typing once its first sync had ended; the look-alike pass over the cache's ${settled} shared photo files was taken as done, without flags (see ui-bench.ts).`,
    ]
    return { rows, notes }
  } finally {
    await browser.close()
    await console_.stop()
    await demo.stop()
    rmSync(noPhotos, { recursive: true, force: true })
  }
}

/**
 * The look-alike pass (photo-match/match-photos.ts) over the cached million, as taken done. The
 * cache's 1.24M photo rows share a few real demo photo files (fill-cache.ts: 1.2M distinct JPEGs
 * would take 40 GB), kept without the perceptual hashes a download records since issue 18. Left
 * so, the sign-in's first sync would hash those files as photos kept before hashes were, then
 * refresh the reuse flag of every delivery with one of them (some 880,000, in one transaction on
 * the console's main thread), each read beside the tens of thousands of others sharing its file
 * (about 2.7 s a delivery here): weeks, not the moment this start needs, so "Last synced" never
 * came. The files are hashed and recorded here with the app's own code, and marked compared, as
 * the pass leaves them; no flag is set, as their sharing is the bench's way to save disk, not
 * drivers reusing photos. The sync then takes in the service's delivery and looks at its photos
 * only. Returns how many files were hashed.
 */
async function settleLookalikePass(
  sqlite: Parameters<typeof createFingerprints>[0],
  dataDir: string,
): Promise<number> {
  const fingerprints = createFingerprints(sqlite, { indexThreadFile: null })
  let hashed = 0
  for (;;) {
    const batch = fingerprints.unhashed(100)
    if (batch.length === 0) break
    for (const sha256 of batch) {
      const hash = await hashStoredPhoto(dataDir, sha256)
      if (!hash) throw new Error(`the cached photo file ${sha256} could not be hashed`)
      fingerprints.record(sha256, hash)
      hashed++
    }
  }
  for (;;) {
    const batch = fingerprints.uncompared(100)
    if (batch.length === 0) break
    fingerprints.markCompared(batch.map((f) => f.id))
  }
  return hashed
}

/** As the browser tests do (tests/e2e/support/console-page.ts), then waits for the first sync. */
async function signIn(page: Page): Promise<void> {
  await page.getByLabel('User name').fill('agent')
  await page.getByLabel(/^Password/).fill('demo-agent')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page
    .getByLabel('Sync status')
    .getByText(/Last synced/)
    .waitFor({ timeout: 180_000 })
}

interface BenchProbe {
  target: string
  keydownAt: number
  paintedAt: number | null
}

/** Notes the last keydown and the frame after the target's results enter the DOM. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: BenchProbe = { target: '', keydownAt: 0, paintedAt: null }
    let seen = false
    ;(window as unknown as { benchProbe: BenchProbe }).benchProbe = probe
    performance.setResourceTimingBufferSize(10_000)
    document.addEventListener('keydown', (event) => (probe.keydownAt = event.timeStamp), true)
    const check = () => {
      if (!probe.target || seen) return
      const table = document.getElementById('search-results')
      if (
        table?.getAttribute('aria-label') === `Search results for ${probe.target}` &&
        table.querySelector('tbody tr')
      ) {
        seen = true
        // rAF runs just before the frame is painted; a task queued from it runs after.
        requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0))
      }
    }
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    })
    ;(window as unknown as { benchArm: (target: string) => void }).benchArm = (target) => {
      probe.target = target
      probe.paintedAt = null
      seen = false
      performance.clearResourceTimings()
    }
  })
}

async function typeAndTime(page: Page, text: string, random: () => number): Promise<Timing> {
  const box = page.getByRole('searchbox', { name: 'Search deliveries' })
  // Emptying the box clears the results at once, and leaves the focus in it.
  await box.fill('')
  await page.waitForFunction(() => document.getElementById('search-results') === null)
  await page.evaluate((target) => {
    ;(window as unknown as { benchArm: (target: string) => void }).benchArm(target)
  }, text)
  for (const char of text) {
    await page.keyboard.type(char)
    await sleep(40 + Math.floor(random() * 71))
  }
  await page.waitForFunction(
    () => (window as unknown as { benchProbe: BenchProbe }).benchProbe.paintedAt !== null,
    undefined,
    { timeout: 30_000 },
  )
  return page.evaluate(() => {
    const probe = (window as unknown as { benchProbe: BenchProbe }).benchProbe
    const request = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/api/searchDeliveries'))
      .at(-1) as PerformanceResourceTiming | undefined
    const painted = probe.paintedAt ?? Number.NaN
    return {
      total: painted - probe.keydownAt,
      toRequest: (request?.startTime ?? Number.NaN) - probe.keydownAt,
      roundTrip: request ? request.responseEnd - request.startTime : Number.NaN,
      toPaint: painted - (request?.responseEnd ?? Number.NaN),
    }
  })
}
