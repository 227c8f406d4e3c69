// Photos: bytes that hash to the record, EXIF that matches it, Range resume, erasure and
// withholding, and the same bytes for the same world.
import { createHash } from 'node:crypto'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeliveryRecordSchema, ProblemSchema } from '../../../electron/core/contract/schemas.ts'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { localParts } from '../../../electron/core/demo-service/local-time.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { getJson, pullAll, signIn, startHarness } from './helpers.ts'
import type { Harness } from './helpers.ts'

let harness: Harness
let token: string
let records: DeliveryRecord[]

beforeAll(async () => {
  harness = await startHarness({ deliveries: 60, seed: 3 })
  token = await signIn(harness.url)
  const pages = await pullAll(harness.url, token, 'deliveries', 1000)
  records = pages.flatMap((page) => page.items).map((item) => DeliveryRecordSchema.parse(item))
})
afterAll(async () => {
  await harness.stop()
})

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
const photoUrl = (id: string): string => `${harness.url}/v1/photos/${id}`

function zoneOf(record: DeliveryRecord): string {
  return record.address.region === 'VA' ? 'America/New_York' : 'America/Los_Angeles'
}

describe('GET /v1/photos/{photoId}', () => {
  it('serves bytes whose sha256, size, dimensions and EXIF match the record', async () => {
    const photos = records.flatMap((record) => record.photos.map((photo) => ({ record, photo })))
    expect(photos.length).toBeGreaterThan(40)
    for (const { record, photo } of photos) {
      const response = await getJson(photoUrl(photo.id), token)
      expect(response.status).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(response.headers.get('content-type')).toBe(photo.contentType)
      expect(Number(response.headers.get('content-length'))).toBe(photo.bytes)
      expect(response.headers.get('etag')).toBe(`"${photo.sha256}"`)
      expect(bytes.length).toBe(photo.bytes)
      expect(sha256(bytes)).toBe(photo.sha256)

      const meta = await sharp(bytes).metadata()
      expect(meta.format).toBe('jpeg')
      expect([meta.width, meta.height]).toEqual([photo.width, photo.height])
      const exif = exifReader(meta.exif as Buffer)
      // DateTimeOriginal is local wall time; exif-reader reads it as if it were UTC.
      const local = localParts(new Date(photo.takenAt), zoneOf(record))
      const wall = Date.UTC(
        local.year,
        local.month - 1,
        local.day,
        local.hour,
        local.minute,
        local.second,
      )
      expect(exif.Photo?.DateTimeOriginal?.getTime()).toBe(wall)
      const offset = exif.Photo?.OffsetTimeOriginal as string
      const [hours, minutes] = offset.slice(1).split(':').map(Number) as [number, number]
      const offsetMs = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000
      expect(wall - offsetMs).toBe(Date.parse(photo.takenAt))
      if (photo.location) {
        const gps = exif.GPSInfo
        const decimal = (dms: number[] | undefined, ref: string | undefined): number => {
          const [d = 0, m = 0, s = 0] = dms ?? []
          return (ref === 'S' || ref === 'W' ? -1 : 1) * (d + m / 60 + s / 3600)
        }
        expect(decimal(gps?.GPSLatitude, gps?.GPSLatitudeRef)).toBeCloseTo(photo.location.lat, 6)
        expect(decimal(gps?.GPSLongitude, gps?.GPSLongitudeRef)).toBeCloseTo(photo.location.lng, 6)
      } else {
        expect(exif.GPSInfo?.GPSLatitude).toBeUndefined()
      }
      expect(
        Buffer.compare((await harness.service.world.photoBytes(photo.id)) as Buffer, bytes),
      ).toBe(0)
    }
  })

  it('resumes with Range: bytes=N- (206) and refuses a start past the end (416)', async () => {
    const photo = records.find((record) => record.photos.length > 0)?.photos[0]
    if (!photo) throw new Error('no photo')
    const whole = Buffer.from(await (await getJson(photoUrl(photo.id), token)).arrayBuffer())

    const partial = await getJson(photoUrl(photo.id), token, { Range: 'bytes=1000-' })
    expect(partial.status).toBe(206)
    expect(partial.headers.get('content-range')).toBe(
      `bytes 1000-${photo.bytes - 1}/${photo.bytes}`,
    )
    expect(partial.headers.get('etag')).toBe(`"${photo.sha256}"`)
    expect(Number(partial.headers.get('content-length'))).toBe(photo.bytes - 1000)
    const rest = Buffer.from(await partial.arrayBuffer())
    expect(Buffer.compare(rest, whole.subarray(1000))).toBe(0)

    const fromZero = await getJson(photoUrl(photo.id), token, { Range: 'bytes=0-' })
    expect(fromZero.status).toBe(206)
    expect(sha256(Buffer.from(await fromZero.arrayBuffer()))).toBe(photo.sha256)

    const past = await getJson(photoUrl(photo.id), token, { Range: `bytes=${photo.bytes}-` })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${photo.bytes}`)
    ProblemSchema.parse(await past.json())

    // Other Range forms are not part of the contract; the whole photo comes back.
    const other = await getJson(photoUrl(photo.id), token, { Range: 'bytes=0-99' })
    expect(other.status).toBe(200)
    expect((await other.arrayBuffer()).byteLength).toBe(photo.bytes)
  })

  it('lets an interrupted download resume to the exact bytes', async () => {
    const photo = records.find((record) => record.photos.length > 0)?.photos[0]
    if (!photo) throw new Error('no photo')
    harness.service.injectFault({ path: `/v1/photos/${photo.id}`, truncateAfterBytes: 2000 })
    const cut = await getJson(photoUrl(photo.id), token)
    expect(cut.status).toBe(200)
    const received: Uint8Array[] = []
    const reader = (cut.body as ReadableStream<Uint8Array>).getReader()
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          received.push(value)
        }
      })(),
    ).rejects.toThrow()
    const head = Buffer.concat(received)
    expect(head.length).toBe(2000)
    const rest = await getJson(photoUrl(photo.id), token, { Range: `bytes=${head.length}-` })
    expect(rest.status).toBe(206)
    const bytes = Buffer.concat([head, Buffer.from(await rest.arrayBuffer())])
    expect(sha256(bytes)).toBe(photo.sha256)
  })

  it('answers 429/503 with Retry-After when a fault is injected', async () => {
    harness.service.injectFault({ path: '/v1/photos/', status: 503, retryAfterSeconds: 7 })
    const busy = await getJson(photoUrl('pho_anything'), token)
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('7')
    expect((await getJson(photoUrl('pho_anything'), token)).status).toBe(404)
  })

  it('answers 400 to invalid ids and 404 to unknown ones', async () => {
    expect((await getJson(photoUrl('a'.repeat(65)), token)).status).toBe(400)
    expect((await getJson(photoUrl('pho%20x'), token)).status).toBe(400)
    expect((await getJson(photoUrl('pho_doesnotexist'), token)).status).toBe(404)
  })

  it('answers 410 for erased photos and photos of withheld or deleted deliveries', async () => {
    const world = harness.service.world
    const [a, b, c] = world
      .deliveryDrafts()
      .filter((d): d is DeliveryDraft => !d.deleted && d.photos.length > 0)
    if (!a || !b || !c) throw new Error('world too small')
    const erased = a.photos[0]?.id as string
    world.erasePhoto(erased)
    world.updateDelivery(b.id, { photoWithheld: 'customer_opted_out' })
    world.deleteDelivery(c.id)
    for (const id of [erased, b.photos[0]?.id, c.photos[0]?.id]) {
      const response = await getJson(photoUrl(id as string), token)
      expect(response.status).toBe(410)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(await world.photoBytes(id as string)).toBeNull()
    }
    const withheld = (await world.delivery(b.id)) as DeliveryRecord
    expect(withheld.photos).toEqual([])
    expect(withheld.photoWithheld).toBe('customer_opted_out')
  })

  it('never serves photos on withheld deliveries', () => {
    const withheld = records.filter((record) => record.photoWithheld !== null)
    for (const record of withheld) expect(record.photos).toEqual([])
  })
})

describe('determinism', () => {
  it('gives identical records and photo bytes for the same options, in another cache folder', async () => {
    const twin = await startHarness({ deliveries: 60, seed: 3 })
    try {
      const twinToken = await signIn(twin.url)
      const first = await getJson(`${twin.url}/v1/sync/deliveries?limit=15`, twinToken)
      const items = ((await first.json()) as { items: DeliveryRecord[] }).items
      const mine = new Map(records.map((record) => [record.id, record]))
      expect(items.length).toBe(15)
      for (const item of items) expect(JSON.stringify(item)).toBe(JSON.stringify(mine.get(item.id)))
    } finally {
      await twin.stop()
    }
  })

  it('gives different photos for another seed', async () => {
    const other = await startHarness({ deliveries: 5, seed: 4 })
    try {
      const records4 = (await other.service.world.deliveries()) as DeliveryRecord[]
      const hashes = new Set(records.flatMap((r) => r.photos.map((p) => p.sha256)))
      for (const record of records4)
        for (const photo of record.photos) expect(hashes.has(photo.sha256)).toBe(false)
    } finally {
      await other.stop()
    }
  })
})
