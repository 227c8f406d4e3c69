// The pseudo-locale's words: each English string with its letters accented, bracketed ⟦…⟧ and
// made about a third longer (translations run longer than English). A test that shows the app in
// it finds any text outside brackets (a word that bypassed the catalogue) and any text that no
// longer fits its control. Placeholders ({{name}}, $t(…), <0>…</0>) are kept as they are.

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index] ?? letter,
  ]),
)

/** The pieces of a message that are not words: placeholders, nesting and markup. */
const NOT_WORDS = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+\/?>)/

export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

/** One string in the pseudo-locale. */
export function pseudoString(text: string): string {
  let letters = 0
  const body = text
    .split(NOT_WORDS)
    .map((piece, index) => {
      if (index % 2 === 1) return piece
      return [...piece]
        .map((char) => {
          const accented = ACCENTED[char]
          if (accented) letters += 1
          return accented ?? char
        })
        .join('')
    })
    .join('')
  const padding = '·'.repeat(Math.ceil(letters * 0.35))
  return `${PSEUDO_OPEN}${body}${padding}${PSEUDO_CLOSE}`
}

type Tree = { readonly [key: string]: string | Tree }

/** A whole catalogue in the pseudo-locale. */
export function pseudoCatalogue<T extends Tree>(tree: T): T {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoString(value) : pseudoCatalogue(value),
    ]),
  ) as T
}
