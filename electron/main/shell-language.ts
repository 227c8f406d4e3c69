// The language the desktop shell speaks: the core's (Settings', else the system's), told through
// `onLanguage` at start and whenever Settings change it. Before the core has read the settings (the
// question about another delivery service, a failed start, a link refused while starting) the
// shell speaks the language it spoke last, kept in `language.json` in the data folder, else the
// system's.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../core/common/logger.ts'
import { LANGUAGE_CODES, resolveLanguage, type Speaking } from '../core/messages/languages.ts'
import { speak } from '../core/messages/messages.ts'

export const LANGUAGE_FILE = 'language.json'

const RememberedSchema = z.object({
  language: z.enum(LANGUAGE_CODES),
  locale: z
    .string()
    .max(64)
    .refine((tag) => Intl.getCanonicalLocales(tag).length === 1, 'not a locale'),
})

/** The language spoken last, or null when none was kept (or the file is not one). */
export function readSpokenLanguage(dataDir: string): Speaking | null {
  try {
    const parsed = RememberedSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, LANGUAGE_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Speaks the language spoken last, else the system's; before the core starts. */
export function speakAsLastTime(dataDir: string, systemLocales: readonly string[]): Speaking {
  const speaking = readSpokenLanguage(dataDir) ?? resolveLanguage('system', systemLocales)
  speak(speaking)
  return speaking
}

/** Keeps the language the core speaks now for the next start; a failure only costs that. */
export function rememberSpokenLanguage(dataDir: string, speaking: Speaking, log: Logger): void {
  const kept = readSpokenLanguage(dataDir)
  if (kept?.language === speaking.language && kept.locale === speaking.locale) return
  try {
    writeFileSync(join(dataDir, LANGUAGE_FILE), JSON.stringify(speaking), { mode: 0o600 })
  } catch (error) {
    log.warn(`could not keep the language in ${LANGUAGE_FILE}`, error)
  }
}
