// English words of Settings (see catalogue.ts).
export const settings = {
  appearance: {
    title: 'Appearance and language',
    language: 'Language',
    languageSystem: 'As the system ({{language}})',
    languageHint: 'The app, its exports and its PDFs use it. Kept with the settings.',
    theme: 'Theme',
    themeSystem: 'As the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeHint: 'Kept on this computer for everyone who signs in here.',
    languageFailed: 'The language could not be saved. {{reason}}',
  },
} as const
