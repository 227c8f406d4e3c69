// The floors in .dependency-cruiser.js are the whole picture only if every source file stands on
// one of them, and they are floors only if what a part `uses` on its own floor never runs back in
// a circle. `npm run lint` then refuses every import the floors do not allow.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { FLOORS, PARTS, allowedParts } from '../../.dependency-cruiser.js'
import { REPO_ROOT } from '../support/project-copy.ts'

const sources = execFileSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'electron', 'src'],
  { cwd: REPO_ROOT, encoding: 'utf8' },
)
  .split('\0')
  .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file))

describe('the floors of the code', () => {
  it('place every source file of electron/ and src/ in exactly one part', () => {
    expect(sources.length).toBeGreaterThan(200)
    const misplaced = sources.flatMap((file) => {
      const parts = PARTS.filter((part) => new RegExp(part.path).test(file)).map((p) => p.name)
      return parts.length === 1 ? [] : [`${file}: ${parts.length ? parts.join(', ') : 'no part'}`]
    })
    expect(misplaced).toEqual([])
  })

  it('let a part use, on its own floor, only parts that never use it back', () => {
    const uses = new Map(
      PARTS.map((part) => [
        part.name,
        allowedParts(part)
          .filter((other) => other.name !== part.name && other.level === part.level)
          .map((other) => other.name),
      ]),
    )
    const circles = new Set<string>()
    const walk = (name: string, path: string[]) => {
      if (path.includes(name)) {
        circles.add([...path.slice(path.indexOf(name)), name].join(' -> '))
        return
      }
      for (const next of uses.get(name) ?? []) walk(next, [...path, name])
    }
    for (const name of uses.keys()) walk(name, [])
    expect([...circles]).toEqual([])
  })

  it('never let a part reach a floor above its own', () => {
    const upward = PARTS.flatMap((part) =>
      allowedParts(part)
        .filter((other) => other.level > part.level)
        .map((other) => `${part.name} -> ${other.name}`),
    )
    expect(upward).toEqual([])
    expect(FLOORS[0]?.parts).toHaveProperty('common')
  })
})
