// The repository stands alone: a person who clones it has nothing beside it, so no tracked file
// may point outside it. Markdown links and images must lead to a tracked file (and heading) of
// the repository or to the web; no file may name the design folder that sat beside it during
// development, or an absolute path on the machine it was written on.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/project-copy.ts'

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
const trackedSet = new Set(tracked)
const trackedDirs = new Set(tracked.flatMap((file) => ancestors(file)))

function ancestors(file: string): string[] {
  const dirs: string[] = []
  for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) dirs.push(dir)
  return dirs
}

function textOf(file: string): string | null {
  const bytes = readFileSync(join(REPO_ROOT, file))
  return bytes.includes(0) ? null : bytes.toString('utf8')
}

/** Things that only exist outside the repository, wherever they are written. */
const OUTSIDE = [
  { what: 'the design folder beside the repository', pattern: /(?:\.\.\/)+shared\// },
  {
    what: 'the design notes or contract outside it',
    pattern: /\bshared\/(?:DESIGN\.md|contract\/)/,
  },
  { what: 'an absolute path on the development machine', pattern: /(?<![\w.-])\/work\// },
  { what: 'this checkout', pattern: new RegExp(REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) },
]

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsIn(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) => anchorOf(m[1]!))
  return new Set(headings)
}

/** Every link and image target in a Markdown file, outside code blocks. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '')
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
  const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)]
  const html = [...prose.matchAll(/\s(?:src|href)="([^"]+)"/g)]
  return [...inline, ...references, ...html].map((m) => m[1]!)
}

/** What is wrong with a link from `file`, or null when it stays in the repository. */
function problemWith(file: string, target: string): string | null {
  if (/^(https?:|mailto:)/i.test(target)) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'a link to a local resource'
  const [path = '', anchor] = target.split('#')
  if (path.startsWith('/') || path.startsWith('~')) return 'an absolute path'
  const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)))
  if (
    resolved.startsWith('..') ||
    relative(REPO_ROOT, join(REPO_ROOT, resolved)).startsWith('..')
  ) {
    return 'outside the repository'
  }
  const inRepo = resolved.split(sep).join('/').replace(/\/$/, '')
  if (!trackedSet.has(inRepo) && !trackedDirs.has(inRepo)) return 'not a tracked file'
  if (anchor && inRepo.endsWith('.md')) {
    const anchors = anchorsIn(readFileSync(join(REPO_ROOT, inRepo), 'utf8'))
    if (!anchors.has(anchor)) return `no heading #${anchor} there`
  }
  return null
}

describe('the repository stands alone', () => {
  it('no tracked file names anything outside it', () => {
    const found: string[] = []
    for (const file of tracked) {
      const text = textOf(file)
      if (text === null) continue
      text.split('\n').forEach((line, index) => {
        for (const { what, pattern } of OUTSIDE) {
          if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}: ${line.trim()}`)
        }
      })
    }
    expect(found).toEqual([])
  })

  it('every Markdown link and image leads to a tracked file of the repository, or the web', () => {
    const markdownFiles = tracked.filter((file) => file.endsWith('.md'))
    expect(markdownFiles).toContain('README.md')
    const broken: string[] = []
    for (const file of markdownFiles) {
      for (const target of linkTargets(readFileSync(join(REPO_ROOT, file), 'utf8'))) {
        const problem = problemWith(file, target)
        if (problem) broken.push(`${file}: ${target}: ${problem}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('tells a link outside the repository from one inside', () => {
    const besideTheRepository = ['..', 'shared', 'DESIGN.md'].join('/')
    expect(problemWith('README.md', besideTheRepository)).toBe('outside the repository')
    expect(problemWith('docs/architecture.md', '../../x.md')).toBe('outside the repository')
    expect(problemWith('README.md', '/etc/hosts')).toBe('an absolute path')
    expect(problemWith('README.md', 'file:///tmp/x')).toBe('a link to a local resource')
    expect(problemWith('README.md', 'docs/architecture.md')).toBeNull()
    expect(problemWith('docs/architecture.md', '../README.md#docs')).toBeNull()
    expect(problemWith('README.md', '#no-such-heading')).toBe('no heading #no-such-heading there')
    expect(problemWith('README.md', 'https://example.com/')).toBeNull()
  })
})
