// npm 11 runs no dependency's install script unless package.json's `allowScripts` says so, and
// warns about every one it skipped. Porchlight lets none run, on purpose:
//
// - better-sqlite3's is npm's implicit `node-gyp rebuild` (it ships a binding.gyp). With a prebuild
//   for the host it builds nothing, yet it needs Python, a compiler toolchain and Node's headers.
//   The package ships Node-API prebuilds for every platform we support, and lib/binding.js loads
//   prebuilds/<platform>-<arch>.node (linuxmusl-* on musl) when nothing was compiled. Node-API
//   keeps one binary good for Node 24 and Electron 45's Node alike.
// - electron-winstaller's copies the host's 7-Zip for Squirrel.Windows installers; it is only
//   there for electron-builder's `squirrel` target, and we build NSIS installers.
// - es5-ext's postinstall prints a message; it installs nothing.
//
// These tests fail when a new dependency brings an install script nobody decided on, when the
// decisions stop holding, or when the native module stops loading without its script.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { REPO_ROOT } from '../support/project-copy.ts'

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
const sqliteDir = join(REPO_ROOT, 'node_modules/better-sqlite3')

describe('install scripts', () => {
  it('every dependency with one has a decision in allowScripts, and none may run', () => {
    expect(pkg.allowScripts).toEqual({
      'better-sqlite3': false,
      'electron-winstaller': false,
      'es5-ext': false,
    })
    const ls = spawnSync('npm', ['install-scripts', 'ls', '--json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
    expect(ls.status, ls.stderr).toBe(0)
    expect(JSON.parse(ls.stdout)).toEqual({ allowScripts: [] })
  })

  it('electron-winstaller is only for Squirrel.Windows, which we do not build', () => {
    const builder = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'))
    const targets = [builder.win.target]
      .flat()
      .map((t: string | { target: string }) => (typeof t === 'string' ? t : t.target))
    expect(targets).toEqual(['nsis'])
  })

  it('better-sqlite3 loads its prebuild here, with nothing compiled', () => {
    expect(existsSync(join(sqliteDir, 'build/Release/better_sqlite3.node'))).toBe(false)
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        `const Database = require('better-sqlite3')
         const db = new Database(':memory:')
         const { version } = db.prepare('select sqlite_version() as version').get()
         const addon = Object.keys(require.cache).filter((file) => file.endsWith('.node'))
         console.log(JSON.stringify({ version, addon }))`,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    const loaded = JSON.parse(run.stdout)
    expect(loaded.version).toMatch(/^3\.\d+\.\d+$/)
    const target = process.platform === 'linux' && isMusl() ? 'linuxmusl' : process.platform
    expect(loaded.addon).toEqual([join(sqliteDir, `prebuilds/${target}-${process.arch}.node`)])
  })

  // What the object file's header says: its format and processor.
  const supported: [string, string, string][] = [
    ['linux-x64', 'ELF', 'x86-64'],
    ['linux-arm64', 'ELF', 'arm64'],
    ['linuxmusl-x64', 'ELF', 'x86-64'],
    ['linuxmusl-arm64', 'ELF', 'arm64'],
    ['darwin-x64', 'Mach-O', 'x86-64'],
    ['darwin-arm64', 'Mach-O', 'arm64'],
    ['win32-x64', 'PE', 'x86-64'],
    ['win32-arm64', 'PE', 'arm64'],
  ]
  it.each(supported)('better-sqlite3 ships a Node-API prebuild for %s', (name, format, cpu) => {
    const file = readFileSync(join(sqliteDir, `prebuilds/${name}.node`))
    expect(objectFormat(file)).toEqual({ format, cpu })
    // Node-API: the same binary loads in Node and in Electron's Node.
    expect(file.includes('napi_register_module_v1')).toBe(true)
    if (name.startsWith('linux')) {
      const musl = file.includes('libc.musl')
      expect(musl).toBe(name.startsWith('linuxmusl'))
    }
  })
})

function isMusl(): boolean {
  const report = process.report.getReport() as { header: { glibcVersionRuntime?: string } }
  return !report.header.glibcVersionRuntime
}

function objectFormat(file: Buffer): { format: string; cpu: string } {
  if (file.readUInt32BE(0) === 0x7f454c46) {
    const machine = file.readUInt16LE(18)
    return { format: 'ELF', cpu: machine === 0x3e ? 'x86-64' : machine === 0xb7 ? 'arm64' : '?' }
  }
  if (file.readUInt32LE(0) === 0xfeedfacf) {
    const cpuType = file.readUInt32LE(4)
    const cpu = cpuType === 0x01000007 ? 'x86-64' : cpuType === 0x0100000c ? 'arm64' : '?'
    return { format: 'Mach-O', cpu }
  }
  if (file.toString('latin1', 0, 2) === 'MZ') {
    const pe = file.readUInt32LE(0x3c)
    if (file.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = file.readUInt16LE(pe + 4)
      return {
        format: 'PE',
        cpu: machine === 0x8664 ? 'x86-64' : machine === 0xaa64 ? 'arm64' : '?',
      }
    }
  }
  return { format: '?', cpu: '?' }
}
