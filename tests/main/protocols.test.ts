import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Logger } from '../../electron/core/common/logger.ts'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))
vi.mock('electron', () => electron)

const { handleAppProtocol, handlePhotoProtocol, handleTileProtocol, registerPrivilegedSchemes } =
  await import('../../electron/main/protocols.ts')

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
type Handler = (request: Request & { initiatorOrigin?: string }) => Promise<Response>

describe('protocol registration', () => {
  it('declares app as a standard secure scheme, photos as secure streams and tiles as secure, none CORS-readable', () => {
    registerPrivilegedSchemes()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ]
    const byName = Object.fromEntries(schemes.map((s) => [s.scheme, s.privileges]))
    expect(byName['app']).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      stream: true,
    })
    expect(byName['porchlight-photo']).toEqual({ secure: true, stream: true })
    expect(byName['porchlight-tile']).toEqual({ secure: true })
    for (const privileges of Object.values(byName)) expect(privileges['bypassCSP']).toBeUndefined()
  })

  it('wires protocol.handle to the app and photo servers', async () => {
    const root = await mkdtemp(join(tmpdir(), 'porchlight-protocols-'))
    try {
      await writeFile(join(root, 'index.html'), '<p>hi</p>')
      await writeFile(join(root, 'photo.jpg'), 'jpeg')
      handleAppProtocol(root, quietLog)
      handlePhotoProtocol(
        async () => ({
          ok: true,
          path: join(root, 'photo.jpg'),
          contentType: 'image/jpeg',
          sha256: 'x',
        }),
        ['app://porchlight'],
        quietLog,
      )
      const handlers = Object.fromEntries(electron.protocol.handle.mock.calls) as Record<
        string,
        Handler
      >

      const page = await handlers['app']!(new Request('app://porchlight/'))
      expect(page.status).toBe(200)
      expect(page.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'/)

      const photoRequest = Object.assign(new Request('porchlight-photo://photo/abc'), {
        initiatorOrigin: 'app://porchlight',
      })
      const photo = await handlers['porchlight-photo']!(photoRequest)
      expect(await photo.text()).toBe('jpeg')

      const foreign = Object.assign(new Request('porchlight-photo://photo/abc'), {
        initiatorOrigin: 'https://evil.com',
      })
      expect((await handlers['porchlight-photo']!(foreign)).status).toBe(403)
      // No initiator (the browser started it) and no referrer from the app: refused.
      const unnamed = await handlers['porchlight-photo']!(
        new Request('porchlight-photo://photo/abc'),
      )
      expect(unnamed.status).toBe(403)

      const tile = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
      handleTileProtocol(
        async (address) =>
          address.z === 1 ? { bytes: tile, format: 'png', origin: 'file', sourceId: 'x' } : null,
        ['app://porchlight'],
        quietLog,
      )
      const tileHandlers = Object.fromEntries(electron.protocol.handle.mock.calls) as Record<
        string,
        Handler
      >
      const tileRequest = Object.assign(new Request('porchlight-tile://tile/1/0/1'), {
        initiatorOrigin: 'app://porchlight',
      })
      const served = await tileHandlers['porchlight-tile']!(tileRequest)
      expect(served.headers.get('Content-Type')).toBe('image/png')
      expect(Buffer.from(await served.arrayBuffer())).toEqual(tile)
      const malformed = await tileHandlers['porchlight-tile']!(
        new Request('porchlight-tile://tile/1/0/../../x'),
      )
      expect(malformed.status).toBe(400)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
