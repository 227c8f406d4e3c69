import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { PhotoFile } from '../../electron/core/app/types.ts'
import type { Logger } from '../../electron/core/common/logger.ts'
import { trustedOriginsFor } from '../../electron/main/app-origin.ts'
import { photoIdFrom, servePhotoRequest } from '../../electron/main/photo-protocol.ts'
import type { ResolvePhoto } from '../../electron/main/photo-protocol.ts'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9])
const trustedOrigins = trustedOriginsFor(null)
const APP = 'app://porchlight'
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

let dir: string
let photoPath: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porchlight-photo-protocol-'))
  photoPath = join(dir, 'ab12.jpg')
  await writeFile(photoPath, JPEG)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function resolverFor(answer: PhotoFile | Error) {
  return vi.fn<ResolvePhoto>(async () => {
    if (answer instanceof Error) throw answer
    return answer
  })
}

const stored = (): PhotoFile => ({
  ok: true,
  path: photoPath,
  contentType: 'image/jpeg',
  sha256: 'x',
})

describe('photo protocol', () => {
  it('serves the file resolvePhoto returns, uncached, with its content type', async () => {
    const resolvePhoto = resolverFor(stored())
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p_01-AB', initiatorOrigin: 'app://porchlight' },
      { resolvePhoto, trustedOrigins },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/jpeg')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Length')).toBe(String(JPEG.length))
    expect(Buffer.from(await response.arrayBuffer())).toEqual(JPEG)
    expect(resolvePhoto).toHaveBeenCalledWith('p_01-AB', { variant: 'full' })
  })

  it('answers HEAD with headers only', async () => {
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', method: 'HEAD', initiatorOrigin: APP },
      { resolvePhoto: resolverFor(stored()), trustedOrigins },
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each([
    'porchlight-photo://photo/',
    'porchlight-photo://photo/..',
    'porchlight-photo://photo/../etc/passwd',
    'porchlight-photo://photo/%2e%2e%2fetc%2fpasswd',
    'porchlight-photo://photo/a/b',
    'porchlight-photo://photo/a.jpg',
    'porchlight-photo://photo/a%20b',
    'porchlight-photo://photo/a%00',
    `porchlight-photo://photo/${'a'.repeat(65)}`,
    'porchlight-photo://other/abc',
    'porchlight-photo://user@photo/abc',
    'porchlight-photo:photo/abc',
    'app://porchlight/abc',
    'not a url',
  ])('refuses the malformed address %s with 400, without asking the core', async (url) => {
    const resolvePhoto = resolverFor(stored())
    const response = await servePhotoRequest(
      { url, initiatorOrigin: APP },
      { resolvePhoto, trustedOrigins },
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(resolvePhoto).not.toHaveBeenCalled()
  })

  it('accepts ids of up to 64 characters', () => {
    expect(photoIdFrom(`porchlight-photo://photo/${'a'.repeat(64)}`)).toBe('a'.repeat(64))
  })

  it.each([
    [403, 'This delivery photo is withheld at the customer’s request.'],
    [404, 'No such photo.'],
    [400, 'That photo id is not valid.'],
  ] as const)('maps a %i refusal to its status and reason', async (status, reason) => {
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', initiatorOrigin: APP },
      { resolvePhoto: resolverFor({ ok: false, status, reason }), trustedOrigins },
    )
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect((await response.text()).trim()).toBe(reason)
  })

  it('turns a resolver failure into a 500 without details', async () => {
    const error = vi.fn()
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', initiatorOrigin: APP },
      {
        resolvePhoto: resolverFor(new Error('SQLITE_BUSY at /home/agent/data/cache.db')),
        trustedOrigins,
        log: { ...quietLog, error },
      },
    )
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('SQLITE')
    expect(error).toHaveBeenCalledOnce()
  })

  it('reports a missing stored file as 404', async () => {
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', initiatorOrigin: APP },
      {
        resolvePhoto: resolverFor({ ...stored(), path: join(dir, 'gone.jpg') } as PhotoFile),
        trustedOrigins,
        log: quietLog,
      },
    )
    expect(response.status).toBe(404)
  })

  it('refuses a relative path and sends non-image types as opaque bytes', async () => {
    const relative = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', initiatorOrigin: APP },
      {
        resolvePhoto: resolverFor({ ...stored(), path: 'ab12.jpg' } as PhotoFile),
        trustedOrigins,
        log: quietLog,
      },
    )
    expect(relative.status).toBe(500)
    const html = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', initiatorOrigin: APP },
      {
        resolvePhoto: resolverFor({ ...stored(), contentType: 'text/html' } as PhotoFile),
        trustedOrigins,
      },
    )
    expect(html.headers.get('Content-Type')).toBe('application/octet-stream')
    await html.arrayBuffer()
  })

  it('serves a request the browser started only when its referrer is the app', async () => {
    for (const [referrer, status] of [
      [undefined, 403],
      ['', 403],
      ['about:client', 403],
      ['https://evil.com/page', 403],
      ['app://porchlight.evil/', 403],
      ['app://porchlight/index.html', 200],
    ] as const) {
      const resolvePhoto = resolverFor(stored())
      const response = await servePhotoRequest(
        { url: 'porchlight-photo://photo/p1', referrer },
        { resolvePhoto, trustedOrigins },
      )
      expect(response.status, String(referrer)).toBe(status)
      await response.arrayBuffer()
      if (status === 403) expect(resolvePhoto).not.toHaveBeenCalled()
    }
    // A page Electron names as the initiator cannot pass for the app with a referrer.
    const resolvePhoto = resolverFor(stored())
    const forged = await servePhotoRequest(
      {
        url: 'porchlight-photo://photo/p1',
        initiatorOrigin: 'https://evil.com',
        referrer: 'app://porchlight/',
      },
      { resolvePhoto, trustedOrigins },
    )
    expect(forged.status).toBe(403)
    expect(resolvePhoto).not.toHaveBeenCalled()
  })

  it('serves only pages of the app (when Electron names the initiator)', async () => {
    for (const initiatorOrigin of [
      'https://evil.com',
      'null',
      'app://porchlight.evil',
      'file://',
    ]) {
      const resolvePhoto = resolverFor(stored())
      const response = await servePhotoRequest(
        { url: 'porchlight-photo://photo/p1', initiatorOrigin },
        { resolvePhoto, trustedOrigins },
      )
      expect(response.status).toBe(403)
      expect(resolvePhoto).not.toHaveBeenCalled()
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await servePhotoRequest(
      { url: 'porchlight-photo://photo/p1', method: 'PUT', initiatorOrigin: APP },
      { resolvePhoto: resolverFor(stored()), trustedOrigins },
    )
    expect(response.status).toBe(405)
  })
})

describe('photo addresses', () => {
  it('reads the variant, and nothing else: a query or fragment makes it no photo address', async () => {
    const { photoRequestFrom } = await import('../../electron/main/photo-protocol.ts')
    expect(photoRequestFrom('porchlight-photo://photo/p1')).toEqual({
      photoId: 'p1',
      variant: 'full',
    })
    expect(photoRequestFrom('porchlight-photo://thumb/p1')).toEqual({
      photoId: 'p1',
      variant: 'thumbnail',
    })
    const caseId = '0b6f8f5e-2f7c-4a43-9a55-6f0d1c2e3a4b'
    expect(photoRequestFrom(`porchlight-photo://photo/p1?case=${caseId}`)).toBeNull()
    expect(photoRequestFrom('porchlight-photo://photo/p1#x')).toBeNull()
    expect(photoRequestFrom('porchlight-photo://other/p1')).toBeNull()
  })
})
