// Benchmark 8 (bundle): the JavaScript the renderer loads before its first screen, gzipped: the
// entry script of out/renderer/index.html and the modules it preloads. Everything else under
// assets/ is loaded lazily (the map, reports, …) and is listed beside it.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchConfig } from './config.ts'
import { formatValue, type ResultRow } from './report-table.ts'

const KB = 1024

interface Chunk {
  file: string
  bytes: number
  gzipBytes: number
}

export function bundleBench(
  _config: BenchConfig,
  rendererDir: string,
): { rows: ResultRow[]; notes: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const initial = new Set<string>()
  for (const match of html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)) {
    initial.add(match[1]!.replace(/^\.\//, ''))
  }
  for (const match of html.matchAll(/<link[^>]*\srel="modulepreload"[^>]*\shref="([^"]+)"/g)) {
    initial.add(match[1]!.replace(/^\.\//, ''))
  }
  if (initial.size === 0) throw new Error('no entry script found in out/renderer/index.html')
  // zlib's default level, as a web server would send it.
  const measure = (file: string): Chunk => {
    const bytes = readFileSync(join(rendererDir, file))
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length }
  }
  const loaded = [...initial].map(measure)
  const lazy = readdirSync(join(rendererDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
    .map((name) => measure(`assets/${name}`))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
  const total = loaded.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) / KB
  const raw = loaded.reduce((sum, chunk) => sum + chunk.bytes, 0) / KB
  const list = (chunks: Chunk[]) =>
    chunks
      .map((c) => `${c.file.replace(/^assets\//, '')} ${formatValue(c.gzipBytes / KB, 'KB')}`)
      .join(', ')
  return {
    rows: [
      {
        benchmark: 'bundle',
        what: `renderer's initial JavaScript, gzipped (zlib default level): the entry script and its ${loaded.length - 1} modulepreloads, ${formatValue(raw, 'KB')} before gzip`,
        unit: 'KB',
        median: total,
        p95: total,
        max: total,
        samples: 1,
        baseline: '—',
        ratio: '—',
        target: '≤ 400 KB',
        judgedOn: 'max',
        met: total <= 400,
      },
    ],
    notes: [
      `Bundle: loaded at start: ${list(loaded)}. Loaded lazily: ${list(lazy)} (total ${formatValue(lazy.reduce((s, c) => s + c.gzipBytes, 0) / KB, 'KB')}).`,
    ],
  }
}
