import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import {
  dataDirOverride,
  demoBasemapPath,
  ensurePrivateDir,
  isInsecureRemote,
  serviceChoiceFrom,
  SettingsError,
} from '../../electron/main/settings.ts'
import { devServerUrlFrom, trustedOriginsFor } from '../../electron/main/app-origin.ts'

describe('serviceChoiceFrom', () => {
  it('uses the built-in demo service when no URL is given', () => {
    expect(serviceChoiceFrom({})).toEqual({ kind: 'demo' })
    expect(serviceChoiceFrom({ PORCHLIGHT_SERVICE_URL: '  ' })).toEqual({ kind: 'demo' })
  })

  it('uses a valid http(s) URL', () => {
    expect(
      serviceChoiceFrom({ PORCHLIGHT_SERVICE_URL: ' https://deliveries.example.com/v1 ' }),
    ).toEqual({
      kind: 'remote',
      url: 'https://deliveries.example.com/v1',
    })
    expect(serviceChoiceFrom({ PORCHLIGHT_SERVICE_URL: 'http://127.0.0.1:4010' })).toEqual({
      kind: 'remote',
      url: 'http://127.0.0.1:4010/',
    })
  })

  it.each([
    'deliveries.example.com',
    'ftp://example.com/',
    'file:///tmp/x',
    'https://u:p@example.com/',
  ])('refuses %s with a message naming the variable', (value) => {
    expect(() => serviceChoiceFrom({ PORCHLIGHT_SERVICE_URL: value })).toThrow(SettingsError)
    expect(() => serviceChoiceFrom({ PORCHLIGHT_SERVICE_URL: value })).toThrow(
      /PORCHLIGHT_SERVICE_URL/,
    )
  })

  it('flags plain http to another machine only', () => {
    expect(isInsecureRemote({ kind: 'remote', url: 'http://deliveries.example.com/' })).toBe(true)
    expect(isInsecureRemote({ kind: 'remote', url: 'http://127.0.0.1:4010/' })).toBe(false)
    expect(isInsecureRemote({ kind: 'remote', url: 'http://[::1]:4010/' })).toBe(false)
    expect(isInsecureRemote({ kind: 'remote', url: 'https://deliveries.example.com/' })).toBe(false)
    expect(isInsecureRemote({ kind: 'demo' })).toBe(false)
  })
})

describe('data folder', () => {
  it('takes PORCHLIGHT_DATA_DIR, made absolute, or leaves the default', () => {
    expect(dataDirOverride({})).toBeNull()
    expect(dataDirOverride({ PORCHLIGHT_DATA_DIR: '' })).toBeNull()
    expect(dataDirOverride({ PORCHLIGHT_DATA_DIR: '/srv/porchlight/' })).toBe(
      resolve('/srv/porchlight'),
    )
    expect(dataDirOverride({ PORCHLIGHT_DATA_DIR: 'data' }, '/home/agent')).toBe(
      resolve('/home/agent/data'),
    )
  })

  it('creates the folder for its owner only', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'porchlight-settings-'))
    try {
      const dir = join(parent, 'a', 'b')
      await ensurePrivateDir(dir)
      if (process.platform !== 'win32') expect((await stat(dir)).mode & 0o777).toBe(0o700)
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })
})

describe('dev server', () => {
  it('is used only unpackaged and only for http(s)', () => {
    expect(devServerUrlFrom('http://localhost:5173', false)).toBe('http://localhost:5173/')
    expect(devServerUrlFrom('http://localhost:5173', true)).toBeNull()
    expect(devServerUrlFrom(undefined, false)).toBeNull()
    expect(devServerUrlFrom('file:///tmp/index.html', false)).toBeNull()
    expect(devServerUrlFrom('javascript:alert(1)', false)).toBeNull()
    expect(trustedOriginsFor('http://localhost:5173/')).toEqual([
      'app://porchlight',
      'http://localhost:5173',
    ])
    expect(trustedOriginsFor(null)).toEqual(['app://porchlight'])
  })
})

describe('demoBasemapPath', () => {
  it('is beside the resources when packaged, and in the source tree otherwise', () => {
    const repo = resolve(import.meta.dirname, '..', '..')
    expect(
      demoBasemapPath({
        isPackaged: true,
        resourcesPath: '/opt/Porchlight/resources',
        appPath: '/x',
      }),
    ).toBe(join('/opt/Porchlight/resources', 'demo-basemap.mbtiles'))
    const dev = demoBasemapPath({ isPackaged: false, resourcesPath: '/x', appPath: repo })
    expect(dev).toBe(join(repo, 'resources', 'demo-basemap.mbtiles'))
    // The packaged path is what electron-builder's extraResources puts there; the source one exists.
    expect(existsSync(dev)).toBe(true)
  })
})
