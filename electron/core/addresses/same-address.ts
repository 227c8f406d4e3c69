// When two deliveries went to the same address: the same address once written the same way
// (normalised), and, where both were geocoded, within 30 m of each other. One rule for the
// address's own history and for "this photo also appears at another address".
import { distanceM } from '../deliveries/location-check.ts'

/** Two geocodes of one address are never farther apart than this. */
export const SAME_ADDRESS_M = 30

export interface AddressFacts {
  line1: string
  line2: string | null
  postalCode: string
  country: string
  lat: number | null
  lng: number | null
}

const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  boulevard: 'blvd',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  parkway: 'pkwy',
  highway: 'hwy',
  circle: 'cir',
  square: 'sq',
  way: 'way',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
}
/** Words that only say "a unit follows": "Apt 4B", "Unit 4B", "#4B", "Suite 4B" are one unit. */
const UNIT_WORDS = new Set(['apt', 'apartment', 'unit', 'suite', 'ste', 'no', 'number', 'flat'])

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
}

/**
 * The address as one comparable string: case, accents, punctuation and spacing ignored, common
 * street words abbreviated ("Street" and "St." alike), unit words dropped ("Apt 4B" = "#4B"), the
 * postal code to its first five characters (ZIP+4 = ZIP).
 */
export function normaliseAddress(
  a: Pick<AddressFacts, 'line1' | 'line2' | 'postalCode' | 'country'>,
): string {
  const street = words(a.line1).map((word) => STREET_WORDS[word] ?? word)
  const unit = words(a.line2 ?? '').filter((word) => !UNIT_WORDS.has(word))
  const postal = a.postalCode.replace(/\s+/g, '').toLowerCase().slice(0, 5)
  return [a.country.toLowerCase(), postal, street.join(' '), unit.join(' ')].join('|')
}

export function sameAddress(a: AddressFacts, b: AddressFacts): boolean {
  if (normaliseAddress(a) !== normaliseAddress(b)) return false
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return true
  return distanceM({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) <= SAME_ADDRESS_M
}
