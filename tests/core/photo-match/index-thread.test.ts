// The look-alike table built on its worker thread answers exactly as the one built on the calling
// thread, over a real cache file: at once, after hashes were recorded and forgotten while it was
// being built, after a reset mid-build, and after the long tail it grew is built again in the
// background.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import {
  createFingerprints,
  type Fingerprints,
} from '../../../electron/core/photo-match/fingerprints.ts'
import type { PerceptualHash } from '../../../electron/core/photos/perceptual-hash.ts'

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    return (state >>>= 0)
  }
}

function flipped(hash: PerceptualHash, bits: number, next: () => number): PerceptualHash {
  let { hi, lo } = hash
  const chosen = new Set<number>()
  while (chosen.size < bits) chosen.add(next() % 64)
  for (const bit of chosen) {
    if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0
    else lo = (lo ^ (1 << (bit - 32))) >>> 0
  }
  return { hi, lo, detail: hash.detail }
}

/** 32 bytes of detail hash. */
function detailFrom(next: () => number): Uint8Array {
  return Uint8Array.from({ length: 32 }, () => next() & 0xff)
}

const next = random(11)
// Hashes in clusters, as real ones are (their bands repeat): a few hundred photos, each stored
// many times with some bits changed.
const bases = Array.from({ length: 300 }, () => ({
  hi: next(),
  lo: next(),
  detail: detailFrom(next),
}))
const someHash = () => flipped(bases[next() % bases.length]!, next() % 20, next)
let stored = 0
const sha = () => (++stored).toString(16).padStart(64, '0')

const dir = mkdtempSync(join(tmpdir(), 'porchlight-index-thread-'))
let db: LocalDatabase
const threadErrors: Error[] = []
const threaded = (): Fingerprints =>
  createFingerprints(db.sqlite, { onIndexThreadError: (error) => threadErrors.push(error) })

beforeAll(async () => {
  db = await openDatabase(dir)
  const writer = createFingerprints(db.sqlite, { indexThreadFile: null })
  db.sqlite.transaction(() => {
    for (let i = 0; i < 30_000; i++) writer.record(sha(), someHash())
  })()
})

afterAll(async () => {
  await db?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The same questions to both: near copies of stored clusters and hashes of nothing stored. */
function expectSameAnswers(built: Fingerprints) {
  const direct = createFingerprints(db.sqlite, { indexThreadFile: null })
  const ask = random(5)
  let found = 0
  for (let q = 0; q < 150; q++) {
    const hash =
      q % 3 === 2
        ? { hi: ask(), lo: ask(), detail: detailFrom(ask) }
        : flipped(bases[ask() % bases.length]!, ask() % 14, ask)
    for (const distance of [0, 4, 10, 12]) {
      const answer = built.filesNear(hash, distance)
      expect(answer).toEqual(direct.filesNear(hash, distance))
      found += answer.length
    }
  }
  expect(found).toBeGreaterThan(1000)
  expect(threadErrors).toEqual([])
}

describe('the look-alike table built on its worker thread', () => {
  it('answers as the one built here', async () => {
    const fingerprints = threaded()
    await fingerprints.ready()
    expect(fingerprints.index().size).toBe(30_000)
    expectSameAnswers(fingerprints)
  })

  it('takes in what was recorded and forgotten while it was being built', async () => {
    const fingerprints = threaded()
    const building = fingerprints.ready()
    let settled = false
    void building.then(() => (settled = true))
    const gone: string[] = []
    // Some before the thread reads the cache, some (most likely) after.
    for (let turn = 0; !settled && turn < 2000; turn++) {
      fingerprints.record(sha(), someHash())
      if (turn % 5 === 0) gone.push((1 + (next() % 30_000)).toString(16).padStart(64, '0'))
      await new Promise((resolve) => setImmediate(resolve))
    }
    fingerprints.forget(gone)
    await building
    expect(fingerprints.index().size).toBe(
      db.sqlite.prepare('SELECT count(*) AS n FROM photo_fingerprints').pluck().get(),
    )
    expectSameAnswers(fingerprints)
  })

  it('drops a build a reset made stale, and builds again from the cache as it is', async () => {
    const fingerprints = threaded()
    const first = fingerprints.ready()
    fingerprints.reset()
    for (let i = 0; i < 50; i++) fingerprints.record(sha(), someHash())
    await first
    await fingerprints.ready()
    expectSameAnswers(fingerprints)
  })

  it('builds its long tail again in the background, answering the same meanwhile', async () => {
    const fingerprints = threaded()
    await fingerprints.ready()
    const index = fingerprints.index()
    // Past a sixteenth of the whole (and 4,096), the tail is built into the tables off the thread.
    for (let i = 0; i < 5000; i++) fingerprints.record(sha(), someHash())
    expect(index.tailLength).toBe(5000)
    expectSameAnswers(fingerprints)
    await vi.waitFor(() => expect(fingerprints.index()).not.toBe(index), { timeout: 30_000 })
    expect(fingerprints.index().tailLength).toBe(0)
    expectSameAnswers(fingerprints)
  })
})
