// The one message instance of a process (i18next): the renderer's words, and the main process's
// for what it writes for people (exports, the PDF, the menu, notifications). Each process speaks
// one language at a time; `speak` switches it. Pure: no Node, no DOM, no React.
import i18next, { type i18n } from 'i18next'
import { CATALOGUES, NAMESPACES, pseudoCatalogueOfEnglish, SOURCE } from './catalogue.ts'
import { PSEUDO_LOCALE, type Speaking } from './languages.ts'
import { numberFormat } from './intl-formats.ts'
import { pseudoString } from './pseudo.ts'

export const messages: i18n = i18next.createInstance()

void messages.init({
  resources: { en: SOURCE, es: CATALOGUES.es },
  lng: 'en',
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  initAsync: false,
  // React escapes what it renders; the exports write text, not HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
  // Keys are checked by the compiler (i18next-types.d.ts); a key missing at run time is a bug
  // the tests catch through the pseudo-locale, never a silent English fallback in production.
  saveMissing: false,
})

let speaking: Speaking = { language: 'en', locale: 'en' }

// `{{count, number}}` writes the number in the locale spoken (es-MX groups as 1,234; es as 1.234),
// the same as formatCount, not in the bare language i18next would use. One format per locale and
// number options: building an Intl.NumberFormat per call doubled an export's CPU time. i18next
// hands the formatter every option of the t() call too (the words' values), so the key is made of
// the number options alone.
const NUMBER_OPTIONS = [
  'style',
  'unit',
  'unitDisplay',
  'currency',
  'currencyDisplay',
  'notation',
  'compactDisplay',
  'signDisplay',
  'useGrouping',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'minimumSignificantDigits',
  'maximumSignificantDigits',
] as const

/** The number options of a `{{n, number(…)}}`, without the call's other values. */
function numberOptions(options: Record<string, unknown>): Intl.NumberFormatOptions {
  return Object.fromEntries(
    NUMBER_OPTIONS.filter((name) => options[name] !== undefined).map((name) => [
      name,
      options[name],
    ]),
  ) as Intl.NumberFormatOptions
}

messages.services.formatter?.add('number', (value: unknown, _language, options) =>
  typeof value === 'number'
    ? numberFormat(
        speaking.locale,
        numberOptions((options ?? {}) as Record<string, unknown>),
      ).format(value)
    : String(value),
)

/** Switches this process to `next`: its words, and the locale numbers and dates are written in. */
export function speak(next: Speaking): void {
  if (next.language === PSEUDO_LOCALE && !messages.hasResourceBundle(PSEUDO_LOCALE, 'common')) {
    const pseudo = pseudoCatalogueOfEnglish()
    for (const ns of NAMESPACES) messages.addResourceBundle(PSEUDO_LOCALE, ns, pseudo[ns])
  }
  speaking = next
  void messages.changeLanguage(next.language)
}

/** The language and locale this process speaks now. */
export function currentSpeaking(): Speaking {
  return speaking
}

/** The locale numbers and dates are written in now ("en-US", "es-MX", "es"). */
export function currentLocale(): string {
  return speaking.locale
}

/** Looks up a message in the current language: `t('cases:resolve.title')`. */
export const t = messages.t.bind(messages)

/**
 * Text made by a format helper rather than the catalogue (a date, a distance), marked as
 * localised in the pseudo-locale so the catalogue test can tell it from a bypassing word.
 */
export function localized(text: string): string {
  return speaking.language === PSEUDO_LOCALE ? pseudoString(text) : text
}

/**
 * A table of words by code that reads the catalogue whenever a word is taken, so it is always in
 * the language spoken now: `STATUS_LABELS.open` is "Open", or "Abierto" once Spanish is spoken.
 */
export function wordsByCode<K extends string>(
  codes: readonly K[],
  word: (code: K) => string,
): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>
  for (const code of codes) {
    Object.defineProperty(table, code, { enumerable: true, get: () => word(code) })
  }
  return Object.freeze(table)
}
