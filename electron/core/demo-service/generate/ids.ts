// The world's ids: record ids with a prefix (dlv_, pho_, drv_, cus_), order ids and tracking
// numbers, each unique in its world.
import type { Random } from '../random.ts'

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

export class WorldIds {
  readonly #rng: Random
  readonly #used = new Set<string>()
  readonly #orders = new Set<string>()

  constructor(rng: Random) {
    this.#rng = rng
  }

  /** `prefix` and `length` characters, never given out before in this world. */
  unique(prefix: string, length: number): string {
    for (;;) {
      const id = `${prefix}${this.#rng.chars(length, ID_ALPHABET)}`
      if (!this.#used.has(id)) {
        this.#used.add(id)
        return id
      }
    }
  }

  /** An order id like 112-3456789-0123456. */
  orderId(): string {
    return this.#uniqueOrder(
      () =>
        `${this.#rng.int(111, 114)}-${this.#rng.chars(7, '0123456789')}-${this.#rng.chars(7, '0123456789')}`,
    )
  }

  /** A tracking number like TBA312345678901. */
  trackingNumber(): string {
    return this.#uniqueOrder(() => `TBA${this.#rng.int(1, 9)}${this.#rng.chars(11, '0123456789')}`)
  }

  #uniqueOrder(make: () => string): string {
    for (;;) {
      const id = make()
      if (!this.#orders.has(id)) {
        this.#orders.add(id)
        return id
      }
    }
  }
}
