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
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null })
    const api = exposed()
    await expect(api['getDelivery']!({ id: 'd-1' })).resolves.toEqual({ ok: true, value: null })
    await api['getSession']!()
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannel('getDelivery'), { id: 'd-1' }],
      [ipcChannel('getSession'), undefined],
    ])
  })

  it('hands back the main process’s outcome as it is, failures included', async () => {
    const refusal = { ok: false, error: { code: 'signed-out', message: 'Please sign in first.' } }
    electron.ipcRenderer.invoke.mockResolvedValueOnce(refusal)
    expect(await exposed()['syncNow']!()).toEqual(refusal)
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
        return { ok: true, value: { opened: true } }
      },
      () => activated,
    )
    expect(await api.openExternalLink({ url: 'https://example.com/' })).toEqual({
      ok: false,
      error: { code: 'needs-user-gesture', message: NEEDS_USER_GESTURE },
    })
    expect(sent).toEqual([])
    activated = true
    expect(await api.openExternalLink({ url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    // Other calls never need one.
    activated = false
    await api.getSession()
    expect(sent).toEqual([ipcChannel('openExternalLink'), ipcChannel('getSession')])
  })
})
