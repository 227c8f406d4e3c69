// Our three URL schemes, as Electron sees them. The request → Response logic lives in
// app-protocol.ts, photo-protocol.ts and tile-protocol.ts; this file only declares privileges and
// wires handlers.
import { protocol } from 'electron'
import type { Logger } from '../core/common/logger.ts'
import { APP_SCHEME } from './app-origin.ts'
import { serveAppRequest } from './app-protocol.ts'
import type { ResolvePhoto } from './photo-protocol.ts'
import { PHOTO_SCHEME, servePhotoRequest } from './photo-protocol.ts'
import type { GetTile } from './tile-protocol.ts'
import { TILE_SCHEME, serveTileRequest } from './tile-protocol.ts'

/**
 * Must run before the app's `ready` event (Electron accepts it once).
 *
 * `app` is where the renderer lives, so it behaves like https: `standard` gives it a real origin
 * (`app://porchlight`), relative URLs and web storage; `secure` makes it a secure context;
 * `supportFetchAPI` lets the page fetch its own files; `codeCache` keeps V8's compiled code between
 * starts. `corsEnabled` stays off: with it, any origin could read our responses.
 *
 * `porchlight-photo` only ever backs <img> elements. It is `secure` (no mixed-content downgrade
 * from the secure app page) and `stream` (bodies are streamed from disk), but deliberately not
 * `standard`: it needs no relative URLs, host-based origin, storage or cookies, and as a
 * non-standard scheme a document loaded from it would get an opaque origin with no same-origin
 * reach to anything. No `supportFetchAPI`/`corsEnabled` either: pages can show the photos but not
 * read their bytes from script. `porchlight-tile` backs the map's tile <img> elements and gets
 * the same privileges for the same reasons (its bodies are small buffers, so no `stream`). No
 * scheme bypasses the page's CSP.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
        codeCache: true,
      },
    },
    { scheme: PHOTO_SCHEME, privileges: { secure: true, stream: true } },
    { scheme: TILE_SCHEME, privileges: { secure: true } },
  ])
}

/** Electron adds `initiatorOrigin` to the requests it hands protocol handlers. */
type ProtocolRequest = Request & { initiatorOrigin?: string }

export function handleAppProtocol(rendererRoot: string, log: Logger): void {
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest({ url: request.url, method: request.method }, { rendererRoot, log }),
  )
}

export function handlePhotoProtocol(
  resolvePhoto: ResolvePhoto,
  trustedOrigins: readonly string[],
  log: Logger,
): void {
  protocol.handle(PHOTO_SCHEME, (request: ProtocolRequest) =>
    servePhotoRequest(
      {
        url: request.url,
        method: request.method,
        initiatorOrigin: request.initiatorOrigin,
        referrer: request.referrer,
      },
      { resolvePhoto, trustedOrigins, log },
    ),
  )
}

export function handleTileProtocol(
  getTile: GetTile,
  trustedOrigins: readonly string[],
  log: Logger,
): void {
  protocol.handle(TILE_SCHEME, (request: ProtocolRequest) =>
    serveTileRequest(
      { url: request.url, method: request.method, initiatorOrigin: request.initiatorOrigin },
      { getTile, trustedOrigins, log },
    ),
  )
}
