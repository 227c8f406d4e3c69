// A copy of the project in a temp folder, for tests that run npm scripts the way a person would on
// a fresh clone without touching this worktree. The sources are copied; node_modules is a folder
// of links to this worktree's packages, except the packages whose files the scripts change or
// that must resolve `electron` from the copy: `electron` (copied in its fresh-install state: no
// dist/, no path.txt, as npm leaves it), `electron-vite` (copied, so that its
// `require.resolve('electron')` finds the copy's electron, not this worktree's) and
// `better-sqlite3` (electron-builder's native rebuild step writes a marker into its build/).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = join(fileURLToPath(new URL('../..', import.meta.url)), '.')

/** What a fresh clone has and a build needs: everything but the outputs and the tests. */
const SKIPPED_AT_TOP = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'tests',
  'test-results',
  'playwright-report',
])
const COPIED_PACKAGES = new Set(['electron', 'electron-vite', 'better-sqlite3'])

export interface ProjectCopy {
  dir: string
  electronDir: string
  /** Puts node_modules/electron back in its fresh-install state (no dist/, no path.txt). */
  resetElectron(): void
  remove(): void
}

export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-fresh-'))
  for (const entry of readdirSync(REPO_ROOT)) {
    if (SKIPPED_AT_TOP.has(entry) || entry.startsWith('.porchlight-data')) continue
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true })
  }
  const modules = join(REPO_ROOT, 'node_modules')
  mkdirSync(join(dir, 'node_modules'))
  for (const entry of readdirSync(modules)) {
    const from = join(modules, entry)
    const to = join(dir, 'node_modules', entry)
    if (entry === '.bin') {
      // Relative links (../electron-vite/bin/...) that now resolve inside the copy.
      cpSync(from, to, { recursive: true, verbatimSymlinks: true })
    } else if (COPIED_PACKAGES.has(entry)) {
      cpSync(from, to, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(source),
      })
    } else if (!entry.startsWith('.vite')) {
      symlinkSync(from, to, 'junction')
    }
  }
  const electronDir = join(dir, 'node_modules', 'electron')
  const copy: ProjectCopy = {
    dir,
    electronDir,
    resetElectron() {
      rmSync(join(electronDir, 'dist'), { recursive: true, force: true })
      rmSync(join(electronDir, 'path.txt'), { force: true })
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
  copy.resetElectron()
  return copy
}
