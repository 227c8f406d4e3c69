// What the agent typed, read as the ways a delivery can be found: words (names, streets, cities,
// the words of an email's handle) through the full-text index, and the things people paste or
// read out (order id, tracking number, phone number, email address) as prefixes of their columns.
import type { RangeColumn } from '../deliveries/delivery-tables.ts'

export interface SearchPlan {
  /** An FTS5 query: every word must match as a prefix; null when there are no words to match. */
  words: string | null
  /** Prefix ranges over indexed columns: `column >= lo AND column < hi`. */
  ranges: PrefixRange[]
  /**
   * Seven or more digits typed with nothing but spaces and punctuation around them ("555-0196",
   * "650 555 01"): a run anywhere in a phone number, not only at its start. Null otherwise.
   */
  phoneRun: string | null
}

/** Fewer digits than this match too many numbers to be worth a look through every phone. */
export const PHONE_RUN_MIN_DIGITS = 7

export interface PrefixRange {
  column: RangeColumn
  lo: string
  hi: string
}

/** Sorts after every character a prefix can be followed by: `prefix + AFTER_PREFIX` ends its range. */
export const AFTER_PREFIX = '\u{10ffff}'

export function planSearch(query: string): SearchPlan | null {
  const q = query.normalize('NFC').trim()
  if (q === '') return null
  const range = (column: RangeColumn, prefix: string): PrefixRange => ({
    column,
    lo: prefix,
    hi: prefix + AFTER_PREFIX,
  })
  // An address with @ is looked up as what it is; its words would match every customer of the
  // same mail provider.
  // SQLite's lower() folds ASCII only; the index is on lower(customer_email).
  if (q.includes('@')) {
    return {
      words: null,
      phoneRun: null,
      ranges: [
        range(
          'email',
          q.replace(/[A-Z]/g, (c) => c.toLowerCase()),
        ),
      ],
    }
  }

  const ranges: PrefixRange[] = []
  if (!/\s/.test(q)) ranges.push(range('order_id', q), range('tracking_number', q.toUpperCase()))
  for (const digits of phonePrefixes(q)) ranges.push(range('phone_digits', digits))
  const digits = q.replace(/\D/g, '')
  const phoneRun =
    /^[\d\s().+\-/]+$/.test(q) && digits.length >= PHONE_RUN_MIN_DIGITS && !orderIdShaped(q)
      ? digits
      : null
  return { words: identifierOnly(q) ? null : ftsQuery(q), ranges, phoneRun }
}

/**
 * The start of an order id as the service writes them ("114-3941689-8772232": three digits, a
 * dash, then seven): not a phone number. Looking for its digits anywhere in every phone number
 * reads the whole table when, as always, none has them.
 */
function orderIdShaped(q: string): boolean {
  return /^\d{3}-\d{5,}/.test(q)
}

/**
 * Digits in several groups and no letter ("114-394", "650 555 01"): an order id or a phone number
 * being typed, found by their ranges above. Their digit groups as words would match house numbers
 * by prefix, thousands of them, for nothing. A single group ("1840") is still a word: it may be a
 * house number.
 */
function identifierOnly(q: string): boolean {
  return !/\p{L}/u.test(q) && (q.match(/\d+/g)?.length ?? 0) > 1
}

/**
 * Turns what the agent typed into an FTS5 query: every word must match as a prefix. Words are
 * runs of letters and digits, quoted, so nothing typed is read as FTS5 syntax.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words.map((w) => `"${w}"*`).join(' ')
}

/**
 * The national digits of a phone number as stored (deliveries/search-columns.ts), or the prefixes a typed
 * number may be: "+1 415 555" and "1415555" are also tried without the US country code.
 */
function phonePrefixes(q: string): string[] {
  if (!/^[\d\s().+-]+$/.test(q)) return []
  const digits = q.replace(/\D/g, '')
  if (digits.length < 3) return []
  return digits.startsWith('1') && digits.length > 3 ? [digits, digits.slice(1)] : [digits]
}
