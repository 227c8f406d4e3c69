// The perceptual hash, and the look-alike distances justified on a labelled set: photos of
// different drop-offs of the demo world (never the same) against copies of one photo re-encoded,
// resized, brightened, darkened and slightly cropped (always the same).
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateWorld } from '../../../electron/core/demo-service/generate.ts'
import { renderPhoto } from '../../../electron/core/demo-service/photo-render.ts'
import { photoHash } from '../../../electron/core/photos/thumbnails.ts'
import {
  DETAIL_LOOKALIKE_DISTANCE,
  LOOKALIKE_DISTANCE,
  detailDistance,
  greyCells,
  hammingDistance,
  hashGreyPixels,
  looksAlike,
  type PerceptualHash,
} from '../../../electron/core/photos/perceptual-hash.ts'

const DIFFERENT = 200
const COPIED = 40

type Copy = (jpeg: Buffer, width: number, height: number) => Promise<Buffer>
const crop =
  (left: number, top: number, right: number, bottom: number): Copy =>
  (jpeg, w, h) =>
    sharp(jpeg)
      .extract({
        left: Math.round(w * left),
        top: Math.round(h * top),
        width: w - Math.round(w * left) - Math.round(w * right),
        height: h - Math.round(h * top) - Math.round(h * bottom),
      })
      .jpeg({ quality: 85 })
      .toBuffer()
const ALWAYS: Record<string, Copy> = {
  're-encoded at quality 40': (jpeg) => sharp(jpeg).jpeg({ quality: 40 }).toBuffer(),
  halved: (jpeg, w) =>
    sharp(jpeg)
      .resize(Math.round(w / 2))
      .jpeg({ quality: 80 })
      .toBuffer(),
  'a 320 px WebP': (jpeg) => sharp(jpeg).resize(320).webp({ quality: 60 }).toBuffer(),
  'brightened 10%': (jpeg) => sharp(jpeg).modulate({ brightness: 1.1 }).jpeg().toBuffer(),
  'darkened 15%': (jpeg) => sharp(jpeg).linear(0.85, 0).jpeg().toBuffer(),
}
const MOSTLY: Record<string, Copy> = {
  'cropped 1% on every side': crop(0.01, 0.01, 0.01, 0.01),
}

/** As the console hashes a photo it downloads: from its thumbnail's pixels. */
async function hashOf(bytes: Buffer): Promise<PerceptualHash> {
  const hash = await photoHash(bytes)
  if (!hash) throw new Error('not an image')
  return hash
}

let scenes: ReturnType<typeof generateWorld>['scenes'] extends Map<string, infer S> ? S[] : never
let photos: Buffer[]
let hashes: PerceptualHash[]

beforeAll(async () => {
  const world = generateWorld({
    seed: 11,
    deliveries: 600,
    anchor: new Date('2026-03-01T00:00:00Z'),
  })
  // Photos of different drop-offs: the reusing driver's copies of an earlier photo are left out.
  scenes = [...world.scenes.values()].filter((scene) => !scene.reuse).slice(0, DIFFERENT)
  photos = []
  for (const scene of scenes) photos.push(await renderPhoto(scene))
  hashes = await Promise.all(photos.map((photo) => hashOf(photo)))
}, 120_000)

describe('perceptual hash', () => {
  it('is 64 bits, half of them set, the same for the same pixels and unmoved by a brightness shift', () => {
    const pixels = Buffer.alloc(32 * 32)
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + (i >> 5) * 11) % 200
    const hash = hashGreyPixels(pixels)
    const ones = [hash.hi, hash.lo].reduce((n, w) => n + w.toString(2).replace(/0/g, '').length, 0)
    expect(ones).toBe(32)
    expect(hashGreyPixels(Buffer.from(pixels))).toEqual(hash)
    expect(hashGreyPixels(pixels.map((v) => v + 40))).toEqual(hash)
    expect(() => hashGreyPixels(Buffer.alloc(10))).toThrow(/1024 grey pixels/)
  })

  it('reduces raw pixels of any size and 1-4 channels to 32 × 32 grey cells, alpha over white', () => {
    const solid = (width: number, height: number, pixel: number[]) =>
      greyCells(
        Uint8Array.from(
          { length: width * height * pixel.length },
          (_, i) => pixel[i % pixel.length]!,
        ),
        width,
        height,
        pixel.length,
      )
    expect(solid(320, 240, [200, 100, 50])).toEqual(new Uint8Array(1024).fill(124))
    expect(solid(7, 5, [90])).toEqual(new Uint8Array(1024).fill(90))
    expect(solid(40, 40, [10, 0])).toEqual(new Uint8Array(1024).fill(255))
    expect(solid(64, 64, [0, 0, 0, 255])).toEqual(new Uint8Array(1024).fill(0))
    // A left half black and a right half white stay so, with a soft edge between.
    const halves = new Uint8Array(100 * 10)
    for (let y = 0; y < 10; y++) halves.fill(255, y * 100 + 50, y * 100 + 100)
    const cells = greyCells(halves, 100, 10, 1)
    expect(cells[0]).toBe(0)
    expect(cells[31]).toBe(255)
    expect(cells[15]! + cells[16]!).toBeGreaterThan(200)
    expect(() => greyCells(new Uint8Array(10), 4, 4, 1)).toThrow(/expected 16 bytes/)
    expect(() => greyCells(new Uint8Array(0), 0, 4, 3)).toThrow(/cannot hash/)
  })

  it('keeps 256 bits of detail, half of them set, the same for the same pixels', () => {
    const pixels = Buffer.alloc(32 * 32)
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 53 + (i >> 5) * 7) % 230
    const hash = hashGreyPixels(pixels)
    expect(hash.detail).toHaveLength(32)
    const ones = [...hash.detail].reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0)
    expect(ones).toBe(128)
    expect(detailDistance(hash.detail, hashGreyPixels(pixels.map((v) => v + 20)).detail)).toBe(0)
    const inverted = hashGreyPixels(pixels.map((v) => 255 - v))
    expect(detailDistance(hash.detail, inverted.detail)).toBeGreaterThan(200)
    expect(looksAlike(hash, inverted)).toBe(false)
    expect(() => detailDistance(hash.detail, new Uint8Array(8))).toThrow(/32 bytes/)
  })

  it(`never takes photos of different drop-offs for each other, though their broad shapes can be within ${LOOKALIKE_DISTANCE} coarse bits`, () => {
    const distances: number[] = []
    const alike: string[] = []
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        distances.push(hammingDistance(hashes[i]!, hashes[j]!))
        if (looksAlike(hashes[i]!, hashes[j]!)) alike.push(`${i}-${j}`)
      }
    }
    expect(distances).toHaveLength((DIFFERENT * (DIFFERENT - 1)) / 2)
    expect(alike).toEqual([])
    // The coarse bits alone, as the table searches them: rare (the bound, 1 pair in
    // 1,000), but among a million photos that is a thousand false matches each.
    const close = distances.filter((d) => d <= LOOKALIKE_DISTANCE).length
    expect(close / distances.length).toBeLessThanOrEqual(1 / 1000)
    // This world has such pairs (one), which the coarse bits alone took for the same photo: the
    // detail hash is what tells them apart above.
    expect(close).toBeGreaterThan(0)
    // Unrelated photos differ in about half their bits.
    distances.sort((a, b) => a - b)
    expect(distances[distances.length >> 1]).toBeGreaterThanOrEqual(26)
  })

  it.each(Object.keys(ALWAYS))('finds every copy %s', async (name) => {
    for (let i = 0; i < COPIED; i++) {
      const { width, height } = scenes[i]!
      const copy = await hashOf(await ALWAYS[name]!(photos[i]!, width, height))
      expect(hammingDistance(copy, hashes[i]!)).toBeLessThanOrEqual(LOOKALIKE_DISTANCE)
      expect(detailDistance(copy.detail, hashes[i]!.detail)).toBeLessThanOrEqual(
        DETAIL_LOOKALIKE_DISTANCE,
      )
    }
  })

  it.each(Object.keys(MOSTLY))('finds nine copies in ten %s', async (name) => {
    let found = 0
    for (let i = 0; i < COPIED; i++) {
      const { width, height } = scenes[i]!
      const copy = await hashOf(await MOSTLY[name]!(photos[i]!, width, height))
      if (looksAlike(copy, hashes[i]!)) found++
    }
    expect(found / COPIED).toBeGreaterThanOrEqual(0.9)
  })

  it('finds more than half of the copies cropped by 2% on the left and bottom', async () => {
    const cropped = crop(0.02, 0, 0, 0.02)
    let found = 0
    for (let i = 0; i < COPIED; i++) {
      const { width, height } = scenes[i]!
      if (looksAlike(await hashOf(await cropped(photos[i]!, width, height)), hashes[i]!)) found++
    }
    expect(found / COPIED).toBeGreaterThan(0.5)
  })
})
