// Tells i18next (and react-i18next) the catalogue's keys, so every `t('ns:key')` is checked by
// the compiler against English, the source language.
import 'i18next'
import type * as en from './en/index.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof en
    returnNull: false
  }
}
