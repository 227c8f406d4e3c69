// A delivery's rowid is its place in "newest first": the delivery time in seconds, times 2^19
// slots for deliveries delivered in the same second (keys stay within JavaScript's safe integers
// until the year 2242). Search then reads the newest
// matches straight off the full-text index and the table (ORDER BY rowid DESC LIMIT n) instead of
// collecting every match and sorting it, which at a million deliveries is the difference between
// a few milliseconds and a second for a common surname.
//
// Deliveries not delivered yet sort after every delivered one (keys below zero), by their last
// change. Migration 005 computes the same keys in SQL for a cache filled before it.
import type BetterSqlite3 from 'better-sqlite3'
import { highestKeyInRange, keyTaken } from './delivery-tables.ts'

export const KEY_SLOTS = 2 ** 19
/** Undelivered deliveries' keys are shifted below every delivered one. */
export const UNDELIVERED_OFFSET = 2 ** 52

/** The first key of the second a delivery belongs to; its rowid is this plus a free slot. */
export function recencyBase(deliveredAt: string | null, updatedAt: string): number {
  if (deliveredAt !== null) return secondsOf(deliveredAt) * KEY_SLOTS
  return secondsOf(updatedAt) * KEY_SLOTS - UNDELIVERED_OFFSET
}

function secondsOf(timestamp: string): number {
  return Math.floor(Date.parse(timestamp) / 1000)
}

export type RecencyKeys = ReturnType<typeof createRecencyKeys>

/** Hands out free keys on `sqlite` (inside the caller's transaction). */
export function createRecencyKeys(sqlite: BetterSqlite3.Database) {
  const highestInSlotRange = highestKeyInRange.on(sqlite)
  const taken = keyTaken.on(sqlite)
  return {
    /** A key no delivery holds, as close after `base` as the second's slots allow. */
    free(base: number): number {
      const highest = highestInSlotRange.get({ lo: base, hi: base + KEY_SLOTS })?.key ?? null
      let key = highest === null ? base : highest + 1
      // More than half a million deliveries in one second: keep the key unique, order aside.
      // (Inside the second's slots, one past the highest is free by definition.)
      if (key >= base + KEY_SLOTS) while (taken.get({ key })) key++
      return key
    },
  }
}
