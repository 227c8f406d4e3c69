// A perceptual hash of a photo (the DCT "pHash"): bits that stay nearly the same when the same
// picture is re-encoded, resized, slightly cropped or brightened, and differ in about half their
// bits between unrelated pictures. The image is reduced to 32 × 32 grey pixels and transformed
// with a 2-D DCT-II. Each of the 8 × 8 lowest frequencies after the constant one (rows and columns
// 1-8) gives one bit of the coarse hash: whether it is above their median. The 16 × 16 lowest
// (1-16) give the 256 bits of the detail hash the same way. A brightness shift moves only the
// constant term and a contrast change scales every term alike, so neither moves a bit.
//
// Two photos look alike when both are close: the coarse 64 bits find the candidates fast (the
// look-alike table searches them), and the finer detail tells apart different porches that share
// their broad shapes (a door in the middle, a parcel below), which the coarse bits alone do not.
/** Side of the grey image the transform runs over. */
const SIZE = 32
/** Frequencies kept per axis for the coarse hash (from 1, skipping the constant term). */
const COARSE = 8
/** Frequencies kept per axis for the detail hash. */
const DETAIL = 16
/** Bytes of the detail hash (256 bits). */
export const DETAIL_BYTES = (DETAIL * DETAIL) / 8

/** The 64 bits the look-alike table is searched by, as two unsigned 32-bit halves (high first). */
export interface CoarseHash {
  hi: number
  lo: number
}

/** A photo's perceptual hash: the coarse 64 bits and the 256 bits of detail that confirm them. */
export interface PerceptualHash extends CoarseHash {
  detail: Uint8Array
}

// cos((2x + 1) u π / 2N) for u in 1..DETAIL and x in 0..SIZE-1, computed once.
const COSINES: Float64Array[] = Array.from({ length: DETAIL }, (_, k) => {
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
  const coefficients = lowFrequencies(pixels)
  const coarse = new Float64Array(COARSE * COARSE)
  for (let v = 0; v < COARSE; v++) {
    for (let u = 0; u < COARSE; u++) coarse[v * COARSE + u] = coefficients[v * DETAIL + u] as number
  }
  const coarseBits = aboveMedian(coarse)
  let hi = 0
  let lo = 0
  for (let i = 0; i < 64; i++) {
    if (!coarseBits[i]) continue
    if (i < 32) hi |= 1 << (31 - i)
    else lo |= 1 << (63 - i)
  }
  const detailBits = aboveMedian(coefficients)
  const detail = new Uint8Array(DETAIL_BYTES)
  for (let i = 0; i < detailBits.length; i++) {
    if (detailBits[i]) detail[i >> 3] = (detail[i >> 3] as number) | (0x80 >> (i & 7))
  }
  return { hi: hi >>> 0, lo: lo >>> 0, detail }
}

/** The DCT-II coefficients for frequencies 1..DETAIL on both axes, row (v) by row. */
function lowFrequencies(pixels: Uint8Array | Buffer): Float64Array {
  // Separable: first along each row (only the kept frequencies), then down each column.
  const rows = new Float64Array(SIZE * DETAIL)
  for (let y = 0; y < SIZE; y++) {
    for (let k = 0; k < DETAIL; k++) {
      const cos = COSINES[k] as Float64Array
      let sum = 0
      for (let x = 0; x < SIZE; x++) sum += (pixels[y * SIZE + x] as number) * (cos[x] as number)
      rows[y * DETAIL + k] = sum
    }
  }
  const coefficients = new Float64Array(DETAIL * DETAIL)
  for (let v = 0; v < DETAIL; v++) {
    const cos = COSINES[v] as Float64Array
    for (let k = 0; k < DETAIL; k++) {
      let sum = 0
      for (let y = 0; y < SIZE; y++) sum += (rows[y * DETAIL + k] as number) * (cos[y] as number)
      coefficients[v * DETAIL + k] = sum
    }
  }
  return coefficients
}

/** Whether each value is above the values' median (so half of them are). */
function aboveMedian(values: Float64Array): boolean[] {
  const sorted = Float64Array.from(values).sort()
  const half = sorted.length >> 1
  const median = ((sorted[half - 1] as number) + (sorted[half] as number)) / 2
  return Array.from(values, (value) => value > median)
}

/**
 * The grey 32 × 32 pixels a hash is taken of, from raw pixels as sharp gives them (1-4 channels,
 * 8 bits each, row-major): each channel's light weighted as Rec. 601 luma, any alpha laid over
 * white, then each cell a weighted mean of the pixels around it (see taps). Plain
 * arithmetic here instead of a second image pipeline: a thumbnail's pixels are already in memory.
 */
export function greyCells(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Uint8Array {
  if (width < 1 || height < 1 || channels < 1 || channels > 4) {
    throw new Error(`cannot hash a ${width} × ${height} image of ${channels} channels`)
  }
  if (data.length !== width * height * channels) {
    throw new Error(`expected ${width * height * channels} bytes of pixels, got ${data.length}`)
  }
  const across = taps(width)
  const down = taps(height)
  // Each source row reduced to SIZE columns, then the rows reduced to SIZE.
  const rows = new Float64Array(height * SIZE)
  const line = new Float64Array(width)
  for (let y = 0; y < height; y++) {
    greyLine(data, y * width * channels, width, channels, line)
    for (let c = 0; c < SIZE; c++) rows[y * SIZE + c] = weighed(across, c, (x) => line[x] as number)
  }
  const cells = new Float64Array(SIZE * SIZE)
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      cells[r * SIZE + c] = weighed(down, r, (y) => rows[y * SIZE + c] as number)
    }
  }
  return Uint8Array.from(cells, (value) => Math.round(value))
}

/** The grey of each pixel of one row (0-255), alpha laid over white. */
function greyLine(
  data: Uint8Array,
  offset: number,
  width: number,
  channels: number,
  into: Float64Array,
): void {
  for (let x = 0, i = offset; x < width; x++, i += channels) {
    let grey =
      channels <= 2
        ? (data[i] as number)
        : 0.299 * (data[i] as number) +
          0.587 * (data[i + 1] as number) +
          0.114 * (data[i + 2] as number)
    if (channels === 2 || channels === 4) {
      const alpha = (data[i + channels - 1] as number) / 255
      grey = grey * alpha + 255 * (1 - alpha)
    }
    into[x] = grey
  }
}

interface Taps {
  /** Cell c's taps are start[c] to start[c + 1] - 1. */
  start: Uint32Array
  pixel: Uint32Array
  weight: Float64Array
}

/**
 * Which source pixels along an axis of `length` make each of the SIZE cells, and by how much: a
 * tent two cells wide (at least two pixels) centred on the cell, so a picture shifted by a fraction
 * of a cell changes every cell a little rather than a few a lot (slight crops move the hash less).
 * Each cell's weights add up to 1.
 */
function taps(length: number): Taps {
  const scale = length / SIZE
  const reach = Math.max(scale, 1)
  const start = new Uint32Array(SIZE + 1)
  const pixel: number[] = []
  const weight: number[] = []
  for (let c = 0; c < SIZE; c++) {
    start[c] = pixel.length
    const centre = (c + 0.5) * scale - 0.5
    const first = Math.max(0, Math.ceil(centre - reach))
    const last = Math.min(length - 1, Math.floor(centre + reach))
    let total = 0
    for (let i = first; i <= last; i++) total += Math.max(0, 1 - Math.abs(i - centre) / reach)
    for (let i = first; i <= last; i++) {
      const share = Math.max(0, 1 - Math.abs(i - centre) / reach)
      if (share <= 0) continue
      pixel.push(i)
      weight.push(share / total)
    }
  }
  start[SIZE] = pixel.length
  return { start, pixel: Uint32Array.from(pixel), weight: Float64Array.from(weight) }
}

/** Cell c: its taps' values, weighed. */
function weighed(taps: Taps, c: number, value: (pixel: number) => number): number {
  let sum = 0
  for (let k = taps.start[c] as number; k < (taps.start[c + 1] as number); k++) {
    sum += value(taps.pixel[k] as number) * (taps.weight[k] as number)
  }
  return sum
}

/** The perceptual hash of raw pixels (see greyCells). */
export function hashRawPixels(
  data: Uint8Array,
  info: { width: number; height: number; channels: number },
): PerceptualHash {
  return hashGreyPixels(greyCells(data, info.width, info.height, info.channels))
}

/** Bits that differ between two coarse hashes (0-64). */
export function hammingDistance(a: CoarseHash, b: CoarseHash): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0)
}

/** Bits that differ between two detail hashes (0-256). */
export function detailDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== DETAIL_BYTES || b.length !== DETAIL_BYTES) {
    throw new Error(`a detail hash has ${DETAIL_BYTES} bytes`)
  }
  let bits = 0
  for (let i = 0; i < DETAIL_BYTES; i += 4) bits += popcount32((wordAt(a, i) ^ wordAt(b, i)) >>> 0)
  return bits
}

function wordAt(bytes: Uint8Array, i: number): number {
  return (
    (((bytes[i] as number) << 24) |
      ((bytes[i + 1] as number) << 16) |
      ((bytes[i + 2] as number) << 8) |
      (bytes[i + 3] as number)) >>>
    0
  )
}

export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** As 16 hex digits (the coarse hash), for the command line and logs. */
export function hashHex(hash: CoarseHash): string {
  return hash.hi.toString(16).padStart(8, '0') + hash.lo.toString(16).padStart(8, '0')
}

/**
 * Two photos look the same when their coarse hashes are this many bits apart or less, and their
 * detail hashes at most DETAIL_LOOKALIKE_DISTANCE. Measured on labelled demo photos
 * (tests/core/photos/perceptual-hash.test.ts, and the 2,514 photos of the 2,000-delivery demo
 * world with 80 copies of each kind): copies re-encoded, resized, brightened or darkened are at
 * most 6 coarse and 14 detail bits from their original, copies cropped by 1% on every side at most
 * 8 and 36. Photos of different drop-offs come as close as 4 coarse bits (265 pairs of the demo
 * world's 3.16 million within 10), because the demo's porches share their broad shapes, but never
 * closer than 44 detail bits. A copy cropped by 2% on one side only is found about two times in
 * three: the shift moves the finer frequencies most. The hash's bits are half ones and half zeros,
 * so distances are even.
 */
export const LOOKALIKE_DISTANCE = 10
export const DETAIL_LOOKALIKE_DISTANCE = 40

/** Whether two photos' hashes look the same (both distances within their limits). */
export function looksAlike(a: PerceptualHash, b: PerceptualHash): boolean {
  return (
    hammingDistance(a, b) <= LOOKALIKE_DISTANCE &&
    detailDistance(a.detail, b.detail) <= DETAIL_LOOKALIKE_DISTANCE
  )
}
