// A small XYZ tile server on 127.0.0.1 for tests: solid-colour PNG tiles at /{z}/{x}/{y}.png,
// with the cache headers and validators a test asks for, recording every request (headers too).
// Tests point Porchlight's online tile source here; nothing ever reaches a real tile server.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'

export interface TileServerBehaviour {
  /** Sent as Cache-Control on tiles and 304s; null sends none. */
  cacheControl: string | null
  /** Sent as ETag; a request with a matching If-None-Match gets 304. Null: no ETag. */
  etag: string | null
  /** Status for a tile path (`z/x/y`), when not 200. */
  statusFor?: (key: string) => number | undefined
  /** How long each answer takes. */
  delayMs?: number
}

export interface TestTileServer {
  /** The URL template to give Porchlight. */
  template: string
  port: number
  requests: Array<{ key: string; headers: IncomingHttpHeaders }>
  /** The most requests that were ever being answered at once. */
  peakConcurrent: () => number
  behaviour: TileServerBehaviour
  /** The PNG every tile is. */
  tile: Buffer
  close(): Promise<void>
}

export async function solidTile(colour: string, size = 256): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .png()
    .toBuffer()
}

export async function startTestTileServer(
  options: { colour?: string; behaviour?: Partial<TileServerBehaviour>; port?: number } = {},
): Promise<TestTileServer> {
  const tile = await solidTile(options.colour ?? '#7fb8e0')
  const behaviour: TileServerBehaviour = {
    cacheControl: 'max-age=3600',
    etag: '"tile-v1"',
    ...options.behaviour,
  }
  const requests: TestTileServer['requests'] = []
  let concurrent = 0
  let peak = 0
  const server = createServer(async (req, res) => {
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '')
    if (!match) {
      res.writeHead(404).end()
      return
    }
    const key = `${match[1]}/${match[2]}/${match[3]}`
    requests.push({ key, headers: req.headers })
    concurrent += 1
    peak = Math.max(peak, concurrent)
    res.on('close', () => (concurrent -= 1))
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
    const status = behaviour.statusFor?.(key)
    if (status !== undefined && status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain' }).end('no')
      return
    }
    const headers: Record<string, string> = {}
    if (behaviour.cacheControl !== null) headers['cache-control'] = behaviour.cacheControl
    if (behaviour.etag !== null) headers['etag'] = behaviour.etag
    if (behaviour.etag !== null && req.headers['if-none-match'] === behaviour.etag) {
      res.writeHead(304, headers).end()
      return
    }
    res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': tile.length })
    res.end(tile)
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    port,
    requests,
    peakConcurrent: () => peak,
    behaviour,
    tile,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
