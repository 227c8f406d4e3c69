// The sync's last step: hashes the stored photos that have none yet (those kept before hashes
// were), then flags the deliveries each new hash makes look-alikes of (photo_reuse), so the
// search's "reused photo" filter and the supervisor's report read a kept flag instead of
// comparing every photo again; then every kept flag is checked again. A few hundred photos per turn of the event loop, so the console
// stays responsive during a first sync's hundreds of thousands.
import type BetterSqlite3 from 'better-sqlite3'
import { hashStoredPhoto } from '../photos/thumbnails.ts'
import type { Fingerprints } from './fingerprints.ts'
import type { Lookalikes } from './lookalikes.ts'
import { createAppState } from '../db/app-state.ts'

const BACKFILLED_KEY = 'photo-match.backfilled'
/** Older photos hashed in one run at most (a decode each); the rest wait for the next run. */
const BACKFILL_PER_RUN = 5000
const CHUNK = 200

export interface MatchOutcome {
  hashed: number
  compared: number
  flagsRefreshed: number
}

export async function matchPhotos(options: {
  sqlite: BetterSqlite3.Database
  dataDir: string
  fingerprints: Fingerprints
  lookalikes: Lookalikes
  signal?: AbortSignal
}): Promise<MatchOutcome> {
  const { sqlite, fingerprints, lookalikes, signal } = options
  const outcome: MatchOutcome = { hashed: 0, compared: 0, flagsRefreshed: 0 }
  const state = createAppState(sqlite)

  if (!state.get(BACKFILLED_KEY)) {
    let left = BACKFILL_PER_RUN
    for (;;) {
      if (signal?.aborted) return outcome
      const batch = fingerprints.unhashed(Math.min(CHUNK, left))
      for (const sha256 of batch) {
        const hash = await hashStoredPhoto(options.dataDir, sha256)
        // A file that cannot be read now has a display error already, or will get one.
        if (hash) fingerprints.record(sha256, hash)
        outcome.hashed++
      }
      left -= batch.length
      if (batch.length < CHUNK && left > 0) {
        state.set(BACKFILLED_KEY, new Date().toISOString())
        break
      }
      if (left <= 0) break
    }
  }

  for (;;) {
    if (signal?.aborted) break
    const batch = fingerprints.uncompared(CHUNK)
    if (batch.length === 0) break
    // The table is built on its worker thread the first time, while this waits.
    await fingerprints.ready()
    // A file many deliveries share (a placeholder image) brings them all: refreshed CHUNK at a
    // time, each chunk a transaction of its own and a turn of the event loop.
    const deliveries = [...new Set(lookalikes.deliveriesNear(batch.map((f) => f.sha256)))]
    for (let at = 0; at < deliveries.length; at += CHUNK) {
      if (signal?.aborted) return outcome
      sqlite.transaction(() => {
        for (const deliveryId of deliveries.slice(at, at + CHUNK)) lookalikes.refresh(deliveryId)
      })()
      await nextTurn()
    }
    // Compared only once every delivery near them is refreshed: an abort before that leaves them
    // to the next run.
    fingerprints.markCompared(batch.map((f) => f.id))
    outcome.compared += batch.length
    outcome.flagsRefreshed += deliveries.length
    await nextTurn()
  }

  // Every kept flag is checked again: a look-alike whose delivery has since been withheld,
  // removed or moved takes its flag with it, whether or not anyone opens the delivery.
  let after = ''
  for (;;) {
    if (signal?.aborted) break
    const batch = lookalikes.flagged(after, CHUNK)
    if (batch.length === 0) break
    await fingerprints.ready()
    sqlite.transaction(() => {
      for (const deliveryId of batch) lookalikes.refresh(deliveryId)
    })()
    outcome.flagsRefreshed += batch.length
    after = batch[batch.length - 1] as string
    await nextTurn()
  }
  return outcome
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
