// @ts-check
// The first step of `npm install`, `npm start`, `npm run dev`, `npm run browser`, `npm test` and
// `npm run package`: refuses a Node.js that cannot run Porchlight, in one line that says what to
// do, instead of the error an old Node would stumble on later (ERR_UNKNOWN_FILE_EXTENSION for our
// .ts files, or a syntax error). Node 22.18 is the first Node that runs .ts files without a flag
// (22.12 to 22.17 fail on them), and Electron's installer needs 22.12.
//
// It has to run on any old Node, so it is plain CommonJS in the oldest syntax: no `const`
// destructuring, arrow functions, optional chaining or template strings.
'use strict'

/** @type {[number, number]} */
var MINIMUM = [22, 18]

/**
 * The line that refuses `version` (as in `process.versions.node`), or null when it is new enough.
 * @param {string} version
 * @returns {string | null}
 */
function unsupportedNodeMessage(version) {
  var parts = String(version).replace(/^v/, '').split('.')
  var major = Number(parts[0])
  var minor = Number(parts[1])
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return null
  return (
    'Porchlight needs Node.js ' +
    MINIMUM.join('.') +
    ' or newer; this is ' +
    String(version).replace(/^v/, '') +
    '. Run `source .ci/node24.sh` (it puts Node 24 first on PATH) or install Node 24 LTS.'
  )
}

module.exports = { unsupportedNodeMessage: unsupportedNodeMessage, MINIMUM_NODE: MINIMUM.join('.') }

if (require.main === module) {
  var message = unsupportedNodeMessage(process.versions.node)
  if (message) {
    process.stderr.write(message + '\n')
    process.exit(1)
  }
}
