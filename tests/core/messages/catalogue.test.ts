// The message catalogue: every language has every English key and no other, with the same
// placeholders; the language a person gets; the pseudo-locale; and the shared format helpers and
// words speaking the language of the moment.
import { afterEach, describe, expect, it } from 'vitest'
import {
  decisionsWords,
  STATUS_LABELS,
  unknownPersonName,
  isUnknownPersonName,
} from '../../../electron/core/api/display-words.ts'
import {
  formatCount,
  formatDateTime,
  formatDistance,
  formatDuration,
  formatRelative,
} from '../../../electron/core/api/display-format.ts'
import { CATALOGUES, NAMESPACES, SOURCE } from '../../../electron/core/messages/catalogue.ts'
import {
  LANGUAGE_CODES,
  PSEUDO_LOCALE,
  resolveLanguage,
} from '../../../electron/core/messages/languages.ts'
import { messages as messagesForTest, speak, t } from '../../../electron/core/messages/messages.ts'
import { pseudoString } from '../../../electron/core/messages/pseudo.ts'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value, path)) out.set(p, v)
  }
  return out
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<(\d+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort()

afterEach(() => speak({ language: 'en', locale: 'en' }))

describe('the catalogue', () => {
  const english = new Map(
    NAMESPACES.flatMap((ns) => [...leaves(SOURCE[ns] as Tree)].map(([k, v]) => [`${ns}:${k}`, v])),
  )

  it('has words in English', () => {
    expect(english.size).toBeGreaterThan(100)
  })

  // i18next reads these option names before the words' own values: a placeholder named `lng`
  // switches the language instead of filling in the word. (`count` is one on purpose: plurals.)
  const RESERVED = [
    'lng',
    'lngs',
    'ns',
    'context',
    'defaultValue',
    'replace',
    'returnObjects',
    'returnDetails',
    'joinArrays',
    'postProcess',
    'interpolation',
    'keySeparator',
    'nsSeparator',
    'ordinal',
    'fallbackLng',
    'skipInterpolation',
  ]

  it("names no placeholder after one of i18next's own options", () => {
    const wrong = [...english].flatMap(([key, source]) =>
      placeholders(source)
        .filter((name) => RESERVED.includes(name))
        .map((name) => `${key}: {{${name}}}`),
    )
    expect(wrong).toEqual([])
  })

  for (const language of LANGUAGE_CODES.filter((code) => code !== 'en')) {
    const theirs = new Map(
      NAMESPACES.flatMap((ns) =>
        [...leaves(CATALOGUES[language][ns] as Tree)].map(([k, v]) => [`${ns}:${k}`, v]),
      ),
    )

    it(`${language}: every English key and no other`, () => {
      expect([...theirs.keys()].filter((key) => !english.has(key))).toEqual([])
      expect([...english.keys()].filter((key) => !theirs.has(key))).toEqual([])
    })

    it(`${language}: the same placeholders as English, key by key`, () => {
      const wrong = [...english].flatMap(([key, source]) => {
        const translated = theirs.get(key)
        if (translated === undefined) return []
        const a = placeholders(source).join(',')
        const b = placeholders(translated).join(',')
        return a === b ? [] : [`${key}: English {${a}}, ${language} {${b}}`]
      })
      expect(wrong).toEqual([])
    })

    it(`${language}: no empty words`, () => {
      expect([...theirs].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([])
    })
  }
})

describe('which language a person gets', () => {
  it('takes the chosen language, in the system locale when that is the same language', () => {
    expect(resolveLanguage('es', ['es-MX', 'en-US'])).toEqual({ language: 'es', locale: 'es-MX' })
    expect(resolveLanguage('es', ['en-US'])).toEqual({ language: 'es', locale: 'es' })
    expect(resolveLanguage('en', ['es-ES'])).toEqual({ language: 'en', locale: 'en' })
  })

  it('as the system says: the first preferred language Porchlight speaks, else English', () => {
    expect(resolveLanguage('system', ['fr-FR', 'es_AR.UTF-8'])).toEqual({
      language: 'es',
      locale: 'es-AR',
    })
    expect(resolveLanguage('system', ['de-DE'])).toEqual({ language: 'en', locale: 'en' })
    expect(resolveLanguage('system', [])).toEqual({ language: 'en', locale: 'en' })
    expect(resolveLanguage('system', ['C', 'not a locale!'])).toEqual({
      language: 'en',
      locale: 'en',
    })
  })
})

describe('the pseudo-locale', () => {
  it('accents, brackets and lengthens the words, and keeps placeholders', () => {
    const out = pseudoString('Assigned to {{name}} <0>now</0>')
    expect(out.startsWith('⟦') && out.endsWith('⟧')).toBe(true)
    expect(out).toContain('{{name}}')
    expect(out).toContain('<0>')
    expect(out).not.toMatch(/[A-Za-z]{2,}(?![^{]*\}\})/)
    expect(out.length).toBeGreaterThan('Assigned to {{name}} <0>now</0>'.length + 4)
  })

  it('marks dates as localised, so the catalogue test can tell them from bypassing words', () => {
    speak({ language: PSEUDO_LOCALE, locale: 'en' })
    expect(t('common:caseStatus.open')).toBe(pseudoString('Open'))
    expect(formatDateTime('2026-10-13T16:45:00Z', { timeZone: 'UTC' })).toMatch(/^⟦.*⟧$/)
  })
})

describe('the shared words speak the language of the moment', () => {
  it('in Spanish: labels, plurals, durations, distances, numbers and relative times', () => {
    expect(STATUS_LABELS.open).toBe('Open')
    speak({ language: 'es', locale: 'es-ES' })
    expect(STATUS_LABELS.open).toBe('Abierto')
    expect(decisionsWords(1)).toBe('1 necesita su decisión')
    expect(decisionsWords(2)).toBe('2 necesitan su decisión')
    expect(formatDuration(3 * 3_600_000 + 12 * 60_000)).toBe('3 h 12 min')
    expect(formatDuration(20_000)).toBe('menos de un minuto')
    expect(formatDistance(12_345)).toBe('12.345 m')
    expect(formatCount(1_234_567)).toBe('1.234.567')
    expect(formatRelative('2026-10-13T16:40:00Z', Date.parse('2026-10-13T16:45:00Z'))).toBe(
      'hace 5 minutos',
    )
    expect(unknownPersonName('u_x')).toBe('Persona desconocida (u_x)')
    expect(isUnknownPersonName('Persona desconocida (u_x)')).toBe(true)
    expect(isUnknownPersonName('Sam Okafor')).toBe(false)
  })

  it('back in English', () => {
    speak({ language: 'es', locale: 'es' })
    speak({ language: 'en', locale: 'en-US' })
    expect(decisionsWords(2)).toBe('2 need your decision')
    expect(formatDistance(12_345)).toBe('12,345 m')
  })
})

describe('numbers inside messages', () => {
  it('are written in the locale spoken, as formatCount writes them', () => {
    messagesForTest.addResource('es', 'common', 'test.count', '{{count, number}} entregas')
    speak({ language: 'es', locale: 'es-MX' })
    expect(t('common:test.count' as 'common:action.cancel', { count: 1234567 })).toBe(
      `${formatCount(1234567)} entregas`,
    )
    expect(formatCount(1234567)).toBe('1,234,567')
    speak({ language: 'es', locale: 'es-ES' })
    expect(t('common:test.count' as 'common:action.cancel', { count: 1234567 })).toBe(
      '1.234.567 entregas',
    )
  })
})
