// A perceptual hash of a photo (the DCT "pHash"): 64 bits that stay nearly the same when the same
// picture is re-encoded, resized, slightly cropped or brightened, and differ in about half their
// bits between unrelated pictures. The image is reduced to 32 × 32 grey pixels, transformed with
// a 2-D DCT-II, and each of the 8 × 8 lowest frequencies after the constant one (rows and columns
// 1-8) gives one bit: whether it is above their median. A brightness shift moves only the constant
// term and a contrast change scales every term alike, so neither moves a bit.
import type { Sharp } from 'sharp'

/** Side of the grey image the transform runs over. */
const SIZE = 32
/** Frequencies kept per axis (from 1, skipping the constant term). */
const KEPT = 8

/** The 64-bit hash as two unsigned 32-bit halves (high word first). */
export interface PerceptualHash {
  hi: number
  lo: number
}

// cos((2x + 1) u π / 2N) for u in 1..KEPT and x in 0..SIZE-1, computed once.
const COSINES: Float64Array[] = Array.from({ length: KEPT }, (_, k) => {
  const u = k + 1
  const row = new Float64Array(SIZE)
  for (let x = 0; x < SIZE; x++) row[x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))
  return row
})

/**
 * The hash of 32 × 32 grey pixels (row-major, one byte each). Pure, so the same pixels give the
 * same hash on every platform.
 */
export function hashGreyPixels(pixels: Uint8Array | Buffer): PerceptualHash {
  if (pixels.length !== SIZE * SIZE) {
    throw new Error(`expected ${SIZE * SIZE} grey pixels, got ${pixels.length}`)
  }
  // Separable DCT: first along each row (only the kept frequencies), then down each column.
  const rows = new Float64Array(SIZE * KEPT)
  for (let y = 0; y < SIZE; y++) {
    for (let k = 0; k < KEPT; k++) {
      const cos = COSINES[k] as Float64Array
      let sum = 0
      for (let x = 0; x < SIZE; x++) sum += (pixels[y * SIZE + x] as number) * (cos[x] as number)
      rows[y * KEPT + k] = sum
    }
  }
  const coefficients = new Float64Array(KEPT * KEPT)
  for (let v = 0; v < KEPT; v++) {
    const cos = COSINES[v] as Float64Array
    for (let k = 0; k < KEPT; k++) {
      let sum = 0
      for (let y = 0; y < SIZE; y++) sum += (rows[y * KEPT + k] as number) * (cos[y] as number)
      coefficients[v * KEPT + k] = sum
    }
  }
  const sorted = Float64Array.from(coefficients).sort()
  const median = ((sorted[31] as number) + (sorted[32] as number)) / 2
  let hi = 0
  let lo = 0
  for (let i = 0; i < 64; i++) {
    if ((coefficients[i] as number) <= median) continue
    if (i < 32) hi |= 1 << (31 - i)
    else lo |= 1 << (63 - i)
  }
  return { hi: hi >>> 0, lo: lo >>> 0 }
}

/**
 * The grey 32 × 32 pixels a hash is taken of, from any image sharp reads (file path, encoded
 * bytes, or a sharp pipeline such as a thumbnail's decoded pixels). The EXIF orientation is
 * applied first, so a photo hashes as it is shown.
 */
export async function greyPixelsOf(input: Sharp): Promise<Buffer> {
  return input
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(SIZE, SIZE, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer()
}

/** The perceptual hash of an image sharp can read. */
export async function perceptualHash(input: Sharp): Promise<PerceptualHash> {
  return hashGreyPixels(await greyPixelsOf(input))
}

/** Bits that differ between two hashes (0-64). */
export function hammingDistance(a: PerceptualHash, b: PerceptualHash): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0)
}

export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** As 16 hex digits, for the command line and logs. */
export function hashHex(hash: PerceptualHash): string {
  return hash.hi.toString(16).padStart(8, '0') + hash.lo.toString(16).padStart(8, '0')
}

/**
 * Two photos "look the same" at this distance or less. Measured on a labelled set of demo photos
 * (tests/core/photos/perceptual-hash.test.ts): between the photos of 150 different drop-offs
 * (11,175 pairs) no pair was this close (the nearest were 12 bits apart, 6 pairs), while copies
 * re-encoded, resized, brightened or darkened all were (at most 10 bits), as were 99% of copies
 * cropped by 1% on every side and 94% of those cropped by 2% on one. The hash's bits are half ones
 * and half zeros, so distances are even: 10 and 11 are the same limit.
 */
export const LOOKALIKE_DISTANCE = 10
