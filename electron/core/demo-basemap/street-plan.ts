// The made-up town plan the demo basemap draws: a street grid with a little irregularity, arterial
// roads, parks and rows of houses, laid out in "world pixels" of zoom 18 (Web Mercator, 256 px
// tiles), so any tile at any zoom can be drawn on its own and its edges meet its neighbours'.
// Everything follows from integer hashes of grid positions: no randomness, same plan every run.
// The demo's addresses are real street names at made-up positions, so no street is named here.

/** The zoom level whose pixels the plan is laid out in. */
export const PLAN_ZOOM = 18

/** The basemap's tiles are this many pixels a side. */
export const TILE_SIZE = 256

/** A mixing hash of a few integers to [0, 1). */
export function planHash(...values: number[]): number {
  let h = 0x811c9dc5
  for (const value of values) {
    h ^= value | 0
    h = Math.imul(h, 0x01000193)
    h ^= h >>> 13
    h = Math.imul(h, 0x5bd1e995)
    h ^= h >>> 15
  }
  return (h >>> 0) / 4_294_967_296
}

/** Nominal block size in plan pixels (about 90 m by 120 m in Seattle). */
const BLOCK_W = 230
const BLOCK_H = 300

/** x of the north–south street number i. */
export function avenueX(i: number): number {
  return i * BLOCK_W + Math.round((planHash(1, i) - 0.5) * 80)
}

/** y of the east–west street number j. */
export function streetY(j: number): number {
  return j * BLOCK_H + Math.round((planHash(2, j) - 0.5) * 100)
}

/** The avenues (columns) whose lines may fall between two plan x positions. */
export function avenuesBetween(x0: number, x1: number): { from: number; to: number } {
  return { from: Math.floor(x0 / BLOCK_W) - 1, to: Math.ceil(x1 / BLOCK_W) + 1 }
}

export function streetsBetween(y0: number, y1: number): { from: number; to: number } {
  return { from: Math.floor(y0 / BLOCK_H) - 1, to: Math.ceil(y1 / BLOCK_H) + 1 }
}

export type RoadClass = 'major' | 'arterial' | 'minor'

const mod = (n: number, m: number) => ((n % m) + m) % m

export function avenueClass(i: number): RoadClass {
  if (mod(i, 40) === 0) return 'major'
  return mod(i, 8) === 0 ? 'arterial' : 'minor'
}

export function streetClass(j: number): RoadClass {
  if (mod(j, 30) === 0) return 'major'
  return mod(j, 6) === 0 ? 'arterial' : 'minor'
}

/**
 * The park a block belongs to, or null. Parks come in three sizes: a single block, two by two
 * blocks, and four by four; a larger park wins where they overlap. About one block in twenty is
 * park: the demo's addresses are not placed with the plan in mind, so few should land in one.
 */
export function parkOf(i: number, j: number): { size: 1 | 2 | 4; key: string } | null {
  const bi = Math.floor(i / 4)
  const bj = Math.floor(j / 4)
  if (planHash(4, bi, bj) < 0.012) return { size: 4, key: `4:${bi}:${bj}` }
  const mi = Math.floor(i / 2)
  const mj = Math.floor(j / 2)
  if (planHash(3, mi, mj) < 0.015) return { size: 2, key: `2:${mi}:${mj}` }
  if (planHash(5, i, j) < 0.02) return { size: 1, key: `1:${i}:${j}` }
  return null
}

/**
 * Whether the minor street segment between two blocks is left out: some blocks are merged into
 * longer ones, and streets do not run through a park.
 */
export function segmentMissing(
  kind: 'avenue' | 'street',
  i: number,
  j: number,
  blockA: { i: number; j: number },
  blockB: { i: number; j: number },
): boolean {
  const parkA = parkOf(blockA.i, blockA.j)
  const parkB = parkOf(blockB.i, blockB.j)
  if (parkA !== null && parkA.key === parkB?.key) return true
  return planHash(kind === 'avenue' ? 6 : 7, i, j) < 0.08
}

/** Houses along the north and south sides of a block, as plan-pixel rectangles. */
export function housesOf(
  i: number,
  j: number,
  setback: number,
): Array<{ x: number; y: number; w: number; h: number }> {
  if (parkOf(i, j) !== null) return []
  const left = avenueX(i) + setback
  const right = avenueX(i + 1) - setback
  const top = streetY(j) + setback
  const bottom = streetY(j + 1) - setback
  const depthLimit = (bottom - top) / 2 - 8
  const houses: Array<{ x: number; y: number; w: number; h: number }> = []
  for (const side of [0, 1]) {
    let x = left + 4
    let k = 0
    while (true) {
      const lot = 30 + Math.floor(planHash(8, i, j, side, k) * 16)
      if (x + lot > right - 4) break
      const w = lot - 6 - Math.floor(planHash(9, i, j, side, k) * 5)
      const h = Math.min(depthLimit, 34 + Math.floor(planHash(10, i, j, side, k) * 26))
      if (planHash(11, i, j, side, k) > 0.1) {
        houses.push({ x, y: side === 0 ? top : bottom - h, w, h })
      }
      x += lot
      k += 1
    }
  }
  return houses
}

/** The block (avenue and street numbers of its west and north sides) a plan position falls in. */
export function blockAt(x: number, y: number): { i: number; j: number } {
  let i = Math.floor(x / BLOCK_W)
  while (avenueX(i) > x) i -= 1
  while (avenueX(i + 1) <= x) i += 1
  let j = Math.floor(y / BLOCK_H)
  while (streetY(j) > y) j -= 1
  while (streetY(j + 1) <= y) j += 1
  return { i, j }
}
