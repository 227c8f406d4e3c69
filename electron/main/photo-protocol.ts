// `porchlight-photo://photo/<photoId>`: a stored delivery photo, addressed by its opaque id. The
// core decides what may be shown (`resolvePhoto`); this only turns its answer into a Response and
// never serves any path but the one the core returned. Serving a photo records nothing (the page
// records a view with the `recordPhotoView` call), and only the app's own pages are served: the
// request's initiator (or, when Electron names none, its referrer) must be the app's origin.
// Pure (no Electron) so tests run in Node.
import { open } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import { Readable } from 'node:stream'
import type { PhotoFile, PhotoRequestOptions } from '../core/app/types.ts'
import type { Logger } from '../core/common/logger.ts'
import { hasTrustedOrigin } from './app-origin.ts'

export const PHOTO_SCHEME = 'porchlight-photo'
/** `photo` serves the verified photo, `thumb` its thumbnail. */
const HOSTS = { photo: 'full', thumb: 'thumbnail' } as const
const PHOTO_ID = /^[A-Za-z0-9_-]{1,64}$/

export type ResolvePhoto = (photoId: string, request?: PhotoRequestOptions) => Promise<PhotoFile>

export interface PhotoRequest {
  url: string
  method?: string
  /**
   * The origin of the page that asked (Electron's `request.initiatorOrigin`); absent when the
   * browser itself started the request. Unlike the referrer it is not under the page's control.
   */
  initiatorOrigin?: string | undefined
  /** The request's referrer; consulted only when Electron names no initiator. */
  referrer?: string | undefined
}

export interface PhotoProtocolOptions {
  resolvePhoto: ResolvePhoto
  /** Pages allowed to show photos (the app origin, plus the dev server in development). */
  trustedOrigins: readonly string[]
  log?: Logger
}

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const

function refusal(status: number, reason: string): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** The photo id in a `porchlight-photo://photo/<id>` URL, or null when the URL is not one. */
export function photoIdFrom(requestUrl: string): string | null {
  return photoRequestFrom(requestUrl)?.photoId ?? null
}

/**
 * What a `porchlight-photo://photo/<id>` or `porchlight-photo://thumb/<id>` URL asks for, or null
 * when it is not exactly one (a query or fragment included).
 */
export function photoRequestFrom(
  requestUrl: string,
): ({ photoId: string } & Required<PhotoRequestOptions>) | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${PHOTO_SCHEME}:` || !Object.hasOwn(HOSTS, url.host)) return null
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return null
  }
  const id = url.pathname.startsWith('/') ? url.pathname.slice(1) : null
  if (id === null || !PHOTO_ID.test(id)) return null
  return { photoId: id, variant: HOSTS[url.host as keyof typeof HOSTS] }
}

/**
 * True when one of the app's pages asked: Electron's initiator names it; when Electron names no
 * initiator (the browser started the request itself), the referrer must. The app's page sends no
 * referrer (its Referrer-Policy is no-referrer), so such a request is refused.
 */
export function askedByApp(request: PhotoRequest, trustedOrigins: readonly string[]): boolean {
  if (request.initiatorOrigin !== undefined) {
    return hasTrustedOrigin(request.initiatorOrigin, trustedOrigins)
  }
  return hasTrustedOrigin(request.referrer, trustedOrigins)
}

/** Only image types go out under this scheme; anything else is sent as opaque bytes. */
function imageContentType(contentType: string): string {
  return /^image\/[a-z0-9.+-]+$/i.test(contentType) ? contentType : 'application/octet-stream'
}

/** Serves one photo request. Never throws: every failure is a status with a plain-text reason. */
export async function servePhotoRequest(
  request: PhotoRequest,
  options: PhotoProtocolOptions,
): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Photos can only be read.')
  if (!askedByApp(request, options.trustedOrigins)) {
    return refusal(403, 'Photos are shown only inside Porchlight.')
  }
  const asked = photoRequestFrom(request.url)
  if (asked === null) return refusal(400, 'That is not a valid photo address.')
  const { photoId } = asked

  let photo: PhotoFile
  try {
    photo = await options.resolvePhoto(photoId, { variant: asked.variant })
  } catch (error) {
    options.log?.error(`photo protocol: resolving photo ${photoId} failed`, error)
    return refusal(500, 'The photo could not be loaded. The details are in the log.')
  }
  if (!photo.ok) return refusal(photo.status, photo.reason)
  if (!isAbsolute(photo.path)) {
    options.log?.error(`photo protocol: resolvePhoto gave a relative path for ${photoId}`)
    return refusal(500, 'The photo could not be loaded. The details are in the log.')
  }

  let file: Awaited<ReturnType<typeof open>>
  try {
    file = await open(photo.path, 'r')
  } catch (error) {
    options.log?.warn(`photo protocol: stored file for photo ${photoId} is missing`, error)
    return refusal(404, 'The photo file is missing. It will be fetched again at the next sync.')
  }
  try {
    const info = await file.stat()
    if (!info.isFile()) throw new Error('not a regular file')
    const headers = {
      ...BASE_HEADERS,
      'Content-Type': imageContentType(photo.contentType),
      'Content-Length': String(info.size),
    }
    if (method === 'HEAD') {
      await file.close()
      return new Response(null, { status: 200, headers })
    }
    // The stream owns the handle from here and closes it at end or on error.
    const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>
    return new Response(body, { status: 200, headers })
  } catch (error) {
    await file.close().catch(() => undefined)
    options.log?.error(`photo protocol: could not read photo ${photoId}`, error)
    return refusal(500, 'The photo could not be loaded. The details are in the log.')
  }
}
