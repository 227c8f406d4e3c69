// Finds the stored perceptual hashes within a Hamming distance of a photo's, at a million photos in
// well under a millisecond: multi-index hashing (Norouzi, Punjani & Fleet, 2012). Each 64-bit hash
// is cut into four 16-bit bands, and each band has its own table from band value to the hashes
// that have it. Two hashes at distance d ≤ T = 4r + a differ by at most r bits in one of the first
// a + 1 bands, or by at most r - 1 in one of the others (else they would differ by more than T),
// so probing each band's table at the values within that radius of the query's band finds every
// match; the candidates found are then checked by counting the differing bits.
//
// The tables live in memory as flat typed arrays (about 64 bytes a photo: 64 MB at a million;
// each band keeps its members' hashes in its own order, so a probe reads them in a row),
// built from the cache and kept up to date by the process that adds hashes. Building them for a
// million hashes takes a couple of seconds, so the app has them built on a worker thread
// (hash-index-thread.ts) and takes the finished arrays over (`HashIndex.fromSnapshot`). Entries
// whose rows were removed since are dropped with `remove`; a caller joins what it finds with the
// cache anyway, so nothing removed is ever shown.
import { popcount32, type CoarseHash } from '../photos/perceptual-hash.ts'

const BANDS = 4
const BAND_VALUES = 1 << 16

export interface IndexMatch {
  id: number
  distance: number
}

function bandOf(hi: number, lo: number, band: number): number {
  switch (band) {
    case 0:
      return hi >>> 16
    case 1:
      return hi & 0xffff
    case 2:
      return lo >>> 16
    default:
      return lo & 0xffff
  }
}

/** Every 16-bit value within `radius` bits of `value` (itself included). */
export function valuesWithin(value: number, radius: number): number[] {
  const out: number[] = []
  const flip = (current: number, from: number, left: number) => {
    out.push(current)
    if (left === 0) return
    for (let bit = from; bit < 16; bit++) flip(current ^ (1 << bit), bit + 1, left - 1)
  }
  if (radius >= 0) flip(value, 0, radius)
  return out
}

const masks: Uint16Array[] = []
/** The XOR masks of every 16-bit value within `radius` bits of a value (made once per radius). */
function flipMasks(radius: number): Uint16Array {
  if (radius < 0) return new Uint16Array(0)
  masks[radius] ??= Uint16Array.from(valuesWithin(0, radius))
  return masks[radius]
}

/** Each band's probe radius for a search up to `maxDistance` (-1: the band need not be probed). */
export function probeRadii(maxDistance: number): number[] {
  const r = Math.floor(maxDistance / BANDS)
  const a = maxDistance % BANDS
  return Array.from({ length: BANDS }, (_, band) => (band <= a ? r : r - 1))
}

/** Per band: the members' slots grouped by band value, and their hashes in that order. */
export interface BandTables {
  /** Per band: where each value's members start (BAND_VALUES + 1 entries). */
  offsets: Uint32Array[]
  members: Uint32Array[]
  memberHi: Uint32Array[]
  memberLo: Uint32Array[]
}

/** A built index as plain typed arrays: what a worker thread hands over (transferable). */
export interface IndexSnapshot {
  ids: Float64Array
  hi: Uint32Array
  lo: Uint32Array
  count: number
  tables: BandTables
}

/** Counting sort of the first `n` hashes by each band's value. */
export function buildBandTables(hiOf: Uint32Array, loOf: Uint32Array, n: number): BandTables {
  const tables: BandTables = { offsets: [], members: [], memberHi: [], memberLo: [] }
  for (let band = 0; band < BANDS; band++) {
    const offsets = new Uint32Array(BAND_VALUES + 1)
    for (let slot = 0; slot < n; slot++) {
      const value = bandOf(hiOf[slot] as number, loOf[slot] as number, band)
      offsets[value + 1] = (offsets[value + 1] as number) + 1
    }
    for (let value = 0; value < BAND_VALUES; value++) {
      offsets[value + 1] = (offsets[value + 1] as number) + (offsets[value] as number)
    }
    const next = offsets.slice(0, BAND_VALUES)
    const members = new Uint32Array(n)
    const memberHi = new Uint32Array(n)
    const memberLo = new Uint32Array(n)
    for (let slot = 0; slot < n; slot++) {
      const hi = hiOf[slot] as number
      const lo = loOf[slot] as number
      const at = (next[bandOf(hi, lo, band)] as number)++
      members[at] = slot
      memberHi[at] = hi
      memberLo[at] = lo
    }
    tables.offsets.push(offsets)
    tables.members.push(members)
    tables.memberHi.push(memberHi)
    tables.memberLo.push(memberLo)
  }
  return tables
}

export interface HashIndexOptions {
  /**
   * Whether `add` builds the tables again itself when the unindexed tail grows long (default
   * true). False leaves that to the owner (fingerprints.ts builds a fresh index off the thread and
   * swaps it in); the tail is then scanned until it does.
   */
  rebuildInline?: boolean
}

export class HashIndex {
  #ids: Float64Array = new Float64Array(0)
  #hi: Uint32Array = new Uint32Array(0)
  #lo: Uint32Array = new Uint32Array(0)
  #count = 0
  /** Per band: where each value's members start in #members (BAND_VALUES + 1 entries). */
  #offsets: Uint32Array[] = []
  #members: Uint32Array[] = []
  /** Per band: each member's hash halves in the members' order, so a probe reads them in a row. */
  #memberHi: Uint32Array[] = []
  #memberLo: Uint32Array[] = []
  /** Entries added since the tables were built: looked at one by one until the next build. */
  #built = 0
  #removed = new Set<number>()
  #seen = new Uint32Array(0)
  #stamp = 0
  /** Every id is larger than the one before (AUTOINCREMENT rowids, read in id order). */
  #ascending = true
  readonly #rebuildInline: boolean

  constructor(
    entries: Iterable<{ id: number; hi: number; lo: number }> = [],
    options: HashIndexOptions = {},
  ) {
    this.#rebuildInline = options.rebuildInline ?? true
    for (const entry of entries) this.#push(entry.id, entry.hi, entry.lo)
    this.#build()
  }

  /** An index over tables built elsewhere (a worker thread); the arrays are taken, not copied. */
  static fromSnapshot(snapshot: IndexSnapshot, options: HashIndexOptions = {}): HashIndex {
    const index = new HashIndex([], options)
    index.#ids = snapshot.ids
    index.#hi = snapshot.hi
    index.#lo = snapshot.lo
    index.#count = snapshot.count
    for (let slot = 1; slot < snapshot.count && index.#ascending; slot++) {
      if ((snapshot.ids[slot] as number) <= (snapshot.ids[slot - 1] as number))
        index.#ascending = false
    }
    index.#setTables(snapshot.tables)
    index.#built = snapshot.count
    return index
  }

  get size(): number {
    return this.#count - this.#removed.size
  }

  /** Entries added since the tables were built, which each query scans one by one. */
  get tailLength(): number {
    return this.#count - this.#built
  }

  /**
   * Whether the tail has grown long enough to build the tables again: a sixteenth of the whole,
   * which keeps both the rebuilds and the tail's scans cheap.
   */
  get tailIsLong(): boolean {
    return this.tailLength > Math.max(4096, this.#built / 16)
  }

  /** Ids are never reused for another hash (the table's rowids are AUTOINCREMENT). */
  add(id: number, hash: CoarseHash): void {
    this.#push(id, hash.hi, hash.lo)
    if (this.#rebuildInline && this.tailIsLong) this.#build()
  }

  /** Drops an entry; an id the index does not hold is ignored (it may never have been read). */
  remove(id: number): void {
    if (this.#holds(id)) this.#removed.add(id)
  }

  /** Whether an entry has this id: a binary search while ids only grew, as the table's do. */
  #holds(id: number): boolean {
    const ids = this.#ids
    if (!this.#ascending) {
      for (let slot = 0; slot < this.#count; slot++) if (ids[slot] === id) return true
      return false
    }
    let [low, high] = [0, this.#count - 1]
    while (low <= high) {
      const middle = (low + high) >>> 1
      const at = ids[middle] as number
      if (at === id) return true
      if (at < id) low = middle + 1
      else high = middle - 1
    }
    return false
  }

  /** Entries within `maxDistance` bits of `hash`, nearest first. */
  query(hash: CoarseHash, maxDistance: number): IndexMatch[] {
    const hi = hash.hi >>> 0
    const lo = hash.lo >>> 0
    if (this.#seen.length < this.#count) this.#seen = new Uint32Array(this.#ids.length)
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0)
      this.#stamp = 1
    }
    const stamp = this.#stamp
    const seen = this.#seen
    const found: IndexMatch[] = []
    const radii = probeRadii(maxDistance)
    for (let band = 0; band < BANDS; band++) {
      const offsets = this.#offsets[band] as Uint32Array
      const members = this.#members[band] as Uint32Array
      const memberHi = this.#memberHi[band] as Uint32Array
      const memberLo = this.#memberLo[band] as Uint32Array
      const own = bandOf(hi, lo, band)
      for (const mask of flipMasks(radii[band] as number)) {
        const value = own ^ mask
        const end = offsets[value + 1] as number
        for (let at = offsets[value] as number; at < end; at++) {
          const distance =
            popcount32(((memberHi[at] as number) ^ hi) >>> 0) +
            popcount32(((memberLo[at] as number) ^ lo) >>> 0)
          if (distance > maxDistance) continue
          // A match can be found through more than one band; it is kept once.
          const slot = members[at] as number
          if (seen[slot] === stamp) continue
          seen[slot] = stamp
          this.#keep(found, slot, distance)
        }
      }
    }
    const hiOf = this.#hi
    const loOf = this.#lo
    for (let slot = this.#built; slot < this.#count; slot++) {
      const distance =
        popcount32(((hiOf[slot] as number) ^ hi) >>> 0) +
        popcount32(((loOf[slot] as number) ^ lo) >>> 0)
      if (distance <= maxDistance) this.#keep(found, slot, distance)
    }
    return found.sort((a, b) => a.distance - b.distance || a.id - b.id)
  }

  #keep(found: IndexMatch[], slot: number, distance: number): void {
    const id = this.#ids[slot] as number
    if (!this.#removed.has(id)) found.push({ id, distance })
  }

  /** The same answer by comparing with every entry: the baseline the benchmark measures against. */
  scan(hash: CoarseHash, maxDistance: number): IndexMatch[] {
    const found: IndexMatch[] = []
    for (let slot = 0; slot < this.#count; slot++) {
      const distance =
        popcount32(((this.#hi[slot] as number) ^ hash.hi) >>> 0) +
        popcount32(((this.#lo[slot] as number) ^ hash.lo) >>> 0)
      const id = this.#ids[slot] as number
      if (distance <= maxDistance && !this.#removed.has(id)) found.push({ id, distance })
    }
    return found.sort((a, b) => a.distance - b.distance || a.id - b.id)
  }

  #push(id: number, hi: number, lo: number): void {
    if (this.#count === this.#ids.length) {
      const capacity = Math.max(1024, this.#count * 2)
      this.#ids = grow(this.#ids, new Float64Array(capacity))
      this.#hi = grow(this.#hi, new Uint32Array(capacity))
      this.#lo = grow(this.#lo, new Uint32Array(capacity))
    }
    if (this.#count > 0 && id <= (this.#ids[this.#count - 1] as number)) this.#ascending = false
    this.#ids[this.#count] = id
    this.#hi[this.#count] = hi >>> 0
    this.#lo[this.#count] = lo >>> 0
    this.#count++
  }

  /** Counting sort of every entry by each band's value; drops removed entries first. */
  #build(): void {
    if (this.#removed.size > 0) this.#compact()
    this.#setTables(buildBandTables(this.#hi, this.#lo, this.#count))
    this.#built = this.#count
  }

  #setTables(tables: BandTables): void {
    this.#offsets = tables.offsets
    this.#members = tables.members
    this.#memberHi = tables.memberHi
    this.#memberLo = tables.memberLo
  }

  #compact(): void {
    let kept = 0
    for (let slot = 0; slot < this.#count; slot++) {
      if (this.#removed.has(this.#ids[slot] as number)) continue
      this.#ids[kept] = this.#ids[slot] as number
      this.#hi[kept] = this.#hi[slot] as number
      this.#lo[kept] = this.#lo[slot] as number
      kept++
    }
    this.#count = kept
    this.#removed.clear()
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from)
  return to
}
