// The languages Porchlight speaks, and which one a person gets: the one chosen in Settings, or
// else the first of the system's preferred languages that Porchlight speaks, or else English.

/** Each language Porchlight ships, by its code, with its name in itself (as a picker shows it). */
export const LANGUAGES = {
  en: 'English',
  es: 'Español',
} as const

export type Language = keyof typeof LANGUAGES
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[]

/** What Settings keep: a language, or "as the system says". */
export type LanguagePreference = 'system' | Language
export const LANGUAGE_PREFERENCES: readonly LanguagePreference[] = ['system', ...LANGUAGE_CODES]

/**
 * The pseudo-locale: English with every letter accented, bracketed and made longer. Never offered
 * to people; tests use it to find words that bypass the catalogue and text that overflows.
 */
export const PSEUDO_LOCALE = 'en-XA'

export type Speaking = {
  /** The catalogue the words come from. */
  language: Language | typeof PSEUDO_LOCALE
  /** The locale numbers and dates are written in: the system's, when it is in that language. */
  locale: string
}

function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? ''
}

function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code)
}

/** A locale tag Intl accepts, or null: "es_MX.UTF-8" → "es-MX". */
function intlLocale(tag: string): string | null {
  const cleaned = tag.split('.')[0]?.replace(/_/g, '-') ?? ''
  try {
    return Intl.getCanonicalLocales(cleaned)[0] ?? null
  } catch {
    return null
  }
}

/**
 * Which language and locale a person gets. `systemLocales` are the system's preferred locales,
 * best first (Electron's `app.getPreferredSystemLanguages()`, the page's `navigator.languages`).
 */
export function resolveLanguage(
  preference: LanguagePreference | typeof PSEUDO_LOCALE,
  systemLocales: readonly string[],
): Speaking {
  if (preference === PSEUDO_LOCALE) return { language: PSEUDO_LOCALE, locale: 'en' }
  const locales = systemLocales.flatMap((tag) => intlLocale(tag) ?? [])
  const language =
    preference !== 'system' ? preference : (locales.map(languageOf).find(isLanguage) ?? 'en')
  // Spanish chosen on a Mexican system writes dates the Mexican way; on an English one, plain "es".
  const locale = locales.find((tag) => languageOf(tag) === language) ?? language
  return { language, locale }
}

/** The locales this process's system prefers, as plain Node knows them (its ICU default). */
export function processLocales(): string[] {
  return [Intl.DateTimeFormat().resolvedOptions().locale]
}
