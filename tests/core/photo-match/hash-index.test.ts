// The multi-index table finds exactly what comparing with every hash finds.
import { describe, expect, it } from 'vitest'
import {
  HashIndex,
  probeRadii,
  valuesWithin,
} from '../../../electron/core/photo-match/hash-index.ts'
import type { CoarseHash } from '../../../electron/core/photos/perceptual-hash.ts'

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    // xorshift32
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    return (state >>>= 0)
  }
}

/** `hash` with `bits` of its 64 bits flipped, chosen by `next`. */
function flipped(hash: CoarseHash, bits: number, next: () => number): CoarseHash {
  let { hi, lo } = hash
  const chosen = new Set<number>()
  while (chosen.size < bits) chosen.add(next() % 64)
  for (const bit of chosen) {
    if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0
    else lo = (lo ^ (1 << (bit - 32))) >>> 0
  }
  return { hi, lo }
}

describe('hash index', () => {
  it('probes radii that together cover every distance up to the limit', () => {
    expect(probeRadii(10)).toEqual([2, 2, 2, 1])
    expect(probeRadii(3)).toEqual([0, 0, 0, 0])
    expect(probeRadii(2)).toEqual([0, 0, 0, -1])
    expect(probeRadii(8)).toEqual([2, 1, 1, 1])
    expect(valuesWithin(0, 2)).toHaveLength(1 + 16 + 120)
    expect(new Set(valuesWithin(0xabcd, 2)).size).toBe(137)
  })

  it('answers exactly as a scan of every hash, near and far, as hashes are added and removed', () => {
    const next = random(7)
    const entries = Array.from({ length: 20_000 }, (_, i) => ({
      id: i + 1,
      hi: next(),
      lo: next(),
    }))
    const index = new HashIndex(entries)
    // Near copies of some entries, added after the build: they sit in the unindexed tail, and
    // past 4,096 of them the tables are built again.
    let id = entries.length
    for (let i = 0; i < 6000; i++) {
      const base = entries[next() % entries.length]!
      index.add(++id, flipped(base, next() % 14, next))
    }
    for (let i = 0; i < 300; i++) index.remove(1 + (next() % id))
    for (let q = 0; q < 120; q++) {
      const base = entries[next() % entries.length]!
      const query = flipped(base, next() % 12, next)
      for (const limit of [0, 4, 8, 10, 12]) {
        expect(index.query(query, limit)).toEqual(index.scan(query, limit))
      }
    }
  })

  it('finds nothing in an empty index and reports its size', () => {
    const index = new HashIndex()
    expect(index.query({ hi: 1, lo: 2 }, 10)).toEqual([])
    index.add(5, { hi: 1, lo: 3 })
    expect(index.query({ hi: 1, lo: 2 }, 10)).toEqual([{ id: 5, distance: 1 }])
    expect(index.size).toBe(1)
    // An id it never held (a row removed before the index read the cache) changes nothing.
    index.remove(6)
    expect(index.size).toBe(1)
    index.remove(5)
    expect(index.size).toBe(0)
    expect(index.query({ hi: 1, lo: 2 }, 10)).toEqual([])
  })
})
