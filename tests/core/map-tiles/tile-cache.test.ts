import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Freshness } from '../../../electron/core/map-tiles/http-freshness.ts'
import {
  TILE_CACHE_FILE,
  openTileCache,
  type TileCache,
} from '../../../electron/core/map-tiles/tile-cache.ts'
import type { TileImage } from '../../../electron/core/map-tiles/tile-image.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const SOURCE = 'https://tiles.example.com/{z}/{x}/{y}.png'
const HOUR = 3_600_000
/** A PNG signature and padding: the cache stores bytes, it does not decode them. */
const tileOf = (size: number, fill = 1): TileImage => ({
  bytes: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(size - 8, fill),
  ]),
  format: 'png',
})
const freshFor = (now: number, ms: number): Freshness => ({
  store: true,
  freshUntil: now + ms,
  etag: '"e1"',
  lastModified: null,
})

let temp: ReturnType<typeof tempDir>
let clock: number
let cache: TileCache
const open = (capBytes: number, keepExpiredMs?: number) =>
  openTileCache({ dataDir: temp.dir, capBytes, keepExpiredMs, now: () => clock })

beforeEach(() => {
  temp = tempDir('porchlight-tile-cache-')
  clock = Date.UTC(2026, 0, 10, 9)
})
afterEach(() => {
  cache?.close()
  temp.remove()
})

describe('tile cache', () => {
  it('keeps tiles in its own SQLite file and across restarts, with their freshness and validators', () => {
    cache = open(1_000_000)
    cache.put(SOURCE, { z: 15, x: 5241, y: 11442 }, tileOf(500), freshFor(clock, HOUR))
    cache.close()
    expect(existsSync(join(temp.dir, TILE_CACHE_FILE))).toBe(true)
    cache = open(1_000_000)
    const tile = cache.get(SOURCE, { z: 15, x: 5241, y: 11442 })
    expect(tile?.bytes.length).toBe(500)
    expect(tile).toMatchObject({ format: 'png', freshUntil: clock + HOUR, etag: '"e1"' })
    expect(cache.get(SOURCE, { z: 15, x: 5241, y: 11443 })).toBeNull()
    // Another server's tiles are kept apart.
    expect(
      cache.get('https://other.example/{z}/{x}/{y}.png', { z: 15, x: 5241, y: 11442 }),
    ).toBeNull()
    expect(cache.stats()).toEqual({ tiles: 1, bytes: 500, capBytes: 1_000_000 })
  })

  it('returns an expired tile with its expiry, and a 304 makes it fresh again', () => {
    cache = open(1_000_000)
    const address = { z: 16, x: 1, y: 2 }
    cache.put(SOURCE, address, tileOf(100), freshFor(clock, HOUR))
    clock += 2 * HOUR
    const stale = cache.get(SOURCE, address)
    expect(stale!.freshUntil).toBeLessThan(clock)
    cache.refresh(SOURCE, address, {
      store: true,
      freshUntil: clock + HOUR,
      etag: null,
      lastModified: 'Tue, 06 Jan 2026 10:00:00 GMT',
    })
    const refreshed = cache.get(SOURCE, address)
    expect(refreshed!.freshUntil).toBe(clock + HOUR)
    // A 304 without a new ETag keeps the old one.
    expect(refreshed).toMatchObject({ etag: '"e1"', lastModified: 'Tue, 06 Jan 2026 10:00:00 GMT' })
    expect(refreshed!.bytes.length).toBe(100)
  })

  it('drops tiles expired for longer than it keeps them for offline use', () => {
    cache = open(1_000_000, 7 * 24 * HOUR)
    cache.put(SOURCE, { z: 1, x: 0, y: 0 }, tileOf(100), freshFor(clock, HOUR))
    cache.put(SOURCE, { z: 1, x: 1, y: 0 }, tileOf(100), freshFor(clock, 10 * 24 * HOUR))
    cache.close()
    clock += 8 * 24 * HOUR + HOUR
    cache = open(1_000_000, 7 * 24 * HOUR)
    expect(cache.get(SOURCE, { z: 1, x: 0, y: 0 })).toBeNull()
    expect(cache.get(SOURCE, { z: 1, x: 1, y: 0 })).not.toBeNull()
    expect(cache.stats().tiles).toBe(1)
  })

  it('does not keep a tile the server said not to store', () => {
    cache = open(1_000_000)
    cache.put(SOURCE, { z: 1, x: 0, y: 0 }, tileOf(100), { ...freshFor(clock, HOUR), store: false })
    expect(cache.get(SOURCE, { z: 1, x: 0, y: 0 })).toBeNull()
  })

  it('stays under its cap by dropping the least recently used tiles first', () => {
    cache = open(10_000)
    const addresses = Array.from({ length: 9 }, (_, i) => ({ z: 12, x: i, y: 0 }))
    for (const address of addresses) {
      cache.put(SOURCE, address, tileOf(1_000), freshFor(clock, HOUR))
      clock += 1000
    }
    expect(cache.stats()).toMatchObject({ tiles: 9, bytes: 9_000 })
    // Looking at the two oldest makes them the most recently used.
    clock += 1000
    cache.get(SOURCE, addresses[0]!)
    cache.get(SOURCE, addresses[1]!)
    clock += 1000
    // Two more tiles pass the cap: eviction frees down to 90% of it.
    cache.put(SOURCE, { z: 12, x: 100, y: 0 }, tileOf(1_000), freshFor(clock, HOUR))
    cache.put(SOURCE, { z: 12, x: 101, y: 0 }, tileOf(1_500), freshFor(clock, HOUR))
    const stats = cache.stats()
    expect(stats.bytes).toBeLessThanOrEqual(9_000)
    const kept = (x: number) => cache.get(SOURCE, { z: 12, x, y: 0 }) !== null
    // The least recently used went (x = 2, 3, 4, ...), the ones just looked at stayed.
    expect([2, 3].map(kept)).toEqual([false, false])
    expect([0, 1, 100, 101, 8].map(kept)).toEqual([true, true, true, true, true])
    // The running total matches what is stored.
    cache.close()
    cache = open(10_000)
    expect(cache.stats()).toEqual(stats)
  })

  it('replacing a tile counts its new size, not both', () => {
    cache = open(1_000_000)
    cache.put(SOURCE, { z: 3, x: 1, y: 1 }, tileOf(400), freshFor(clock, HOUR))
    cache.put(SOURCE, { z: 3, x: 1, y: 1 }, tileOf(700, 2), freshFor(clock, HOUR))
    expect(cache.stats()).toMatchObject({ tiles: 1, bytes: 700 })
  })

  it('a lower cap takes effect at once; a tile larger than the cap is not kept', () => {
    cache = open(100_000)
    for (let x = 0; x < 10; x++) {
      cache.put(SOURCE, { z: 8, x, y: 0 }, tileOf(5_000), freshFor(clock, HOUR))
      clock += 10
    }
    cache.setCapBytes(20_000)
    expect(cache.stats().bytes).toBeLessThanOrEqual(18_000)
    expect(cache.get(SOURCE, { z: 8, x: 9, y: 0 })).not.toBeNull()
    cache.put(SOURCE, { z: 8, x: 50, y: 0 }, tileOf(25_000), freshFor(clock, HOUR))
    expect(cache.get(SOURCE, { z: 8, x: 50, y: 0 })).toBeNull()
  })

  it('clears everything on request', () => {
    cache = open(100_000)
    cache.put(SOURCE, { z: 8, x: 1, y: 0 }, tileOf(5_000), freshFor(clock, HOUR))
    cache.clear()
    expect(cache.stats()).toMatchObject({ tiles: 0, bytes: 0 })
    expect(cache.get(SOURCE, { z: 8, x: 1, y: 0 })).toBeNull()
  })

  it('starts afresh from a damaged file instead of failing', () => {
    writeFileSync(join(temp.dir, TILE_CACHE_FILE), Buffer.alloc(8192, 0x41))
    const problems: string[] = []
    cache = openTileCache({
      dataDir: temp.dir,
      capBytes: 100_000,
      onProblem: (message) => problems.push(message),
    })
    expect(problems).toEqual(['the tile cache could not be opened and was started afresh'])
    cache.put(SOURCE, { z: 1, x: 0, y: 0 }, tileOf(100), freshFor(Date.now(), HOUR))
    expect(cache.stats().tiles).toBe(1)
  })
})
