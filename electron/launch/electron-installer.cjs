// @ts-check
// Runs the electron package's own installer, node_modules/electron/install.js (the package's
// `install-electron` bin, which @electron/get drives), inside this process for
// ensure-electron.mjs. Nothing in the installer is changed; two things are added around it:
//
// - Each download it starts is announced on stdout, and the last request that failed is
//   remembered with its reason: fetch's own error says only "fetch failed".
// - Its failure, which it prints as a stack trace with console.error and exit code 1, is written
//   instead to the JSON file named by PORCHLIGHT_INSTALL_REPORT, so that the launcher can say in
//   words what failed and what to do.
//
// stderr stays the terminal's, so @electron/get's progress bar (shown while a download takes
// longer than 30 seconds) is seen as the electron package intends.
//
// Usage: node electron-installer.cjs <path of electron/install.js>
'use strict'

const fs = require('node:fs')

const installer = process.argv[2]
const reportFile = process.env.PORCHLIGHT_INSTALL_REPORT

/** @type {{ url: string, reason: string } | null} */
let failedRequest = null
/** @type {string[]} */
const errors = []

/** @param {unknown} error */
function describeFetchError(error) {
  const cause =
    error instanceof Error
      ? /** @type {{ code?: unknown, message?: unknown }} */ (error.cause)
      : null
  if (cause && typeof cause.message === 'string' && cause.message) return cause.message
  if (cause && typeof cause.code === 'string') return cause.code
  return error instanceof Error ? error.message : String(error)
}

const realFetch = globalThis.fetch
/**
 * @param {Parameters<typeof fetch>[0]} input
 * @param {Parameters<typeof fetch>[1]} [init]
 */
async function announcedFetch(input, init) {
  const url = input instanceof Request ? input.url : String(input)
  process.stdout.write(`Downloading ${url}\n`)
  try {
    const response = await realFetch(input, init)
    if (!response.ok) {
      failedRequest = {
        url,
        reason: `the server answered ${response.status} ${response.statusText}`.trim(),
      }
    }
    return response
  } catch (error) {
    failedRequest = { url, reason: describeFetchError(error) }
    throw error
  }
}
Object.assign(globalThis, { fetch: announcedFetch })

function writeReport() {
  const report = JSON.stringify({ errors, failedRequest })
  if (reportFile) fs.writeFileSync(reportFile, report)
  else process.stderr.write(`${report}\n`)
}

/** @param {unknown[]} args */
console.error = (...args) => {
  errors.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '))
  writeReport()
}

if (!installer) {
  console.error('electron-installer.cjs: the path of electron/install.js is missing')
  process.exit(2)
}
try {
  require(installer)
} catch (error) {
  console.error(error)
  process.exit(1)
}
