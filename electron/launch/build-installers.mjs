// @ts-check
// `npm run package`'s last step: runs electron-builder with the arguments given, shows its output
// as it comes, and keeps the whole of it in dist/electron-builder.log. Stack traces go to the log
// only. When electron-builder fails, one paragraph says what failed and what to do; for a failed
// download (electron-builder fetches Electron for each target, and each installer format's tools,
// the first time), the settings it honours for mirrors and proxies.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { createInterface } from 'node:readline'

const require = createRequire(import.meta.url)

/** Signs of a download that failed (DNS, connection, TLS, proxy, HTTP status, checksum). */
const DOWNLOAD_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket hang up|fetch failed|certificate|proxy|HTTPError|Response code \d+|status code \d+|checksum/i

/**
 * @param {string} failure electron-builder's own line for the error, without its stack trace
 * @param {string} log where the whole output is
 */
function packageFailureParagraph(failure, log) {
  const reason = failure
    .replace(/^\s*⨯\s*/, '')
    .replace(/\s+failedTask=\S+/, '')
    .trim()
  if (!DOWNLOAD_FAILURE.test(reason)) {
    return [
      `The installer was not built: electron-builder stopped (${reason || 'no reason given'}).`,
      `Its whole output is in ${log}.`,
    ].join('\n')
  }
  return [
    `The installer was not built: electron-builder could not download what it packages (${reason}).`,
    'It fetches Electron for each target platform and architecture, and the tools of each',
    'installer format, once, into its caches. To fetch Electron from a mirror, set ELECTRON_MIRROR',
    '(the base URL) and, where the mirror names its folders differently, ELECTRON_CUSTOM_DIR; for',
    'the tools, ELECTRON_BUILDER_BINARIES_MIRROR. Behind a proxy, set HTTPS_PROXY (and NO_PROXY)',
    `with ELECTRON_GET_USE_PROXY=1. Then run the command again. Its whole output is in ${log}.`,
    'Without an installer, `npm start` runs the app from this folder, and',
    '`npm run browser -- --demo` runs the same console in your browser.',
  ].join('\n')
}

function main() {
  const pkg = dirname(require.resolve('electron-builder/package.json'))
  const cli = join(pkg, require(join(pkg, 'package.json')).bin['electron-builder'])
  const logFile = join(process.cwd(), 'dist', 'electron-builder.log')
  mkdirSync(dirname(logFile), { recursive: true })
  const log = createWriteStream(logFile)

  const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'pipe'],
  })
  let failure = ''
  /**
   * @param {import('node:stream').Readable} from
   * @param {NodeJS.WriteStream} to
   */
  const relay = (from, to) =>
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      log.write(`${line}\n`)
      if (/^\s+at /.test(line)) return
      const shown = line.split(' stackTrace=')[0] ?? line
      if (/^\s*⨯ /.test(line)) failure = shown
      to.write(`${shown}\n`)
    })
  relay(child.stdout, process.stdout)
  relay(child.stderr, process.stderr)

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('close', (code) => {
    log.end()
    if (code === 0) return
    const where = relative(process.cwd(), logFile)
    process.stderr.write(`\n${packageFailureParagraph(failure, where)}\n`)
    process.exitCode = code || 1
  })
}

main()
