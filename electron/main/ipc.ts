// The typed API over IPC: one `ipcMain.handle` per call in `apiDefinition`. Every call is checked
// on the way in (which frame sent it; then, in the dispatcher, who is signed in and what it
// carries) and on the way out (the result schema). The answer is always a CallOutcome: it never
// rejects, so Electron adds no words of its own and the renderer needs no cleanup.
import { ipcMain } from 'electron'
import { CALL_NAMES, ipcChannel } from '../core/api/definition.ts'
import type { CallName } from '../core/api/definition.ts'
import { dispatchCall } from '../core/api/dispatch.ts'
import { failed, type CallOutcome } from '../core/api/outcome.ts'
import type { PorchlightCore } from '../core/app/types.ts'
import type { Logger } from '../core/common/logger.ts'
import { hasTrustedOrigin, originOf } from './app-origin.ts'

export { genericFailure } from '../core/api/dispatch.ts'
export const REFUSED_SENDER = 'Porchlight only answers its own window.'

/** The part of Electron's IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null
}

export interface IpcOptions {
  core: Pick<PorchlightCore, 'handlers' | 'currentUser'>
  trustedOrigins: readonly string[]
  log: Logger
}

/**
 * True when an IPC message came from a frame showing one of our pages. A null frame (navigated
 * away or destroyed) is refused; origins are compared after parsing, never by string prefix.
 */
export function isAppFrame(
  frameUrl: string | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  return hasTrustedOrigin(frameUrl, trustedOrigins)
}

/** The `ipcMain.handle` listener for one call. Exported so tests can drive it without Electron. */
export function createCallHandler(name: CallName, options: IpcOptions) {
  return async (event: InvokeEvent, rawArg: unknown): Promise<CallOutcome> => {
    const frameUrl = event.senderFrame?.url ?? null
    if (!isAppFrame(frameUrl, options.trustedOrigins)) {
      options.log.warn(`ipc: refused ${name} from ${originOf(frameUrl) ?? 'an unknown frame'}`)
      return failed('refused-sender', REFUSED_SENDER)
    }
    return dispatchCall(options.core, name, rawArg, options.log)
  }
}

/** Registers every call; the returned function removes them again (on shutdown). */
export function registerIpcHandlers(options: IpcOptions): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), createCallHandler(name, options))
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(ipcChannel(name))
  }
}
