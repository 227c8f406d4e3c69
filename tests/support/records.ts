// Builders for contract records and photo bytes that the fault server serves. Photos are real
// images made with sharp (noise, so that they are large enough to be cut mid-transfer), plus the
// hostile kinds: bytes that are no image, and an "image bomb" PNG whose header declares
// 60000 × 60000 pixels while the file is a few hundred bytes.
import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import type { CaseRecord, Photo } from '../../electron/core/contract/schemas.ts'
import { makeDelivery } from '../core/fixtures/deliveries.ts'

export { makeDelivery }

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export interface PhotoFile {
  bytes: Buffer
  sha256: string
}

/** A small deterministic PRNG (mulberry32), for reproducible noise and test worlds. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A real JPEG of coloured noise; `seed` picks the noise, so equal seeds give equal bytes. */
export async function makeJpeg(seed: number, width = 160, height = 120): Promise<PhotoFile> {
  const random = prng(seed)
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(random() * 256)
  const bytes = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer()
  return { bytes, sha256: sha256Of(bytes) }
}

/** Bytes that hash correctly but are not an image of any kind. */
export function notAnImage(text = 'This is a shipping manifest, not a photo.\n'): PhotoFile {
  const bytes = Buffer.from(text.repeat(20), 'utf8')
  return { bytes, sha256: sha256Of(bytes) }
}

/**
 * A PNG whose IHDR declares `width` × `height` pixels (60000² = 3.6 gigapixels) with a valid CRC,
 * followed by a tiny IDAT. A decoder that trusted the header would try to allocate ~10 GB.
 */
export function imageBombPng(width = 60_000, height = 60_000): PhotoFile {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([length, typed, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.writeUInt8(8, 8) // bit depth
  ihdr.writeUInt8(2, 9) // colour type: RGB
  ihdr.writeUInt8(0, 10) // compression
  ihdr.writeUInt8(0, 11) // filter
  ihdr.writeUInt8(0, 12) // interlace
  // Four rows of zeros (filter byte + RGB): compresses to a few hundred bytes.
  const idat = deflateSync(Buffer.alloc(4 * (1 + width * 3)), { level: 9 })
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return { bytes, sha256: sha256Of(bytes) }
}

/** The record of a photo whose bytes are `file`. */
export function photoRecord(
  id: string,
  file: PhotoFile,
  contentType: Photo['contentType'] = 'image/jpeg',
): Photo {
  return {
    id,
    sha256: file.sha256,
    bytes: file.bytes.length,
    contentType,
    width: 160,
    height: 120,
    takenAt: '2026-11-20T17:29:50Z',
    location: { lat: 47.6146, lng: -122.3276, accuracyM: 6 },
  }
}

export function tombstone(id: string, version: number) {
  return { id, version, updatedAt: '2026-11-22T08:00:00Z', deleted: true as const }
}

/** A deterministic UUID (v4 layout) from a number, so tests can name cases. */
export function uuidOf(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12)
  return `00000000-0000-4000-8000-${hex}`
}

export function makeCase(
  n: number,
  deliveryId: string,
  overrides: Partial<CaseRecord> = {},
): CaseRecord {
  return {
    id: uuidOf(n),
    version: 1,
    updatedAt: '2026-11-21T09:00:00Z',
    deliveryId,
    orderId: `114-0000000-${String(n).padStart(7, '0')}`,
    status: 'open',
    reason: 'not_received',
    openedAt: '2026-11-21T09:00:00Z',
    openedBy: 'agent-1',
    assigneeId: null,
    resolution: null,
    notes: [],
    ...overrides,
  }
}
