// `npm start` and `npm run dev` on a fresh clone, where node_modules/electron holds no binary yet
// (the electron package downloads it on first use since v42). This is the proof of the README's
// first command, `npm install && npm start`: the copy below is the project as a fresh install
// leaves it, and `npm start` must fetch Electron the electron package's way, then launch the
// built app. A stand-in Electron served by a mirror on 127.0.0.1 takes the place of the real
// download (no internet here): it records how it was started.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  electronExecutablePath,
  parseStandInRecord,
  startConnectProxy,
  startElectronMirror,
  type ElectronMirror,
} from '../support/electron-mirror.ts'
import { copyProject, type ProjectCopy } from '../support/project-copy.ts'

const ELECTRON_VERSION: string = JSON.parse(
  readFileSync(new URL('../../node_modules/electron/package.json', import.meta.url), 'utf8'),
).version

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `npm <args>` in the copy as from a person's shell: with no Electron download or proxy
 * setting but the ones given, and without the test runner's variables (electron-builder logs
 * differently under VITEST).
 */
function npm(cwd: string, args: string[], env: Record<string, string>): Promise<Run> {
  return run('npm', cwd, args, env)
}

/** Runs one of the launch steps on its own, as its npm script would. */
function node(cwd: string, args: string[], env: Record<string, string>): Promise<Run> {
  return run(process.execPath, cwd, args, env)
}

function run(
  command: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(electron_|npm_config_electron_|npm_package_config_electron_|vitest)/i.test(name) &&
        !/^(https?_proxy|no_proxy|node_use_env_proxy)$/i.test(name) &&
        name !== 'NODE_ENV' &&
        name !== 'TEST',
    ),
  )
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...inherited, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

// The stand-in is a shell script; Windows would need an .exe.
describe.skipIf(process.platform === 'win32')(
  'first start on a fresh clone',
  { timeout: 240_000 },
  () => {
    let mirror: ElectronMirror
    let project: ProjectCopy
    let scratch: string
    let record: string
    let cacheCount = 0

    /** The mirror settings a person behind a mirror would set, with a fresh download cache. */
    function mirrorSettings(url: string): Record<string, string> {
      cacheCount += 1
      return {
        ELECTRON_MIRROR: url,
        // As on mirrors that name their folders by the bare version: @electron/get fills it in.
        ELECTRON_CUSTOM_DIR: '{{ version }}',
        // install.js takes the mirror's SHASUMS256.txt only when this lower-case setting is set;
        // otherwise it checks the zip against the checksums the electron package ships.
        electron_use_remote_checksums: '1',
        electron_config_cache: join(scratch, `cache-${cacheCount}`),
        PORCHLIGHT_STAND_IN_RECORD: record,
      }
    }

    function recorded() {
      return parseStandInRecord(readFileSync(record, 'utf8'))
    }

    beforeAll(async () => {
      mirror = await startElectronMirror(ELECTRON_VERSION, ELECTRON_VERSION)
      project = copyProject()
      scratch = mkdtempSync(join(tmpdir(), 'porchlight-electron-mirror-'))
      record = join(scratch, 'stand-in-record.txt')
    })

    afterAll(async () => {
      await mirror?.close()
      project?.remove()
      if (scratch) rmSync(scratch, { recursive: true, force: true })
    })

    it('npm start fetches Electron from the mirror, then runs it on the freshly built app', async () => {
      const startedAt = Date.now()
      const run = await npm(project.dir, ['start'], mirrorSettings(mirror.url))
      expect(run.stderr).not.toMatch(/^\s+at /m)
      expect(run.code, run.stdout + run.stderr).toBe(0)

      expect(mirror.requests).toEqual([
        `/${ELECTRON_VERSION}/${mirror.zipName}`,
        `/${ELECTRON_VERSION}/SHASUMS256.txt`,
      ])
      expect(run.stdout).toContain(
        `Electron ${ELECTRON_VERSION} is not in node_modules/electron yet`,
      )
      expect(run.stdout).toContain(`Downloading ${mirror.url}${ELECTRON_VERSION}/${mirror.zipName}`)
      // Installed the electron package's way: its dist/ and the path.txt that electron-vite reads.
      expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe(
        electronExecutablePath(),
      )

      // electron-vite started the stand-in with the project folder as Electron's app: Electron
      // runs package.json's `main`, which this start has just built.
      const started = recorded()
      expect(started.args).toEqual(['.'])
      expect(realpathSync(resolve(started.cwd, started.args[0]!))).toBe(realpathSync(project.dir))
      const main = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8')).main
      expect(main).toBe('out/main/index.js')
      expect(statSync(join(project.dir, main)).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000)
      expect(started.renderer).toBe('')
    })

    it('npm start downloads nothing when Electron is there, even with the mirror unreachable', async () => {
      rmSync(record, { force: true })
      const requestsBefore = mirror.requests.length
      const run = await npm(project.dir, ['start'], mirrorSettings('http://127.0.0.1:1/'))
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.stdout).not.toContain('Downloading')
      expect(mirror.requests.length).toBe(requestsBefore)
      expect(recorded().args).toEqual(['.'])
    })

    it('npm run dev fetches Electron too, then runs it against the renderer dev server', async () => {
      project.resetElectron()
      rmSync(record, { force: true })
      mirror.requests.length = 0
      const run = await npm(project.dir, ['run', 'dev'], mirrorSettings(mirror.url))
      expect(run.stderr).not.toMatch(/^\s+at /m)
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(mirror.requests).toContain(`/${ELECTRON_VERSION}/${mirror.zipName}`)
      const started = recorded()
      expect(started.args).toEqual(['.'])
      expect(realpathSync(resolve(started.cwd, started.args[0]!))).toBe(realpathSync(project.dir))
      expect(started.renderer).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/)
    })

    it('behind a proxy, the download goes through it', async () => {
      project.resetElectron()
      mirror.requests.length = 0
      const proxy = await startConnectProxy()
      try {
        const run = await node(project.dir, ['electron/launch/ensure-electron.mjs'], {
          ...mirrorSettings(mirror.url),
          HTTP_PROXY: proxy.url,
        })
        expect(run.code, run.stdout + run.stderr).toBe(0)
        expect(proxy.tunnels).toContain(new URL(mirror.url).host)
        expect(mirror.requests).toContain(`/${ELECTRON_VERSION}/${mirror.zipName}`)
        expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(true)
      } finally {
        await proxy.close()
      }
    })

    it('with the mirror down, npm start says in one paragraph what failed and what to do', async () => {
      project.resetElectron()
      rmSync(record, { force: true })
      const down = await startElectronMirror(ELECTRON_VERSION, ELECTRON_VERSION)
      const downUrl = down.url
      await down.close()

      const run = await npm(project.dir, ['start'], mirrorSettings(downUrl))
      expect(run.code).not.toBe(0)
      expect(existsSync(record)).toBe(false)
      const paragraph = run.stderr.trim()
      expect(paragraph).toContain(
        `Porchlight cannot open: Electron ${ELECTRON_VERSION} could not be downloaded from ` +
          `${downUrl}${ELECTRON_VERSION}/${down.zipName} (connect ECONNREFUSED`,
      )
      for (const setting of [
        'ELECTRON_MIRROR',
        'ELECTRON_CUSTOM_DIR',
        'electron_use_remote_checksums',
        'electron_config_cache',
        'HTTPS_PROXY',
        '`npm run browser -- --demo`',
      ]) {
        expect(paragraph).toContain(setting)
      }
      // One paragraph, no stack trace, and nothing else of the installer's on stderr.
      expect(paragraph).not.toMatch(/\n\s*\n/)
      expect(paragraph).not.toMatch(/^\s+at /m)
      expect(paragraph).not.toMatch(/TypeError|fetch failed/)
      expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false)
    })

    it('with Electron unreachable, npm run package says in one paragraph what failed and what to do', async () => {
      const run = await npm(project.dir, ['run', 'package'], {
        ELECTRON_MIRROR: 'http://127.0.0.1:1/',
        ELECTRON_BUILDER_BINARIES_MIRROR: 'http://127.0.0.1:1/',
      })
      expect(run.code).not.toBe(0)
      const paragraph = run.stderr.slice(run.stderr.indexOf('The installer was not built')).trim()
      const log = readFileSync(join(project.dir, 'dist/electron-builder.log'), 'utf8')
      expect(paragraph, log).toMatch(
        /^The installer was not built: electron-builder could not download what it packages \(.+\)\./,
      )
      for (const setting of [
        'ELECTRON_MIRROR',
        'ELECTRON_CUSTOM_DIR',
        'ELECTRON_BUILDER_BINARIES_MIRROR',
        'HTTPS_PROXY',
        'dist/electron-builder.log',
        '`npm run browser -- --demo`',
      ]) {
        expect(paragraph).toContain(setting)
      }
      expect(paragraph).not.toMatch(/\n\s*\n/)
      // The stack trace went to the log, not to the terminal.
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
      expect(log).toMatch(/^\s+at /m)
    })
  },
)
