import { describe, expect, it } from 'vitest'
import {
  OPENSTREETMAP_TEMPLATE,
  expandTemplate,
  tileUrlTemplateProblem,
} from '../../../electron/core/api/tile-url-template.ts'

describe('tile server addresses', () => {
  it.each([
    OPENSTREETMAP_TEMPLATE,
    'https://tiles.example.com/base/{z}/{x}/{y}@2x.png?key=abc',
    'http://127.0.0.1:8080/{z}/{x}/{y}.png',
    'http://localhost/{z}/{y}/{x}',
  ])('accepts %s', (template) => {
    expect(tileUrlTemplateProblem(template)).toBeNull()
  })

  it.each([
    ['https://tiles.example.com/{z}/{x}.png', /must contain \{y\} exactly once/],
    ['https://tiles.example.com/{z}/{x}/{y}/{y}.png', /must contain \{y\} exactly once/],
    [
      'https://{s}.tiles.example.com/{z}/{x}/{y}.png',
      /placeholder Porchlight does not fill: \{s\}/,
    ],
    ['http://tiles.example.com/{z}/{x}/{y}.png', /must start with https:\/\//],
    ['file:///etc/{z}/{x}/{y}', /must start with https:\/\//],
    ['https://user:secret@tiles.example.com/{z}/{x}/{y}.png', /user name or password/],
    ['{z}/{x}/{y}', /not a web address/],
  ])('refuses %s in words', (template, problem) => {
    expect(tileUrlTemplateProblem(template)).toMatch(problem)
  })

  it('fills in the address of a tile', () => {
    expect(expandTemplate(OPENSTREETMAP_TEMPLATE, { z: 17, x: 20971, y: 45767 })).toBe(
      'https://tile.openstreetmap.org/17/20971/45767.png',
    )
  })
})
