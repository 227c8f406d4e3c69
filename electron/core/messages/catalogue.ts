// The message catalogue: every word of the app, by namespace, in each language. English is the
// source: its shape is the type every other language must match key for key (a missing or extra
// key is a type error). Each screen area owns its namespace file in en/ and es/.
import * as en from './en/index.ts'
import * as es from './es/index.ts'
import type { Language } from './languages.ts'
import { pseudoCatalogue } from './pseudo.ts'
import type { Translation } from './translation.ts'

export type Namespace = keyof typeof en
export const NAMESPACES = Object.keys(en) as Namespace[]

export type Catalogue = { [N in Namespace]: Translation<(typeof en)[N]> }

export const CATALOGUES: Record<Language, Catalogue> = { en, es }

export const SOURCE = en

/** The pseudo-locale's catalogue, made from English when first asked for. */
let pseudo: Catalogue | null = null
export function pseudoCatalogueOfEnglish(): Catalogue {
  pseudo ??= Object.fromEntries(
    NAMESPACES.map((ns) => [ns, pseudoCatalogue(en[ns])]),
  ) as unknown as Catalogue
  return pseudo
}
