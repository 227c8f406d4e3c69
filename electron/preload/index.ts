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
import type { CallName, PorchlightApi } from '../core/api/definition.ts'
import { USER_GESTURE_CALLS } from '../core/api/maintenance-schemas.ts'

export const NEEDS_USER_GESTURE = 'Porchlight opens links only when you click them.'

const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/

/**
 * The handler's own message. Electron rejects invoke() with "Error invoking remote method
 * '<channel>': Error: <message>"; the person should read only <message>.
 */
export function userFacingMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(REMOTE_ERROR_PREFIX, '')
}

export function buildApi(
  invoke: (channel: string, arg: unknown) => Promise<unknown>,
  /** Whether the page has a fresh click or key press (navigator.userActivation.isActive). */
  userActivated: () => boolean = () => false,
): PorchlightApi {
  const api: Partial<Record<CallName, (arg?: unknown) => Promise<unknown>>> = {}
  for (const name of CALL_NAMES) {
    const channel = ipcChannel(name)
    const needsGesture = USER_GESTURE_CALLS.includes(name)
    api[name] = async (arg?: unknown) => {
      // The preload's world cannot be reached by the page, so the page cannot fake this check.
      if (needsGesture && !userActivated()) throw new Error(NEEDS_USER_GESTURE)
      try {
        return await invoke(channel, arg)
      } catch (error) {
        throw new Error(userFacingMessage(error), { cause: error })
      }
    }
  }
  return api as PorchlightApi
}

contextBridge.exposeInMainWorld(
  'porchlight',
  buildApi(
    (channel, arg) => ipcRenderer.invoke(channel, arg),
    () => globalThis.navigator?.userActivation?.isActive === true,
  ),
)
