// The world's customers, per area: names from many cultures (and a few featured ones the tests
// look for), an email and a phone in the ranges kept for fiction, a home and now and then a work
// address. Some order often: a delivery goes to an earlier customer four times in ten.
import type { Area, NamePart } from '../names.ts'
import { AREAS, FEATURED_CUSTOMERS, NAME_CULTURES } from '../names.ts'
import type { Random } from '../random.ts'
import { makeAddress, type AddressPlan } from './addresses.ts'
import type { WorldIds } from './ids.ts'

export interface Customer {
  id: string
  name: string
  email: string | null
  phone: string | null
  area: Area
  home: AddressPlan
  work: AddressPlan | null
  /** Photos of deliveries to them are withheld ('customer_opted_out'). */
  optedOut: boolean
}

/** Strips marks and folds letters that have no decomposition, for email handles. */
export function transliterate(text: string): string {
  const folded: Record<string, string> = {
    ł: 'l',
    Ł: 'L',
    ø: 'o',
    Ø: 'O',
    đ: 'd',
    Đ: 'D',
    ß: 'ss',
    æ: 'ae',
    Æ: 'AE',
    ı: 'i',
    œ: 'oe',
  }
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐßæÆıœ]/g, (letter) => folded[letter] ?? letter)
}

function handleOf(part: NamePart | string): string {
  const ascii = typeof part === 'string' ? transliterate(part) : (part.ascii ?? part.text)
  return ascii.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function textOf(part: NamePart | string): string {
  return typeof part === 'string' ? part : part.text
}

export class Customers {
  readonly #rng: Random
  readonly #ids: WorldIds
  readonly #byArea = new Map<Area, Customer[]>(AREAS.map((area) => [area, []]))
  readonly #phonePools = new Map<Area, string[]>()
  readonly #usedEmails = new Set<string>()
  readonly #featured = [...FEATURED_CUSTOMERS]

  constructor(rng: Random, ids: WorldIds) {
    this.#rng = rng
    this.#ids = ids
    for (const area of AREAS) {
      const pool: string[] = []
      // 555-0100…0199 is the range reserved for fiction, so no real line is ever shown.
      for (const code of area.areaCodes) for (let n = 100; n < 200; n++) pool.push(`${code}0${n}`)
      this.#phonePools.set(area, pool)
    }
  }

  /** Who a delivery in `area` is for, and to which of their addresses. */
  forDelivery(area: Area): { customer: Customer; plan: AddressPlan } {
    const rng = this.#rng
    const pool = this.#byArea.get(area) ?? []
    const repeat = pool.length > 0 && rng.chance(0.4)
    // A power above 1 skews repeats towards the first customers, so some order often.
    const customer = repeat
      ? (pool[Math.floor(pool.length * rng.next() ** 1.7)] as Customer)
      : this.#make(area)
    if (repeat && rng.chance(0.08)) {
      customer.work ??= makeAddress(rng, area)
      return { customer, plan: customer.work }
    }
    return { customer, plan: customer.home }
  }

  #make(area: Area): Customer {
    const { name, given, family } = this.#name()
    const customer: Customer = {
      id: this.#ids.unique('cus_', 8),
      name,
      email: this.#email(given, family),
      phone: this.#phone(area),
      area,
      home: makeAddress(this.#rng, area),
      work: null,
      optedOut: this.#rng.chance(0.03),
    }
    this.#byArea.get(area)?.push(customer)
    return customer
  }

  #name(): { name: string; given: string; family: string } {
    const star = this.#featured.shift()
    if (star) {
      const [given, family] = star.handle.split('.') as [string, string]
      return { name: star.name, given, family }
    }
    const rng = this.#rng
    const culture = rng.weighted(NAME_CULTURES.map((c) => [c, c.weight] as const))
    const g = rng.pick(culture.given)
    const f = rng.pick(culture.family)
    const [first, second] = culture.familyFirst ? [f, g] : [g, f]
    return {
      name: `${textOf(first)}${culture.joined ? '' : ' '}${textOf(second)}`,
      given: handleOf(g),
      family: handleOf(f),
    }
  }

  #phone(area: Area): string | null {
    const rng = this.#rng
    const pool = this.#phonePools.get(area) ?? []
    if (pool.length === 0 || rng.chance(0.07)) return null
    const digits = pool.splice(rng.int(0, pool.length - 1), 1)[0] as string
    const [code, tail] = [digits.slice(0, 3), digits.slice(3)]
    return rng.weighted<string>([
      [`+1${code}555${tail}`, 5],
      [`(${code}) 555-${tail}`, 3],
      [`${code}-555-${tail}`, 2],
    ])
  }

  #email(given: string, family: string): string | null {
    const rng = this.#rng
    if (rng.chance(0.08)) return null
    const domain = rng.pick(['example.com', 'example.net', 'example.org'])
    const local = rng.weighted<string>([
      [`${given}.${family}`, 5],
      [`${given}${family}${rng.int(1, 99)}`, 2],
      [`${given.slice(0, 1)}${family}`, 2],
      [`${family}.${given}`, 1],
    ])
    let email = `${local}@${domain}`
    for (let n = 2; this.#usedEmails.has(email); n++) email = `${local}${n}@${domain}`
    this.#usedEmails.add(email)
    return email
  }
}
