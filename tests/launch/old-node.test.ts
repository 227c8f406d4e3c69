// A Node too old for Porchlight is refused in one line that says which Node is needed and how to
// get it, by `npm install`, `npm start`, `npm run dev`, `npm run browser` and `npm test` alike.
// The preflight runs under the machine's own older Node (Debian's Node 20 here), the one a
// person has before `source .ci/node24.sh`.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import checkNode from '../../electron/launch/check-node.cjs'
import { REPO_ROOT } from '../support/project-copy.ts'

const { unsupportedNodeMessage, MINIMUM_NODE } = checkNode

const PREFLIGHT = join(REPO_ROOT, 'electron/launch/check-node.cjs')

/** The first `node` on PATH, other than the one running the tests, that is too old. */
function findOldNode(): { node: string; version: string } | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/local/bin'])
  for (const dir of dirs) {
    const node = join(dir, 'node')
    const run = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
    const version = run.status === 0 ? run.stdout.trim() : null
    if (version && unsupportedNodeMessage(version)) return { node, version }
  }
  return null
}

const oldNode = findOldNode()

/**
 * Runs `npm <args>` in `cwd` with the old Node first on PATH (npm runs on it too). The preflight
 * stops each command within seconds; should it ever let one through (`npm test` would start the
 * whole suite), the command's process group is ended after 60 seconds.
 */
function npmOnOldNode(
  cwd: string,
  args: string[],
): Promise<{ status: number | null; stderr: string }> {
  const path = [dirname(oldNode!.node), process.env.PATH].join(delimiter)
  return new Promise((done, fail) => {
    const child = spawn('npm', args, {
      cwd,
      env: { ...process.env, PATH: path, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000)
    child.on('error', fail)
    child.on('close', (status) => {
      clearTimeout(timer)
      done({ status, stderr })
    })
  })
}

/** Our line, and no other line from our scripts on stderr (npm's own `npm warn`/`npm error` aside). */
function expectRefusedInOneLine(stderr: string, version: string) {
  const ours = stderr.split('\n').filter((line) => line && !/^npm (warn|error|notice)/.test(line))
  expect(ours).toEqual([unsupportedNodeMessage(version)])
}

describe('the Node preflight', () => {
  it('names the version needed and the way to get it, and passes from 22.18 on', () => {
    expect(MINIMUM_NODE).toBe('22.18')
    const line = unsupportedNodeMessage('20.20.2')
    expect(line).toBe(
      'Porchlight needs Node.js 22.18 or newer; this is 20.20.2. Run `source .ci/node24.sh` ' +
        '(it puts Node 24 first on PATH) or install Node 24 LTS.',
    )
    expect(line).not.toContain('\n')
    // 22.12 to 22.17 cannot run our .ts entry points (type stripping is on by default from 22.18).
    expect(unsupportedNodeMessage('22.17.1')).not.toBeNull()
    expect(unsupportedNodeMessage('v18.20.0')).not.toBeNull()
    expect(unsupportedNodeMessage('22.18.0')).toBeNull()
    expect(unsupportedNodeMessage('23.0.0')).toBeNull()
    expect(unsupportedNodeMessage(process.versions.node)).toBeNull()
  })

  it('is the first step of install, start, dev, browser and test', () => {
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts
    const preflight = 'node electron/launch/check-node.cjs'
    expect(scripts.preinstall).toBe(preflight)
    for (const name of ['start', 'dev', 'browser', 'test', 'package']) {
      expect(scripts[name], name).toMatch(new RegExp(`^${preflight.replaceAll('.', '\\.')} && `))
    }
  })

  describe.skipIf(!oldNode)(`under this machine's older Node (${oldNode?.version})`, () => {
    it('refuses in one line with a non-zero exit', () => {
      const run = spawnSync(oldNode!.node, [PREFLIGHT], { encoding: 'utf8' })
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`${unsupportedNodeMessage(oldNode!.version)}\n`)
    })

    it.each(['start', 'run dev', 'run browser', 'test'])(
      'npm %s stops at the preflight',
      async (command) => {
        const run = await npmOnOldNode(REPO_ROOT, command.split(' '))
        expect(run.status).toBe(1)
        expectRefusedInOneLine(run.stderr, oldNode!.version)
      },
    )

    it('npm install stops at the preflight', async () => {
      // npm runs the project's preinstall after it has placed the dependencies, so this runs on
      // the project's package.json without them: the same scripts, nothing to download.
      const dir = mkdtempSync(join(tmpdir(), 'porchlight-old-node-'))
      try {
        const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
        delete pkg.dependencies
        delete pkg.devDependencies
        writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2))
        mkdirSync(join(dir, 'electron/launch'), { recursive: true })
        copyFileSync(PREFLIGHT, join(dir, 'electron/launch/check-node.cjs'))
        const run = await npmOnOldNode(dir, ['install', '--no-audit', '--no-fund', '--offline'])
        expect(run.status).not.toBe(0)
        expectRefusedInOneLine(run.stderr, oldNode!.version)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})
