// The renderer's one way to reach the main process. In Electron the preload exposes the API as
// `window.porchlight`; in browser mode the same calls travel over the loopback HTTP bridge. Either
// way every call is built from `apiDefinition`, so a new call needs no change here, and every
// answer is checked against its result schema before a screen sees it.
import './zodWithoutEval.ts'
import { apiDefinition, CALL_ACCESS, CALL_NAMES } from '../../electron/core/api/definition.ts'
import type {
  CallName,
  PorchlightApi,
  PorchlightBridge,
} from '../../electron/core/api/definition.ts'
import {
  failed,
  isCallOutcome,
  signInFirst,
  type CallOutcome,
  type ErrorCode,
} from '../../electron/core/api/outcome.ts'
import { t } from '../../electron/core/messages/messages.ts'

/** A call that failed: the words for the person, and a code a screen can branch on. */
export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

type Transport = (name: CallName, arg: unknown) => Promise<CallOutcome>

const TOKEN_PARAM = 'token'
const TOKEN_STORAGE_KEY = 'porchlight.bridgeToken'

/** The preload's API, when we run inside Electron. Read without widening the global Window type. */
function electronApi(): PorchlightBridge | null {
  const candidate = (window as unknown as { porchlight?: PorchlightBridge }).porchlight
  return candidate && typeof candidate === 'object' ? candidate : null
}

/**
 * Browser mode: the token arrives once in the page URL (`?token=`). Keep it for this tab only and
 * take it out of the address bar so it does not end up in history, bookmarks or screenshots.
 */
function takeBridgeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get(TOKEN_PARAM)
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    } catch {
      // Storage can be unavailable (privacy settings); the token then lives for this page only.
    }
    url.searchParams.delete(TOKEN_PARAM)
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY)
  } catch {
    return null
  }
}

/** The words to show for a failed call: an ApiError's own message, as the core wrote it. */
export function userMessage(error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : ''
  return message || t('app:error.generic')
}

function electronTransport(bridge: PorchlightBridge): Transport {
  return async (name, arg) => {
    const call = bridge[name] as (arg?: unknown) => Promise<unknown>
    const outcome = await call(arg)
    return isCallOutcome(outcome)
      ? outcome
      : failed('unreadable-answer', t('app:error.unreadable', { call: name }))
  }
}

function httpTransport(token: string | null): Transport {
  return async (name, arg) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers['X-Porchlight-Token'] = token
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      })
    } catch {
      return failed('unreachable', t('app:error.unreachable'))
    }
    const body: unknown = await response.json().catch(() => null)
    if (response.status === 401 || response.status === 403) {
      return failed('unauthorized', t('app:error.notConnected'))
    }
    if (isCallOutcome(body)) return body
    if (!response.ok) {
      return failed('internal', t('app:error.httpStatus', { status: response.status }))
    }
    return failed('unreadable-answer', t('app:error.unreadable', { call: name }))
  }
}

/** The calls that end the session: the screens' calls wait for them (see buildApi). */
const ENDS_SESSION: ReadonlySet<CallName> = new Set(['signOut', 'signOutAndErase'])
/** How long a sign-out waits for the calls already on their way (a poll, a save). */
const SIGN_OUT_WAITS_MS = 3_000

function buildApi(transport: Transport): PorchlightApi {
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {}
  // Signing out, the screens still mounted keep polling (the case counts, the status bar) until
  // the sign-in screen replaces them. Sent after the core has signed out, such a call would only
  // be refused. So a sign-out waits for the calls on their way, holds the calls made meanwhile,
  // and once it is done answers the signed-in calls here, as the core would, until a sign-in.
  const onTheirWay = new Set<Promise<unknown>>()
  let signingOut: Promise<unknown> | null = null
  let signedOut = false
  for (const name of CALL_NAMES) {
    const { arg: argSchema, result: resultSchema } = apiDefinition[name]
    const signedInOnly = CALL_ACCESS[name] !== 'public'
    api[name] = async (arg?: unknown) => {
      // Checked here too so that a missing field is reported at once, in the schema's own words.
      const argCheck = argSchema.safeParse(arg)
      if (!argCheck.success) {
        const message = argCheck.error.issues[0]?.message ?? t('app:error.invalidRequest')
        throw new ApiError('invalid-argument', message)
      }
      if (signedInOnly && !ENDS_SESSION.has(name)) {
        if (signingOut) await signingOut.catch(() => {})
        if (signedOut) throw new ApiError('signed-out', signInFirst())
      }
      let sent: Promise<CallOutcome>
      if (ENDS_SESSION.has(name)) {
        const settled = Promise.allSettled([...onTheirWay])
        const waited = new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAITS_MS))
        sent = Promise.race([settled, waited]).then(() => transport(name, arg))
        signingOut = sent
      } else {
        sent = transport(name, arg)
        onTheirWay.add(sent)
      }
      let outcome: CallOutcome
      try {
        outcome = await sent
      } finally {
        onTheirWay.delete(sent)
        if (signingOut === sent) signingOut = null
      }
      if (outcome.ok && ENDS_SESSION.has(name)) signedOut = true
      if (outcome.ok && name === 'signIn') signedOut = false
      if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message)
      const resultCheck = resultSchema.safeParse(outcome.value)
      if (!resultCheck.success) {
        console.error(`porchlight: ${name} returned data that does not match its schema`, {
          issues: resultCheck.error.issues,
        })
        throw new ApiError('unreadable-answer', t('app:error.notReadable', { call: name }))
      }
      return resultCheck.data
    }
  }
  return api as unknown as PorchlightApi
}

const bridge = electronApi()
const bridgeToken = bridge ? null : takeBridgeToken()

/** True inside Electron (preload present); false in browser mode. */
export const runsInElectron = bridge !== null

export const api: PorchlightApi = buildApi(
  bridge ? electronTransport(bridge) : httpTransport(bridgeToken),
)

export type PhotoUrlOptions = {
  /** 'thumbnail' is the small preview; 'full' (the default) is the photo itself. */
  variant?: 'full' | 'thumbnail'
}

/**
 * Where the renderer loads a stored photo from. Never a file path: an opaque id on our protocol.
 * Loading a photo records nothing; the screen that shows the full photo records the view with
 * `api.recordPhotoView` (thumbnails are not views).
 */
export function photoUrl(photoId: string, options: PhotoUrlOptions = {}): string {
  const id = encodeURIComponent(photoId)
  if (options.variant === 'thumbnail') {
    return runsInElectron ? `porchlight-photo://thumb/${id}` : `/thumbs/${id}`
  }
  return runsInElectron ? `porchlight-photo://photo/${id}` : `/photos/${id}`
}

/**
 * Leaflet's URL template for map tiles: the main process's porchlight-tile protocol, or the bridge
 * in browser mode. The core chooses the source (MBTiles files, the tile server, the cache); the
 * page never talks to a tile server itself.
 */
export function tileUrlTemplate(): string {
  return runsInElectron ? 'porchlight-tile://tile/{z}/{x}/{y}' : '/tiles/{z}/{x}/{y}'
}
