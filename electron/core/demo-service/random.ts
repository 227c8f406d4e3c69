// Seeded randomness. The demo world must come out byte-identical for the same seed, so nothing in
// it may use Math.random or the clock; every choice goes through a Random made from a seed.

/** 32-bit FNV-1a, used to turn a seed and a label into an independent stream seed. */
export function hashSeed(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = `${part}\u0000`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
  }
  return hash >>> 0
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** Uniform in [min, max). */
  float(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: ReadonlyArray<T>): T
  /** Picks by relative weight: `[[value, weight], …]`. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T
  /** A random RFC 4122 version-4 UUID, from this stream. */
  uuid(): string
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet: string): string
}

/** sfc32: small, fast and good enough for test data; the state is seeded through splitmix32. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) nextUint32()

  const next = (): number => nextUint32() / 4294967296
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: ReadonlyArray<T>): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
      let total = 0
      for (const [, weight] of table) total += weight
      let roll = next() * total
      for (const [value, weight] of table) {
        roll -= weight
        if (roll < 0) return value
      }
      const last = table[table.length - 1]
      if (!last) throw new Error('weighted pick from an empty table')
      return last[0]
    },
    uuid() {
      const hex = Array.from({ length: 16 }, () => int(0, 255))
      hex[6] = ((hex[6] as number) & 0x0f) | 0x40
      hex[8] = ((hex[8] as number) & 0x3f) | 0x80
      const h = hex.map((byte) => byte.toString(16).padStart(2, '0')).join('')
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    },
    chars(length, alphabet) {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
  }
}
