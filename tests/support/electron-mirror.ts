// A stand-in for Electron's download host on 127.0.0.1, for tests of `npm start` and `npm run dev`
// on a machine that has no Electron. It serves what @electron/get asks for:
// `<mirror>/<custom dir>/electron-v<version>-<platform>-<arch>.zip` and `SHASUMS256.txt` beside
// it. The zip holds, at the path the electron package's install.js expects for this platform, a
// shell script that records how it was started (working folder, arguments, the dev server's
// address) to the file named by PORCHLIGHT_STAND_IN_RECORD, and exits 0.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { crc32 } from 'node:zlib'

/** The executable's path inside the zip, as node_modules/electron/install.js names it. */
export function electronExecutablePath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

export const STAND_IN_SCRIPT = `#!/bin/sh
# A stand-in for the Electron binary: records how it was started, then exits.
{
  printf 'cwd=%s\\n' "$PWD"
  printf 'renderer=%s\\n' "$ELECTRON_RENDERER_URL"
  for arg in "$@"; do printf 'arg=%s\\n' "$arg"; done
} > "$PORCHLIGHT_STAND_IN_RECORD"
`

export interface StandInRecord {
  cwd: string
  /** ELECTRON_RENDERER_URL as electron-vite set it (empty outside `dev`). */
  renderer: string
  args: string[]
}

export function parseStandInRecord(text: string): StandInRecord {
  const record: StandInRecord = { cwd: '', renderer: '', args: [] }
  for (const line of text.split('\n').filter(Boolean)) {
    const [key, value = ''] = [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]
    if (key === 'cwd') record.cwd = value
    else if (key === 'renderer') record.renderer = value
    else if (key === 'arg') record.args.push(value)
  }
  return record
}

/**
 * A zip archive with stored (uncompressed) files, each with Unix permissions, as in Electron's
 * own release zips.
 */
export function zipArchive(files: { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8')
    const crc = crc32(file.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt32LE(0, 10) // time and date
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(file.data.length, 18)
    local.writeUInt32LE(file.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(0, 10)
    central.writeUInt32LE(0, 12)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(file.data.length, 20)
    central.writeUInt32LE(file.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((0o100000 | file.mode) << 16) >>> 0, 38) // a regular file, mode
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, file.data)
    centrals.push(central, name)
    offset += local.length + name.length + file.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export interface ElectronMirror {
  /** For ELECTRON_MIRROR: the base URL, ending in `/`. */
  url: string
  /** The file name @electron/get asks for. */
  zipName: string
  /** Paths asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * Serves the stand-in Electron `version` for this platform under `/<dir>/`, where `dir` is what
 * ELECTRON_CUSTOM_DIR will make of the version.
 */
export async function startElectronMirror(version: string, dir: string): Promise<ElectronMirror> {
  const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`
  const zip = zipArchive([
    { name: electronExecutablePath(), data: Buffer.from(STAND_IN_SCRIPT), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${version}`), mode: 0o644 },
  ])
  const sha256 = createHash('sha256').update(zip).digest('hex')
  const files = new Map<string, Buffer>([
    [`/${dir}/${zipName}`, zip],
    [`/${dir}/SHASUMS256.txt`, Buffer.from(`${sha256} *${zipName}\n`)],
  ])
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname
    requests.push(path)
    const body = files.get(path)
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not here\n')
      return
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    zipName,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface ConnectProxy {
  /** For HTTP_PROXY / HTTPS_PROXY. */
  url: string
  /** `host:port` of each tunnel asked for, in order. */
  tunnels: string[]
  close(): Promise<void>
}

/** An HTTP proxy on 127.0.0.1 that tunnels (CONNECT) to 127.0.0.1 only, as Node's fetch asks. */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const server = createServer((_request, response) => {
    response.writeHead(405).end()
  })
  server.on('connect', (request: IncomingMessage, client: Duplex) => {
    const target = request.url ?? ''
    tunnels.push(target)
    const [host, port] = target.split(':')
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
