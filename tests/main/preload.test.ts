import { describe, expect, it, vi } from 'vitest'
import { CALL_NAMES, ipcChannel } from '../../electron/core/api/definition.ts'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}))
vi.mock('electron', () => electron)

type ExposedApi = Record<string, (arg?: unknown) => Promise<unknown>>

await import('../../electron/preload/index.ts')
// Read once here: Vitest clears mock calls before every test.
const exposeCalls = [...electron.contextBridge.exposeInMainWorld.mock.calls] as [
  string,
  ExposedApi,
][]

function exposed(): ExposedApi {
  expect(exposeCalls).toHaveLength(1)
  const [key, api] = exposeCalls[0]!
  expect(key).toBe('porchlight')
  return api
}

describe('preload', () => {
  it('exposes exactly one function per API call, and nothing else', () => {
    const api = exposed()
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort())
    for (const name of CALL_NAMES) expect(typeof api[name]).toBe('function')
  })

  it('sends each call on its channel with its argument', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: 1 })
    const api = exposed()
    await expect(api['getDelivery']!({ id: 'd-1' })).resolves.toEqual({ ok: 1 })
    await api['getSession']!()
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannel('getDelivery'), { id: 'd-1' }],
      [ipcChannel('getSession'), undefined],
    ])
  })

  it.each([
    [
      "Error invoking remote method 'porchlight:syncNow': Error: Please sign in first.",
      'Please sign in first.',
    ],
    [
      "Error invoking remote method 'porchlight:signIn': UserFacingError: The user name or password is wrong.",
      'The user name or password is wrong.',
    ],
    [
      "Error invoking remote method 'porchlight:signIn': Error: Invalid request to signIn: username: Enter your user name",
      'Invalid request to signIn: username: Enter your user name',
    ],
    ['Something else entirely', 'Something else entirely'],
  ])('strips Electron’s prefix from %j', async (raw, expected) => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error(raw))
    const failure = await exposed()['syncNow']!().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toBe(expected)
  })
})

describe('calls that need a click', () => {
  it('opens links only while the page has a fresh user gesture', async () => {
    const { buildApi, NEEDS_USER_GESTURE } = await import('../../electron/preload/index.ts')
    const sent: string[] = []
    let activated = false
    const api = buildApi(
      async (channel) => {
        sent.push(channel)
        return { opened: true }
      },
      () => activated,
    )
    await expect(api.openExternalLink({ url: 'https://example.com/' })).rejects.toThrow(
      NEEDS_USER_GESTURE,
    )
    expect(sent).toEqual([])
    activated = true
    await expect(api.openExternalLink({ url: 'https://example.com/' })).resolves.toEqual({
      opened: true,
    })
    // Other calls never need one.
    activated = false
    await api.getSession()
    expect(sent).toEqual([ipcChannel('openExternalLink'), ipcChannel('getSession')])
  })
})
