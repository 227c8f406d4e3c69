// The packaging configuration, checked where Electron cannot be downloaded to build installers:
// electron-builder accepts it (its own schema), every native library a production dependency
// ships is unpacked from the asar archive, the fuses are set as SECURITY.md says, the macOS
// entitlements are the minimum, and the icons exist at every size.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, matchesGlob, relative } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ICO_SIZES, LINUX_SIZES } from '../../resources/make-icons.ts'

const root = join(import.meta.dirname, '..', '..')
const require = createRequire(join(root, 'package.json'))

interface BuilderConfig {
  appId: string
  productName: string
  asar: boolean
  asarUnpack: string[]
  files: string[]
  fileAssociations: unknown[]
  protocols: unknown[]
  electronFuses: Record<string, boolean>
  win: { icon: string; target: Array<{ target: string; arch: string[] }> }
  nsis: Record<string, unknown>
  mac: {
    icon: string
    target: Array<{ target: string; arch: string[] }>
    hardenedRuntime: boolean
    entitlements: string
    entitlementsInherit: string
    notarize: boolean
  }
  linux: { icon: string; target: Array<{ target: string; arch: string[] }> }
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js')
  const { DebugLogger } = require('builder-util')
  const config = await getConfig(root, null, null)
  // Throws with electron-builder's own message when an option is unknown or misplaced.
  await validateConfiguration(config, new DebugLogger(false))
  return config as BuilderConfig
}

/** Every file under `dir` (recursively), as paths relative to the repository. */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesUnder(path))
    else out.push(relative(root, path))
  }
  return out
}

/** Native code shipped by production dependencies (per package-lock.json, not dev-only). */
function nativeFilesOfProductionDependencies(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>
  }
  const native = /\.(node|so(\.\d+)*|dylib|dll)$/
  return Object.entries(lock.packages)
    .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .flatMap(([path]) => {
      try {
        if (!statSync(join(root, path)).isDirectory()) return []
      } catch {
        return [] // an optional package for another platform
      }
      return filesUnder(join(root, path)).filter((file) => native.test(file))
    })
}

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s own schema and names the product', async () => {
    const config = await loadConfig()
    expect(config.appId).toBe('com.porchlight.console')
    expect(config.productName).toBe('Porchlight')
    expect(config.asar).toBe(true)
    expect(config.fileAssociations).toEqual([])
    expect(config.protocols).toEqual([{ name: 'Porchlight link', schemes: ['porchlight'] }])
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
    // electron/launch/build-installers.mjs runs electron-builder (tests/launch/ drive it).
    expect(scripts.package).toMatch(
      /electron-vite build && node electron\/launch\/build-installers\.mjs --publish never$/,
    )
  })

  it('packs the PDF fonts Porchlight draws with, and leaves out the weights it never uses', async () => {
    const { FONT_FILES } = await import('../../electron/core/reports/pdf-scripts.ts')
    const config = await loadConfig()
    // electron-builder hands back its file sets as patterns, or as objects with a filter list.
    const globs = (config.files as unknown[]).flatMap((set) =>
      typeof set === 'string' ? [set] : ((set as { filter?: string[] }).filter ?? []),
    )
    const excluded = (file: string) =>
      globs.some((glob) => glob.startsWith('!') && matchesGlob(file, glob.slice(1)))
    const used = Object.values(FONT_FILES).flatMap((weights) =>
      Object.values(weights).map((file) => relative(root, file)),
    )
    expect(used.length).toBe(8)
    for (const file of used) expect(excluded(file), file).toBe(false)
    const unused = filesUnder(join(root, 'node_modules/@expo-google-fonts')).filter(
      (file) => !used.includes(file) && /\.(ttf|png)$/.test(file),
    )
    expect(unused.length).toBeGreaterThan(0)
    for (const file of unused) expect(excluded(file), file).toBe(true)
  })

  it('unpacks every native library of the production dependencies from the asar archive', async () => {
    const config = await loadConfig()
    const native = nativeFilesOfProductionDependencies()
    // better-sqlite3's and sharp's binaries at least (sharp's come in @img/* per platform).
    expect(native.some((f) => f.includes('better-sqlite3'))).toBe(true)
    expect(native.some((f) => f.includes('@img/sharp'))).toBe(true)
    const packed = native.filter(
      (file) => !config.asarUnpack.some((glob) => matchesGlob(file, glob)),
    )
    expect(packed).toEqual([])
  })

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect; cookie encryption, ASAR integrity and ASAR-only on; file: without extra privileges', async () => {
    const { electronFuses } = await loadConfig()
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
    // Each name is a fuse @electron/fuses knows (the option names, first letter lower-cased).
    const { FuseV1Options } = require('@electron/fuses')
    const known = Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)))
      .map((k) => k[0]!.toLowerCase() + k.slice(1))
    for (const name of Object.keys(electronFuses)) expect(known).toContain(name)
  })

  it('builds a per-user NSIS installer, a hardened and notarisable DMG and zip for both Mac CPUs, and an AppImage', async () => {
    const config = await loadConfig()
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false })
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ])
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true })
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }])

    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(root, file), 'utf8')
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
      expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
    }
  })

  it('has icons at every size: .ico (16-256), .icns, and Linux PNGs', async () => {
    const config = await loadConfig()
    const ico = readFileSync(join(root, config.win.icon))
    expect(ico.readUInt16LE(2)).toBe(1) // an icon resource
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256)
    expect(sizes).toEqual(ICO_SIZES)

    const icns = readFileSync(join(root, config.mac.icon))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)

    for (const size of LINUX_SIZES) {
      const meta = await sharp(join(root, config.linux.icon, `${size}x${size}.png`)).metadata()
      expect([meta.width, meta.height]).toEqual([size, size])
    }
  })
})
