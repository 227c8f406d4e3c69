// The language the window speaks: the one Settings choose, else the system's (the browser's
// preferred languages), else English; remembered on this computer so the next start opens in it
// before the settings are read. Everything below speaks it: the catalogue's words (react-i18next),
// the format helpers' numbers and dates, and MUI's and the Data Grid's own words. A change of
// language draws the window again from the top, so no word of the old one stays.
// `?locale=en-XA` in the address shows the pseudo-locale (tests/e2e/pseudo-locale.spec.ts).
import { useEffect, useMemo, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { enUS as materialEnglish, esES as materialSpanish } from '@mui/material/locale'
import { ThemeProvider } from '@mui/material/styles'
import { enUS as gridEnglish, esES as gridSpanish } from '@mui/x-data-grid/locales'
import { I18nextProvider } from 'react-i18next'
import {
  LANGUAGE_PREFERENCES,
  PSEUDO_LOCALE,
  resolveLanguage,
  type LanguagePreference,
  type Speaking as SpeakingAs,
} from '../../electron/core/messages/languages.ts'
import { currentSpeaking, messages, speak } from '../../electron/core/messages/messages.ts'
import { pseudoString } from '../../electron/core/messages/pseudo.ts'
import { queries } from '../api/queries.ts'
import { themeIn } from './theme.ts'

const REMEMBERED = 'porchlight.language'

function rememberedPreference(): LanguagePreference {
  const stored = window.localStorage.getItem(REMEMBERED)
  return (LANGUAGE_PREFERENCES as readonly string[]).includes(stored ?? '')
    ? (stored as LanguagePreference)
    : 'system'
}

function pseudoRequested(): boolean {
  return new URLSearchParams(window.location.search).get('locale') === PSEUDO_LOCALE
}

/** A locale pack of MUI's with every word made pseudo (strings, and what its functions return). */
function pseudoPack<T>(pack: T): T {
  if (typeof pack === 'string') return pseudoString(pack) as T
  if (typeof pack === 'function') {
    return ((...args: unknown[]) =>
      pseudoPack((pack as (...a: unknown[]) => unknown)(...args))) as T
  }
  if (pack && typeof pack === 'object' && !Array.isArray(pack)) {
    return Object.fromEntries(
      Object.entries(pack).map(([key, value]) => [key, pseudoPack(value)]),
    ) as T
  }
  return pack
}

function localePacks(language: SpeakingAs['language']): object[] {
  switch (language) {
    case 'es':
      return [materialSpanish, gridSpanish]
    case PSEUDO_LOCALE:
      return [pseudoPack(materialEnglish), pseudoPack(gridEnglish)]
    default:
      return [materialEnglish, gridEnglish]
  }
}

export function Speaking({ children }: { children: ReactNode }) {
  const settings = useQuery(queries.settings())
  const preference = settings.data?.language ?? rememberedPreference()
  const speaking = useMemo(
    () => resolveLanguage(pseudoRequested() ? PSEUDO_LOCALE : preference, navigator.languages),
    [preference],
  )
  // Before anything below renders, so its first words are already in this language.
  const now = currentSpeaking()
  if (now.language !== speaking.language || now.locale !== speaking.locale) speak(speaking)
  const stored = settings.data?.language
  useEffect(() => {
    if (stored) window.localStorage.setItem(REMEMBERED, stored)
  }, [stored])
  useEffect(() => {
    document.documentElement.lang = speaking.language === PSEUDO_LOCALE ? 'en' : speaking.locale
  }, [speaking])

  const theme = useMemo(() => themeIn(...localePacks(speaking.language)), [speaking.language])
  return (
    <I18nextProvider i18n={messages}>
      <ThemeProvider theme={theme} modeStorageKey="porchlight.theme">
        <SpokenIn key={`${speaking.language}|${speaking.locale}`}>{children}</SpokenIn>
      </ThemeProvider>
    </I18nextProvider>
  )
}

function SpokenIn({ children }: { children: ReactNode }) {
  return children
}
