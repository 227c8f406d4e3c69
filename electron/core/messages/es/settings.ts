// Spanish words of Settings (see en/settings.ts).
import type { Translation } from '../catalogue.ts'
import type { settings as english } from '../en/settings.ts'

export const settings = {
  appearance: {
    title: 'Apariencia e idioma',
    language: 'Idioma',
    languageSystem: 'Como el sistema ({{language}})',
    languageHint: 'Lo usan la aplicación, sus exportaciones y sus PDF. Se guarda con los ajustes.',
    theme: 'Tema',
    themeSystem: 'Como el sistema',
    themeLight: 'Claro',
    themeDark: 'Oscuro',
    themeHint: 'Se guarda en este equipo para todos los que inician sesión aquí.',
    languageFailed: 'No se pudo guardar el idioma. {{reason}}',
  },
} as const satisfies Translation<typeof english>
