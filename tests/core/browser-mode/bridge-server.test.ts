import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { PorchlightCore } from '../../../electron/core/app/types.ts'
import {
  startBridgeServer,
  type BridgeServer,
} from '../../../electron/core/browser-mode/bridge-server.ts'
import { writeMbtiles } from '../../../electron/core/map-tiles/write-mbtiles.ts'
import { CSP_NONCE_PLACEHOLDER } from '../../../electron/core/security/content-security-policy.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { solidTile } from '../../support/tile-server.ts'

/** What the bridge logged as errors (a stack in the log is what a 500 leaves behind). */
const errors: unknown[] = []
const quiet = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => errors.push(args) }
const TOKEN = 'test-token-0123456789abcdef'
const cookie = { cookie: `porchlight_bridge=${TOKEN}` }
const auth = { 'x-porchlight-token': TOKEN, 'content-type': 'application/json' }

/** A raw request, so the test controls the Host header and sees exactly what the server sends. */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          headers: { host: `127.0.0.1:${port}`, ...headers },
        },
        (res) => {
          let text = ''
          res.on('data', (d: Buffer) => (text += d.toString()))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    },
  )
}

describe('browser-mode bridge', () => {
  const temp = tempDir()
  let core: PorchlightCore
  let bridge: BridgeServer

  beforeAll(async () => {
    const rendererDir = join(temp.dir, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    // As the build writes it: the nonce placeholder on its tags (Vite's html.cspNonce).
    writeFileSync(
      join(rendererDir, 'index.html'),
      `<!doctype html><title>Porchlight</title><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">`,
    )
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(temp.dir, 'secret.txt'), 'outside the renderer')
    mkdirSync(join(temp.dir, 'data', 'maps'), { recursive: true })
    await writeMbtiles(
      join(temp.dir, 'data', 'maps', 'region.mbtiles'),
      { name: 'R', format: 'png' },
      [{ z: 2, x: 1, y: 2, bytes: await solidTile('#123456') }],
    )
    core = await createPorchlight({
      dataDir: join(temp.dir, 'data'),
      // Nothing listens there: these tests never reach the service.
      service: { kind: 'remote', url: 'http://127.0.0.1:9' },
      tokenStore: createMemoryTokenStore(),
      syncIntervalMs: 0,
      retentionIntervalMs: 0,
      log: quiet,
      tileServer: 'off',
    })
    bridge = await startBridgeServer({
      core,
      rendererDir,
      log: quiet,
      token: 'test-token-0123456789abcdef',
    })
  })
  afterAll(async () => {
    await bridge.close()
    await core.close()
    temp.remove()
  })

  it('serves report exports only with the token, and only to a supervisor', async () => {
    const jobId = '00000000-0000-4000-8000-000000000001'
    expect((await get(bridge.port, `/exports/${jobId}`)).status).toBe(401)
    const signedOut = await get(bridge.port, `/exports/${jobId}`, {
      cookie: 'porchlight_bridge=test-token-0123456789abcdef',
    })
    expect(signedOut.status).toBe(403)
    expect(signedOut.body).toContain('Reports and exports are for supervisors')
    const traversal = await get(bridge.port, '/exports/..%2F..%2Fporchlight.sqlite', {
      cookie: 'porchlight_bridge=test-token-0123456789abcdef',
    })
    expect(traversal.status).toBe(400)
  })

  it('prints an address on 127.0.0.1 that carries the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=test-token-0123456789abcdef`)
  })

  it('serves the page with the token, sets an HttpOnly cookie and a CSP header', async () => {
    const res = await get(bridge.port, '/?token=test-token-0123456789abcdef')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Porchlight</title>')
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly')
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval')
  })

  it('refuses everything without the token, with a wrong token, or from another host name', async () => {
    expect((await get(bridge.port, '/')).status).toBe(401)
    expect((await get(bridge.port, '/?token=wrong')).status).toBe(401)
    expect((await get(bridge.port, '/assets/app.js')).status).toBe(401)
    expect(
      (await get(bridge.port, '/?token=test-token-0123456789abcdef', { host: 'evil.example:80' }))
        .status,
    ).toBe(421)
    const api = await get(
      bridge.port,
      '/api/getSession',
      { cookie: 'porchlight_bridge=test-token-0123456789abcdef' },
      'POST',
      '{}',
    )
    expect(api.status).toBe(401) // a cookie alone is not enough for the API
  })

  it('serves assets with the cookie and refuses paths outside the renderer', async () => {
    const cookie = { cookie: 'porchlight_bridge=test-token-0123456789abcdef' }
    expect((await get(bridge.port, '/assets/app.js', cookie)).status).toBe(200)
    expect((await get(bridge.port, '/../secret.txt', cookie)).status).toBe(404)
    expect((await get(bridge.port, '/%2e%2e/secret.txt', cookie)).status).toBe(404)
    expect((await get(bridge.port, '/assets/..%2f..%2fsecret.txt', cookie)).status).toBe(404)
  })

  it('runs API calls with the header token, validating arguments', async () => {
    const auth = {
      'x-porchlight-token': 'test-token-0123456789abcdef',
      'content-type': 'application/json',
    }
    const session = await get(bridge.port, '/api/getSession', auth, 'POST', '{}')
    expect(session.status).toBe(200)
    expect(JSON.parse(session.body).ok).toBe(true)
    expect(JSON.parse(session.body).value).toMatchObject({ user: null, demo: false })
    const bad = await get(
      bridge.port,
      '/api/signIn',
      auth,
      'POST',
      JSON.stringify({ arg: { username: 7 } }),
    )
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid-argument' })
    expect(JSON.parse(bad.body).error.message).toMatch(/signIn/)
    const signedOut = await get(
      bridge.port,
      '/api/searchDeliveries',
      auth,
      'POST',
      JSON.stringify({ arg: { query: 'x' } }),
    )
    expect(JSON.parse(signedOut.body)).toEqual({
      ok: false,
      error: { code: 'signed-out', message: 'Please sign in first.' },
    })
    expect((await get(bridge.port, '/api/constructor', auth, 'POST', '{}')).status).toBe(404)
    expect((await get(bridge.port, '/api/getSession', auth, 'POST', '{not json')).status).toBe(400)
  })

  it('says plainly when the service cannot be reached at sign-in', async () => {
    const auth = {
      'x-porchlight-token': 'test-token-0123456789abcdef',
      'content-type': 'application/json',
    }
    const res = await get(
      bridge.port,
      '/api/signIn',
      auth,
      'POST',
      JSON.stringify({ arg: { username: 'a', password: 'b' } }),
    )
    expect(JSON.parse(res.body).error.code).toBe('offline')
  }, 60_000)

  it('serves map tiles with the cookie, refusing malformed addresses and answering 404 where none is', async () => {
    const cookie = { cookie: 'porchlight_bridge=test-token-0123456789abcdef' }
    const tile = await get(bridge.port, '/tiles/2/1/2', cookie)
    expect(tile.status).toBe(200)
    expect(tile.headers['content-type']).toBe('image/png')
    expect(tile.headers['cache-control']).toBe('no-store')
    expect((await get(bridge.port, '/tiles/2/1/2')).status).toBe(401)
    expect((await get(bridge.port, '/tiles/2/1/1', cookie)).status).toBe(404)
    for (const path of [
      '/tiles/2/1/4',
      '/tiles/2/1/-1',
      '/tiles/02/1/2',
      '/tiles/2/1',
      '/tiles/2/1/2/3',
      '/tiles/2/1/2?x=1',
      '/tiles/2/1/..%2f..%2fsecret.txt',
      '/tiles/a/b/c',
    ]) {
      expect((await get(bridge.port, path, cookie)).status, path).toBe(400)
    }
  })

  it('gives each page load its own style nonce, named in the policy, and no unsafe-inline', async () => {
    const nonces: string[] = []
    for (let i = 0; i < 2; i++) {
      const page = await get(bridge.port, '/', cookie)
      const policy = String(page.headers['content-security-policy'])
      const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'(;|$)/.exec(policy)?.[1]
      expect(nonce, policy).toBeTruthy()
      expect(policy).not.toMatch(/style-src [^;]*'unsafe-inline'/)
      expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`)
      expect(page.body).not.toContain(CSP_NONCE_PLACEHOLDER)
      nonces.push(nonce!)
    }
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('answers a malformed percent-escape with 400, leaving nothing in the error log', async () => {
    errors.length = 0
    for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/photos/%E0%A4%A', '/exports/%ZZ']) {
      const res = await get(bridge.port, path, cookie)
      expect(res.status, path).toBe(400)
      expect(res.body).toBe('That address is not valid.')
    }
    expect(errors).toEqual([])
  })

  it('refuses requests from other pages on every route, by Fetch Metadata and Origin', async () => {
    const other = 'http://127.0.0.1:1'
    // Another 127.0.0.1 port is same-site: the browser sends it the cookie.
    for (const [path, headers] of [
      ['/assets/app.js', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }],
      ['/assets/app.js', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
      ['/thumbs/ph-1', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }],
      ['/photos/ph-1', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }],
      ['/tiles/2/1/2', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }],
      ['/exports/00000000-0000-4000-8000-000000000001', { 'sec-fetch-site': 'same-site' }],
      ['/', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' }],
      ['/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }],
      // A typed address is fine for the page, not for what the page loads.
      ['/tiles/2/1/2', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }],
      ['/assets/app.js', { origin: other }],
    ] as const) {
      const res = await get(bridge.port, path, { ...cookie, ...headers })
      expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403)
      expect(res.body).toBe('Porchlight answers only its own page.')
    }
    for (const headers of [
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', origin: other } as Record<
        string,
        string
      >,
      { origin: other },
      { origin: 'null' },
    ]) {
      const api = await get(bridge.port, '/api/getSession', { ...auth, ...headers }, 'POST', '{}')
      expect(api.status, JSON.stringify(headers)).toBe(403)
    }

    // The console's own page: same-origin requests, and the page opened from its address.
    const own = `http://127.0.0.1:${bridge.port}`
    const sameOrigin = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors' }
    expect((await get(bridge.port, '/assets/app.js', { ...cookie, ...sameOrigin })).status).toBe(
      200,
    )
    expect((await get(bridge.port, '/tiles/2/1/2', { ...cookie, ...sameOrigin })).status).toBe(200)
    const typed = { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }
    expect((await get(bridge.port, `/?token=${TOKEN}`, typed)).status).toBe(200)
    const api = await get(
      bridge.port,
      '/api/getSession',
      { ...auth, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', origin: own },
      'POST',
      '{}',
    )
    expect(api.status).toBe(200)
  })

  it('refuses a settings change while signed out, and keeps the settings', async () => {
    const before = JSON.parse((await get(bridge.port, '/api/getSettings', auth, 'POST', '{}')).body)
    const res = await get(
      bridge.port,
      '/api/updateSettings',
      auth,
      'POST',
      JSON.stringify({ arg: { photoRetentionDays: 1, syncIntervalMinutes: 0 } }),
    )
    expect(res.status).toBe(422)
    expect(JSON.parse(res.body).error).toEqual({
      code: 'signed-out',
      message: 'Please sign in first.',
    })
    const after = JSON.parse((await get(bridge.port, '/api/getSettings', auth, 'POST', '{}')).body)
    expect(after.value).toEqual(before.value)
  })

  it('refuses photos with malformed ids and while signed out', async () => {
    const cookie = { cookie: 'porchlight_bridge=test-token-0123456789abcdef' }
    expect((await get(bridge.port, '/photos/..%2f..%2fsecret.txt', cookie)).status).toBe(400)
    expect((await get(bridge.port, '/photos/ph-1', cookie)).status).toBe(403)
    // A photo address carries nothing else: no case, no token.
    const withCase = await get(
      bridge.port,
      '/photos/ph-1?case=00000000-0000-4000-8000-000000000000',
      cookie,
    )
    expect(withCase.status).toBe(400)
  })
})
