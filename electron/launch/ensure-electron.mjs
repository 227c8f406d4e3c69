// @ts-check
// Makes sure the Electron binary is in node_modules/electron before `npm start` and `npm run dev`
// hand over to electron-vite.
//
// Why this step exists: since v42 the `electron` package downloads its binary on first use, not
// when it is installed (its package.json has no install script; node_modules/electron/index.js
// runs install.js when `require('electron')` finds no binary). electron-vite does not go that
// way: its getElectronPath() reads node_modules/electron/path.txt, which only the download
// writes, and throws "Electron uninstall" when it is missing. So this step runs the electron
// package's own installer (install.js, its `install-electron` bin) when path.txt or the
// executable it names is missing, and does nothing when they are there.
//
// When the download fails it prints one paragraph (what failed, the settings Electron's download
// honours, and browser mode as the way to run the console without Electron) and exits 1.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

/**
 * Where the electron package is and what electron-vite will run. Resolves the package's
 * package.json only: `require('electron')` itself would start the package's own download.
 */
function electronPackage() {
  const dir = dirname(require.resolve('electron/package.json'))
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const pathFile = join(dir, 'path.txt')
  const executable = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : null
  return {
    dir,
    /** @type {string} */
    version,
    installer: join(dir, 'install.js'),
    /** The executable electron-vite runs (from path.txt), when it is there. */
    executable: executable !== null && existsSync(executable) ? executable : null,
  }
}

/**
 * @typedef {{ errors: string[], failedRequest: { url: string, reason: string } | null }} InstallReport
 */

/**
 * Words for a failed install: what failed, the settings Electron's download honours, and the way
 * to run the console without Electron.
 * @param {string} version
 * @param {InstallReport | null} report
 */
function installFailureParagraph(version, report) {
  const request = report?.failedRequest
  const firstError = report?.errors[0]?.split('\n')[0]?.trim()
  const what = request
    ? `Electron ${version} could not be downloaded from ${request.url} (${request.reason}).`
    : `Electron ${version} could not be installed into node_modules/electron` +
      (firstError ? ` (${firstError}).` : '.')
  return [
    `Porchlight cannot open: ${what}`,
    'The electron package fetches its binary once, on first start, with its own installer.',
    'To fetch it from a mirror, set ELECTRON_MIRROR (the base URL) and, where the mirror names',
    `its folders differently, ELECTRON_CUSTOM_DIR (default v${version}); a mirror with its own`,
    'builds also needs electron_use_remote_checksums=1, and electron_config_cache moves the',
    'download cache (each also works as electron_mirror=... in .npmrc). Behind a proxy, set',
    'HTTPS_PROXY (and NO_PROXY). Then run the command again.',
    'Without Electron, `npm run browser -- --demo` runs the same console in your browser.',
  ].join('\n')
}

/**
 * Runs the electron package's installer in a child process (see electron-installer.cjs) and
 * returns null when it succeeded, or what it reported.
 * @param {string} installer
 * @returns {InstallReport | null}
 */
function runInstaller(installer) {
  const reportDir = mkdtempSync(join(tmpdir(), 'porchlight-electron-install-'))
  const reportFile = join(reportDir, 'report.json')
  try {
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, PORCHLIGHT_INSTALL_REPORT: reportFile }
    // Node's own fetch, which @electron/get uses, honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY only
    // when asked to; a user who set a proxy wants it used.
    const proxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(
      (name) => env[name],
    )
    if (proxy && env.NODE_USE_ENV_PROXY === undefined) env.NODE_USE_ENV_PROXY = '1'
    const result = spawnSync(process.execPath, [join(here, 'electron-installer.cjs'), installer], {
      stdio: 'inherit',
      env,
    })
    if (result.signal) process.exit(130)
    if (result.status === 0) return null
    return existsSync(reportFile)
      ? /** @type {InstallReport} */ (JSON.parse(readFileSync(reportFile, 'utf8')))
      : {
          errors: [result.error?.message ?? `the installer exited with ${result.status}`],
          failedRequest: null,
        }
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

/** Returns the executable, fetching it first when it is missing; exits 1 with words when it cannot. */
function ensureElectron() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const before = electronPackage()
  if (before.executable) return before.executable

  const where = relative(process.cwd(), before.dir) || before.dir
  console.log(
    `Electron ${before.version} is not in ${where} yet: fetching it once with the electron package's installer.`,
  )
  const report = runInstaller(before.installer)
  const after = electronPackage()
  if (report === null && after.executable) {
    console.log(`Electron ${after.version} is ready: ${relative(process.cwd(), after.executable)}`)
    return after.executable
  }
  process.stderr.write(`\n${installFailureParagraph(before.version, report)}\n`)
  process.exit(1)
}

ensureElectron()
