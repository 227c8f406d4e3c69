import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The folder Electron's `app.getPath('userData')` gives Porchlight on each OS, so the command
 * line and browser mode find the desktop app's cache. PORCHLIGHT_DATA_DIR overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.PORCHLIGHT_DATA_DIR) return env.PORCHLIGHT_DATA_DIR
  const home = homedir()
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Porchlight')
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Porchlight')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Porchlight')
}
