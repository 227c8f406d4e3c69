import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import type { Logger } from '../../electron/core/common/logger.ts'
import { trustedOriginsFor } from '../../electron/main/app-origin.ts'

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }))
vi.mock('electron', () => electron)

const { denyAllPermissions, externalLinkToOpen, guardWebContents, isAllowedNavigation } =
  await import('../../electron/main/navigation.ts')

const trusted = trustedOriginsFor(null)
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

describe('isAllowedNavigation', () => {
  it.each(['app://porchlight/index.html', 'app://porchlight/cases/7', 'app://porchlight/#x'])(
    'allows %s',
    (url) => expect(isAllowedNavigation(url, trusted)).toBe(true),
  )

  it.each([
    'app://porchlight@evil.com/',
    'app://porchlight.evil.com/',
    'app://porchlight.evil/',
    'app://evil/',
    'app://user:pass@porchlight/',
    'https://porchlight/',
    'https://evil.com/app://porchlight/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'porchlight-photo://photo/abc',
    'javascript:alert(1)',
    'about:blank',
    '',
    'app:porchlight',
  ])('blocks %s', (url) => expect(isAllowedNavigation(url, trusted)).toBe(false))

  it('allows the dev server only when trusted', () => {
    expect(
      isAllowedNavigation('http://localhost:5173/x', trustedOriginsFor('http://localhost:5173')),
    ).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/x', trusted)).toBe(false)
  })
})

describe('externalLinkToOpen', () => {
  it.each([
    ['https://www.example.com/track?id=1', 'https://www.example.com/track?id=1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/a b', 'https://example.com/a%20b'],
  ])('opens %s as %s', (url, expected) => expect(externalLinkToOpen(url)).toBe(expected))

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://porchlight/index.html',
    'porchlight-photo://photo/abc',
    'mailto:someone@example.com',
    'smb://server/share',
    'https://user:secret@example.com/',
    'https://',
    'not a url',
    '',
  ])('drops %s', (url) => expect(externalLinkToOpen(url)).toBeNull())
})

type NavigationEvent = { url: string; preventDefault: () => void; defaultPrevented: boolean }

function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  })
  const navigate = (event: string, url: string): NavigationEvent => {
    const details: NavigationEvent = {
      url,
      defaultPrevented: false,
      preventDefault() {
        details.defaultPrevented = true
      },
    }
    emitter.emit(event, details)
    return details
  }
  return {
    contents: contents as unknown as WebContents,
    navigate,
    open: (url: string) => openHandler!({ url }),
  }
}

describe('guardWebContents', () => {
  it('prevents navigations, frame navigations and redirects away from the app origin', () => {
    const { contents, navigate } = fakeContents()
    guardWebContents(contents, trusted, quietLog)
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(event, 'app://porchlight/cases').defaultPrevented).toBe(false)
      expect(navigate(event, 'https://evil.com/').defaultPrevented).toBe(true)
      expect(navigate(event, 'app://porchlight@evil.com/').defaultPrevented).toBe(true)
      expect(navigate(event, 'app://porchlight.evil.com/').defaultPrevented).toBe(true)
    }
  })

  it('denies every new window and opens nothing itself: links go through the API', () => {
    electron.shell.openExternal.mockClear()
    const { contents, open } = fakeContents()
    guardWebContents(contents, trusted, quietLog)
    expect(open('https://example.com/help')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('app://porchlight/index.html')).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('refuses to attach a <webview>', () => {
    const { contents, navigate } = fakeContents()
    guardWebContents(contents, trusted, quietLog)
    expect(navigate('will-attach-webview', 'app://porchlight/').defaultPrevented).toBe(true)
  })
})

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: never) => (handlers['device'] = h),
    } as unknown as Session
    denyAllPermissions(session)

    const callback = vi.fn()
    const request = handlers['request'] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void
    request({}, 'media', callback)
    request({}, 'geolocation', callback)
    expect(callback.mock.calls).toEqual([[false], [false]])
    const check = handlers['check'] as (c: unknown, p: string, origin: string) => boolean
    expect(check(null, 'clipboard-read', 'app://porchlight')).toBe(false)
    const device = handlers['device'] as (details: unknown) => boolean
    expect(device({})).toBe(false)
  })
})
