import type { Migration } from 'kysely/migration'
import * as deliveries001 from './001-deliveries.ts'

/** Every schema change, in order. Names sort in the order they must run; never edit one that shipped. */
export const migrations: Record<string, Migration> = {
  '001-deliveries': deliveries001,
}
