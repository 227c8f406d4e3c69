// What the shell decides before the core starts: where the data lives and which delivery service
// to talk to. Read from the environment and validated here, at the edge.
import { isAbsolute, join, resolve } from 'node:path'
import type { ServiceChoice } from '../core/app/types.ts'
import { ensurePrivateDir as ensurePrivateDirSync } from '../core/common/private-dir.ts'

export const DATA_DIR_VARIABLE = 'PORCHLIGHT_DATA_DIR'
export const SERVICE_URL_VARIABLE = 'PORCHLIGHT_SERVICE_URL'

/** A setting the person (or a script) got wrong; its message says which and how to fix it. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * `PORCHLIGHT_DATA_DIR` when set (made absolute), otherwise null: the shell then keeps Electron's
 * own userData folder.
 */
export function dataDirOverride(env: Env, cwd: string = process.cwd()): string | null {
  const value = env[DATA_DIR_VARIABLE]?.trim()
  if (value === undefined || value === '') return null
  if (value.includes('\0')) throw new SettingsError(`${DATA_DIR_VARIABLE} is not a usable path.`)
  return isAbsolute(value) ? resolve(value) : resolve(cwd, value)
}

/**
 * `PORCHLIGHT_SERVICE_URL` (an http or https URL) selects a real delivery service; without it the
 * core starts the built-in demo service on 127.0.0.1.
 */
export function serviceChoiceFrom(env: Env): ServiceChoice {
  const value = env[SERVICE_URL_VARIABLE]?.trim()
  if (value === undefined || value === '') return { kind: 'demo' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SettingsError(
      `${SERVICE_URL_VARIABLE} is not a URL (${JSON.stringify(value)}). Use the delivery ` +
        'service address, for example https://deliveries.example.com/.',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(`${SERVICE_URL_VARIABLE} must start with https:// or http://.`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new SettingsError(
      `${SERVICE_URL_VARIABLE} must not contain a user name or password; Porchlight asks for the ` +
        'sign-in itself.',
    )
  }
  return { kind: 'remote', url: url.href }
}

/** True for a plain-http service that is not on this machine: tokens would cross the network. */
export function isInsecureRemote(choice: ServiceChoice): boolean {
  if (choice.kind !== 'remote') return false
  const url = new URL(choice.url)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return url.protocol === 'http:' && !loopback
}

/** Creates the data folder readable by this user only (see electron/core/common/private-dir.ts). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  ensurePrivateDirSync(dir)
}

/**
 * Where the demo basemap is: shipped beside the app's resources when packaged (electron-builder's
 * extraResources), in the source tree's resources/ folder otherwise.
 */
export function demoBasemapPath(app: {
  isPackaged: boolean
  resourcesPath: string
  appPath: string
}): string {
  return app.isPackaged
    ? join(app.resourcesPath, 'demo-basemap.mbtiles')
    : join(app.appPath, 'resources', 'demo-basemap.mbtiles')
}
