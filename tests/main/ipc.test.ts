import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiHandlers } from '../../electron/core/api/definition.ts'
import { CALL_NAMES, ipcChannel } from '../../electron/core/api/definition.ts'
import { UserFacingError } from '../../electron/core/common/errors.ts'
import type { Logger } from '../../electron/core/common/logger.ts'
import { APP_ORIGIN, trustedOriginsFor } from '../../electron/main/app-origin.ts'

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
}))
vi.mock('electron', () => electron)

const { createCallHandler, genericFailure, isAppFrame, registerIpcHandlers, REFUSED_SENDER } =
  await import('../../electron/main/ipc.ts')

const trusted = trustedOriginsFor(null)
const appFrame = { senderFrame: { url: `${APP_ORIGIN}/index.html` } }

function recordingLog(): Logger & { errors: unknown[][]; warnings: unknown[][] } {
  const errors: unknown[][] = []
  const warnings: unknown[][] = []
  return {
    errors,
    warnings,
    info: () => undefined,
    warn: (...args) => void warnings.push(args),
    error: (...args) => void errors.push(args),
  }
}

const agent = { id: 'u_1', name: 'Alex', role: 'agent' as const }
const refused = { ok: false, error: { code: 'refused-sender', message: REFUSED_SENDER } }

const session = {
  user: null,
  demo: true,
  serviceUrl: 'http://127.0.0.1:1/',
  notice: null,
  demoAccounts: [],
}

/** Every call answers "not expected" unless a test supplies it; new calls need no change here. */
function fakeHandlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unexpected = async () => {
    throw new Error('not expected in this test')
  }
  return {
    ...Object.fromEntries(CALL_NAMES.map((name) => [name, unexpected])),
    getSession: async () => session,
    searchDeliveries: async () => [],
    getDelivery: async () => null,
    ...overrides,
  } as ApiHandlers
}

describe('isAppFrame', () => {
  it.each([
    ['app://porchlight/index.html'],
    ['app://porchlight/'],
    ['app://porchlight/cases/42?tab=open#top'],
  ])('accepts the app origin: %s', (url) => {
    expect(isAppFrame(url, trusted)).toBe(true)
  })

  it.each([
    [null],
    [undefined],
    [''],
    ['app://porchlight.evil/index.html'],
    ['app://porchlight.evil.com/'],
    ['app://evil/'],
    ['app://porchlight@evil.com/'],
    ['app://evil.com@porchlight/'],
    ['app://porchlight:8080/'],
    ['file:///home/agent/porchlight/out/renderer/index.html'],
    ['http://127.0.0.1/'],
    ['http://127.0.0.1:5173/'],
    ['https://porchlight/'],
    ['about:blank'],
    ['data:text/html,<p>hi</p>'],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(isAppFrame(url, trusted)).toBe(false)
  })

  it('accepts the dev server only when it is one of the trusted origins', () => {
    const dev = trustedOriginsFor('http://localhost:5173/')
    expect(isAppFrame('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppFrame('app://porchlight/index.html', dev)).toBe(true)
    expect(isAppFrame('http://localhost:5174/', dev)).toBe(false)
    expect(isAppFrame('http://localhost:5173/', trusted)).toBe(false)
  })
})

describe('call handlers', () => {
  it('refuses a null sender frame and a foreign origin without calling the core', async () => {
    const getSession = vi.fn(async () => session)
    const log = recordingLog()
    const handle = createCallHandler('getSession', {
      core: { currentUser: () => agent, handlers: fakeHandlers({ getSession }) },
      trustedOrigins: trusted,
      log,
    })
    expect(await handle({ senderFrame: null }, undefined)).toEqual(refused)
    expect(
      await handle({ senderFrame: { url: 'app://porchlight.evil/index.html' } }, undefined),
    ).toEqual(refused)
    expect(await handle({ senderFrame: { url: 'http://127.0.0.1/' } }, undefined)).toEqual(refused)
    expect(getSession).not.toHaveBeenCalled()
    expect(log.warnings).toHaveLength(3)
  })

  it('passes the parsed argument (with schema defaults) to the core and returns its result', async () => {
    const searchDeliveries = vi.fn(async () => [])
    const handle = createCallHandler('searchDeliveries', {
      core: { currentUser: () => agent, handlers: fakeHandlers({ searchDeliveries }) },
      trustedOrigins: trusted,
      log: recordingLog(),
    })
    expect(await handle(appFrame, { query: 'smith' })).toEqual({ ok: true, value: [] })
    expect(searchDeliveries).toHaveBeenCalledWith({ query: 'smith', limit: 50 })
  })

  it('rejects an invalid argument naming the call and the field', async () => {
    const signIn = vi.fn()
    const options = {
      core: { currentUser: () => agent, handlers: fakeHandlers({ signIn }) },
      trustedOrigins: trusted,
      log: recordingLog(),
    }
    const signInHandler = createCallHandler('signIn', options)
    const invalid = (message: string | RegExp) => ({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(message) },
    })
    expect(await signInHandler(appFrame, { username: '', password: 'x' })).toEqual(
      invalid('^Invalid request to signIn: username: Enter your user name$'),
    )
    expect(await signInHandler(appFrame, 'alice')).toEqual(invalid(/^Invalid request to signIn: /))

    const search = createCallHandler('searchDeliveries', options)
    expect(await search(appFrame, { query: 42 })).toEqual(
      invalid(/^Invalid request to searchDeliveries: query: /),
    )
    expect(await search(appFrame, { query: 'a', limit: 1000 })).toEqual(
      invalid(/^Invalid request to searchDeliveries: limit: /),
    )
    expect(signIn).not.toHaveBeenCalled()
  })

  it('answers a UserFacingError with its code and words, unchanged', async () => {
    const log = recordingLog()
    const handle = createCallHandler('syncNow', {
      core: {
        currentUser: () => agent,
        handlers: fakeHandlers({
          syncNow: async () => {
            throw new UserFacingError('offline', 'The delivery service cannot be reached.')
          },
        }),
      },
      trustedOrigins: trusted,
      log,
    })
    // Never a rejection: Electron would wrap it in words of its own.
    expect(await handle(appFrame, undefined)).toEqual({
      ok: false,
      error: { code: 'offline', message: 'The delivery service cannot be reached.' },
    })
    expect(log.errors).toHaveLength(0)
  })

  it('masks any other error and logs it', async () => {
    const log = recordingLog()
    const cause = new Error('SQLITE_CORRUPT: database disk image is malformed at /home/a/db')
    const handle = createCallHandler('getDelivery', {
      core: {
        currentUser: () => agent,
        handlers: fakeHandlers({
          getDelivery: async () => {
            throw cause
          },
        }),
      },
      trustedOrigins: trusted,
      log,
    })
    expect(await handle(appFrame, { id: 'd-1' })).toEqual({
      ok: false,
      error: { code: 'internal', message: genericFailure() },
    })
    expect(log.errors).toEqual([['getDelivery failed', cause]])
  })

  it('treats a result that breaks its schema as a bug: masked and logged', async () => {
    const log = recordingLog()
    const handle = createCallHandler('getSession', {
      core: {
        currentUser: () => agent,
        handlers: fakeHandlers({
          getSession: async () => ({ user: null }) as never,
        }),
      },
      trustedOrigins: trusted,
      log,
    })
    expect(await handle(appFrame, undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: genericFailure() },
    })
    expect(log.errors).toHaveLength(1)
  })
})

describe('registerIpcHandlers', () => {
  beforeEach(() => {
    electron.ipcMain.handle.mockReset()
    electron.ipcMain.removeHandler.mockReset()
  })

  it('registers one channel per call and removes them again', async () => {
    const remove = registerIpcHandlers({
      core: { currentUser: () => agent, handlers: fakeHandlers() },
      trustedOrigins: trusted,
      log: recordingLog(),
    })
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel)
    expect(channels).toEqual(CALL_NAMES.map(ipcChannel))

    const [, getDeliveryListener] = electron.ipcMain.handle.mock.calls.find(
      ([channel]) => channel === ipcChannel('getDelivery'),
    ) as [string, (event: unknown, arg: unknown) => Promise<unknown>]
    expect(await getDeliveryListener(appFrame, { id: 'd-1' })).toEqual({ ok: true, value: null })
    expect(await getDeliveryListener({ senderFrame: null }, { id: 'd-1' })).toEqual(refused)

    remove()
    expect(electron.ipcMain.removeHandler.mock.calls.map(([c]) => c)).toEqual(channels)
  })
})
