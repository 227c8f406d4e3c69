import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypeFor, fileInside, serveAppRequest } from '../../electron/main/app-protocol.ts'
import {
  CSP_NONCE_PLACEHOLDER,
  contentSecurityPolicy,
} from '../../electron/core/security/content-security-policy.ts'

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' porchlight-photo: porchlight-tile: data:; font-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  "object-src 'none'"

const INDEX_HTML = '<!doctype html><title>Porchlight</title><script src="./assets/app.js"></script>'

let workDir: string
let rendererRoot: string
let nonceRoot: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'porchlight-app-protocol-'))
  rendererRoot = join(workDir, 'renderer')
  await mkdir(join(rendererRoot, 'assets'), { recursive: true })
  await writeFile(join(rendererRoot, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererRoot, 'assets', 'app.js'), 'console.log("app")')
  await writeFile(join(rendererRoot, 'assets', 'app.css'), 'body{margin:0}')
  await writeFile(
    join(rendererRoot, 'assets', 'roboto.woff2'),
    Buffer.from([0x77, 0x4f, 0x46, 0x32]),
  )
  // Things that must never be served: next to the root, and in a sibling sharing its prefix.
  await writeFile(join(workDir, 'secret.txt'), 'customer list')
  await mkdir(join(workDir, 'renderer-evil'))
  await writeFile(join(workDir, 'renderer-evil', 'secret.txt'), 'customer list')

  nonceRoot = join(workDir, 'renderer-with-nonce')
  await mkdir(nonceRoot)
  await writeFile(
    join(nonceRoot, 'index.html'),
    `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}" /><link rel="stylesheet" nonce="${CSP_NONCE_PLACEHOLDER}" href="x.css">`,
  )
})

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, { rendererRoot })

describe('app protocol: serving', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    for (const url of ['app://porchlight/index.html', 'app://porchlight/']) {
      const response = await get(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(await response.text()).toBe(INDEX_HTML)
    }
  })

  it('serves assets with their content type and no CSP', async () => {
    const script = await get('app://porchlight/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('Content-Security-Policy')).toBeNull()
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await script.text()).toBe('console.log("app")')

    const style = await get('app://porchlight/assets/app.css?v=1')
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    const font = await get('app://porchlight/assets/roboto.woff2')
    expect(font.headers.get('Content-Type')).toBe('font/woff2')
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(
      new Uint8Array([0x77, 0x4f, 0x46, 0x32]),
    )
  })

  it('answers extension-less unknown paths with the app shell, but not missing files', async () => {
    const route = await get('app://porchlight/cases/42')
    expect(route.status).toBe(200)
    expect(route.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP)
    expect(await route.text()).toBe(INDEX_HTML)

    expect((await get('app://porchlight/assets/missing.js')).status).toBe(404)
    expect((await get('app://porchlight/missing.png')).status).toBe(404)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://porchlight/assets/app.js', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Length')).toBe('18')
    expect(await head.text()).toBe('')
    expect((await get('app://porchlight/index.html', 'POST')).status).toBe(405)
  })

  it('only serves its own host', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404)
    expect((await get('app://porchlight.evil/index.html')).status).toBe(404)
    expect((await get('https://porchlight/index.html')).status).toBe(404)
  })

  it('swaps the nonce placeholder for a fresh nonce and names it in style-src', async () => {
    let count = 0
    const serve = () =>
      serveAppRequest(
        { url: 'app://porchlight/index.html' },
        { rendererRoot: nonceRoot, makeNonce: () => `nonce${++count}` },
      )
    const first = await serve()
    const csp = first.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("style-src 'self' 'nonce-nonce1'")
    expect(csp).not.toContain("style-src 'self' 'unsafe-inline'")
    const html = await first.text()
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER)
    expect(html.match(/nonce="nonce1"/g)).toHaveLength(2)
    expect((await serve()).headers.get('Content-Security-Policy')).toContain("'nonce-nonce2'")
  })
})

describe('app protocol: refusing paths outside the renderer folder', () => {
  it.each([
    'app://porchlight/../secret.txt',
    'app://porchlight/assets/../../secret.txt',
    'app://porchlight/%2e%2e/secret.txt',
    'app://porchlight/%2E%2E/%2e%2e/secret.txt',
    'app://porchlight/%2e%2e%2fsecret.txt',
    'app://porchlight/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://porchlight/..%2fsecret.txt',
    'app://porchlight/..%5csecret.txt',
    'app://porchlight/..\\secret.txt',
    'app://porchlight/assets\\..\\..\\secret.txt',
    'app://porchlight/%2e%2e%2frenderer-evil%2fsecret.txt',
    'app://porchlight/index.html%00.js',
    'app://porchlight/%E0%A4%A',
  ])('%s → 404, never the file', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('customer list')
  })

  it('fileInside refuses raw escaping paths that a URL parser would not have normalised', () => {
    const root = join(workDir, 'renderer')
    expect(fileInside(root, '/../secret.txt')).toBeNull()
    expect(fileInside(root, '/assets/../../secret.txt')).toBeNull()
    expect(fileInside(root, '/../renderer-evil/secret.txt')).toBeNull()
    expect(fileInside(root, '/%2e%2e/secret.txt')).toBeNull()
    expect(fileInside(root, '/a\\..\\..\\secret.txt')).toBeNull()
    expect(fileInside(root, '/a%00b')).toBeNull()
    expect(fileInside(root, 'relative.txt')).toBeNull()
    expect(fileInside(root, '/assets/./app.js')).toBe(join(root, 'assets', 'app.js'))
    expect(fileInside(root, '/assets/x/../app.js')).toBe(join(root, 'assets', 'app.js'))
    expect(fileInside(root, '/..%20/x')).toBe(join(root, '.. ', 'x'))
  })
})

describe('contentSecurityPolicy and content types', () => {
  it('is the agreed policy', () => {
    expect(contentSecurityPolicy()).toBe(EXPECTED_CSP)
  })

  it('maps extensions, defaulting to opaque bytes', () => {
    expect(contentTypeFor('/a/index.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/a/chunk.mjs')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/a/marker.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('/a/unknown.xyz')).toBe('application/octet-stream')
  })
})
