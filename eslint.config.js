import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// What may import what (the floors, the renderer's API-only rule, Electron in the shell alone) is
// written once in .dependency-cruiser.js, which `npm run lint` runs after ESLint.
export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // CommonJS on purpose (electron/launch/: helpers that must run on any Node).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Readable units in the core: a function longer than this is several, and gets named parts
    // in small modules named for what they do (docs/architecture.md, "Readable units").
    files: ['electron/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    // A migration is frozen once it ships (docs/architecture.md, "Adding a migration"): its DDL
    // is never edited, not even to be split.
    files: ['electron/core/db/migrations/001-initial.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // Readable units: a component longer than this is several, and gets named parts.
    files: ['src/**/*.tsx'],
    rules: {
      'max-lines-per-function': ['error', { max: 200 }],
      // Screen-reader-only text takes src/ui/visuallyHidden.ts: a hand-written `clip` box in `sx`
      // (where `width: 1` is 100 %) once let every page scroll to blank space.
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='clip']",
          message: 'Use visuallyHidden from src/ui/visuallyHidden.ts for screen-reader-only text.',
        },
      ],
    },
  },
)
