// The renderer's only door to the main process: `window.porchlight`, one function per call in
// `apiDefinition`, each a single `ipcRenderer.invoke`. Nothing else is exposed (not ipcRenderer,
// not a generic invoke), so the page can ask for exactly the calls the main process validates.
//
// This runs sandboxed: it may import only 'electron' and code bundled into it. Reading the call
// names from the one API table keeps "adding a call is one entry" true, at the price of zod being
// bundled here too (the table is built from zod schemas): about 180 kB unminified, some 20 ms to
// evaluate once per page load. A zod-free list of call names in electron/core/api would remove it.
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES, ipcChannel } from '../core/api/definition.ts'
import type { CallName, PorchlightBridge } from '../core/api/definition.ts'
import { USER_GESTURE_CALLS } from '../core/api/maintenance-schemas.ts'
import { failed } from '../core/api/outcome.ts'

export const NEEDS_USER_GESTURE = 'Porchlight opens links only when you click them.'

export function buildApi(
  invoke: (channel: string, arg: unknown) => Promise<unknown>,
  /** Whether the page has a fresh click or key press (navigator.userActivation.isActive). */
  userActivated: () => boolean = () => false,
): PorchlightBridge {
  const api: Partial<Record<CallName, (arg?: unknown) => Promise<unknown>>> = {}
  for (const name of CALL_NAMES) {
    const channel = ipcChannel(name)
    const needsGesture = USER_GESTURE_CALLS.includes(name)
    api[name] = async (arg?: unknown) => {
      // The preload's world cannot be reached by the page, so the page cannot fake this check.
      if (needsGesture && !userActivated()) return failed('needs-user-gesture', NEEDS_USER_GESTURE)
      // The main process answers every call with its outcome ({ok, value} or {ok, error}).
      return invoke(channel, arg)
    }
  }
  return api as PorchlightBridge
}

contextBridge.exposeInMainWorld(
  'porchlight',
  buildApi(
    (channel, arg) => ipcRenderer.invoke(channel, arg),
    () => globalThis.navigator?.userActivation?.isActive === true,
  ),
)
