// Small measuring tools shared by the benchmarks: summaries of samples, the event loop's longest
// stall, peak memory, and what machine the figures come from.
import { cpus, totalmem, platform, release } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface Summary {
  n: number
  median: number
  p95: number
  max: number
  min: number
}

/**
 * p95 by nearest rank, so it is a figure that was really measured; the median is the usual one
 * (the mean of the middle two for an even count), so two or three runs are not read optimistically.
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
  const middle = sorted.length / 2
  return {
    n: sorted.length,
    median:
      sorted.length % 2 === 1
        ? sorted[Math.floor(middle)]!
        : (sorted[middle - 1]! + sorted[middle]!) / 2,
    p95: rank(95),
    max: sorted[sorted.length - 1]!,
    min: sorted[0]!,
  }
}

export function elapsedMs(since: number): number {
  return performance.now() - since
}

export interface StallReport {
  /** perf_hooks' histogram of event-loop delay (1 ms resolution): its worst sample. */
  histogramMaxMs: number
  histogramP99Ms: number
  /** The longest gap between two runs of a 1 ms timer, minus the 1 ms it was asked to wait. */
  probeMaxGapMs: number
  /**
   * This thread's CPU time inside that longest gap. Close to the gap: our own work held the
   * loop. Much smaller: the machine gave the CPU to another process (it has 2 cores, shared).
   */
  probeWorstGapOnCpuMs: number
  /**
   * The most CPU time this thread spent between two runs of the probe, in any gap: the longest
   * its own work held the loop, whatever other processes did with the cores meanwhile.
   */
  probeMaxOnCpuMs: number
}

/**
 * Two independent views of the longest stall, because each has a blind spot: the histogram
 * samples on its own timer, the probe only sees gaps between its own callbacks.
 */
export function startStallMonitor(): { stop(): StallReport } {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  let worstGap = 0
  let worstGapCpu = 0
  let mostCpu = 0
  let last = performance.now()
  let lastCpu = process.threadCpuUsage()
  const probe = setInterval(() => {
    const now = performance.now()
    const cpu = process.threadCpuUsage(lastCpu)
    const gap = now - last - 1
    const onCpu = (cpu.user + cpu.system) / 1000
    mostCpu = Math.max(mostCpu, onCpu)
    if (gap > worstGap) {
      worstGap = gap
      worstGapCpu = onCpu
    }
    last = now
    lastCpu = process.threadCpuUsage()
  }, 1)
  histogram.enable()
  return {
    stop() {
      clearInterval(probe)
      histogram.disable()
      return {
        histogramMaxMs: histogram.max / 1e6,
        histogramP99Ms: histogram.percentile(99) / 1e6,
        probeMaxGapMs: Math.max(0, worstGap),
        probeWorstGapOnCpuMs: worstGapCpu,
        probeMaxOnCpuMs: mostCpu,
      }
    },
  }
}

/** The longest stall of a report: the worse of its two views. */
export function longestStallMs(report: StallReport): number {
  return Math.max(report.histogramMaxMs, report.probeMaxGapMs)
}

/**
 * Samples RSS every 50 ms. The kernel's high-water mark (resourceUsage().maxRSS) is exact but
 * covers the whole process life; the sampler covers just the stretch being measured.
 */
export function startRssSampler(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage.rss())
    },
  }
}

/** The process's peak RSS so far, in bytes (the kernel's figure). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024
}

export interface MachineInfo {
  cpuModel: string
  cores: number
  totalMemoryGB: number
  node: string
  platform: string
}

export function machineInfo(): MachineInfo {
  const list = cpus()
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    totalMemoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
  }
}

/** A seeded generator (mulberry32), so every run draws the same queries and samples. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
