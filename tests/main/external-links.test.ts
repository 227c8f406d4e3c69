// shell.openExternal is reached only with a clean http(s) URL, whatever the caller passes.
import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }))
vi.mock('electron', () => electron)

const { openInBrowser } = await import('../../electron/main/external-links.ts')

describe('openInBrowser', () => {
  it('opens http(s) pages, normalised, and activates the browser', async () => {
    await openInBrowser('HTTPS://www.OpenStreetMap.org/copyright')
    await openInBrowser('http://example.com')
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://www.openstreetmap.org/copyright', { activate: true }],
      ['http://example.com/', { activate: true }],
    ])
  })

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://porchlight/index.html',
    'porchlight-photo://photo/abc',
    'https://user:pw@example.com/',
    'not a url',
  ])('refuses %s without calling the shell', async (url) => {
    electron.shell.openExternal.mockClear()
    await expect(openInBrowser(url)).rejects.toThrow(/only opens web links/)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })
})
