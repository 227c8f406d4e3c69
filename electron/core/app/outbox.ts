// Sends what the agent did here to the service: case events (in order per case, exactly once
// by event id) and the photo-view audit. One push at a time; a push asked for while one runs
// gets one more push after it (see push()). Failures leave everything queued in SQLite for the
// next try.
import type BetterSqlite3 from 'better-sqlite3'
import type { createPhotoViewLog } from '../audit/photo-views.ts'
import { pushCaseEvents } from '../cases/push-case-events.ts'
import { ServiceError, type ServiceClient } from '../sync/service-client.ts'

export function createOutbox(options: {
  sqlite: BetterSqlite3.Database
  client: ServiceClient
  photoViews: ReturnType<typeof createPhotoViewLog>
  /** The signed-in user: only their queued work is sent, under their token. */
  currentUserId: () => string | null
  /** Runs first in every push, in turn with the others; throwing sends nothing (the service check). */
  beforePush?: () => Promise<void>
}) {
  const pendingEvents = options.sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM case_events WHERE state = 'pending' AND actor_id = ?",
  )
  // Pending or in conflict: both wait for their author (a conflict is theirs to settle).
  const othersWaiting = options.sqlite.prepare<
    [string | null],
    { userId: string; name: string; changes: number }
  >(
    `SELECT actor_id AS userId, max(actor_name) AS name, count(*) AS changes FROM case_events
     WHERE state IN ('pending', 'conflict') AND actor_id IS NOT ?
     GROUP BY actor_id ORDER BY min(seq)`,
  )
  let running: Promise<{ pushed: number; conflicts: number }> | null = null
  let following: Promise<{ pushed: number; conflicts: number }> | null = null

  async function pushOnce() {
    await options.beforePush?.()
    const userId = options.currentUserId()
    if (userId === null) return { pushed: 0, conflicts: 0 }
    // A push outlives a sign-out (it may be waiting on a slow service): it stops sending the
    // moment its user is no longer the one signed in.
    const stillSignedIn = () => options.currentUserId() === userId
    const cases = await pushCaseEvents({
      sqlite: options.sqlite,
      client: options.client,
      userId,
      stillSignedIn,
    })
    try {
      await options.photoViews.push(options.client, userId, stillSignedIn)
    } catch (error) {
      // A batch the service refuses or is too busy for stays queued (and counted as pending) for
      // the next push. It must not fail the sync run, which pushes first: while the audit
      // endpoint was busy, no delivery or case was pulled at all. Offline, signed-out and a wait
      // the service asked of every request ('busy') still end the run, as they do for case events.
      if (!(error instanceof ServiceError && error.kind === 'http')) throw error
    }
    return { pushed: cases.pushed, conflicts: cases.conflicts }
  }

  function start() {
    running = pushOnce().finally(() => {
      running = null
    })
    return running
  }

  return {
    push(): Promise<{ pushed: number; conflicts: number }> {
      if (following) return following
      if (!running) return start()
      // A push under way listed its work when it began, so joining it would leave what was
      // queued since (the reason for this call) until the next sync: a sync started while an
      // action's push was retrying ended with that work still pending. One more push follows
      // the running one, shared by every caller until it starts; it runs even if the first
      // failed, as the service may be back.
      following = running
        .catch(() => undefined)
        .then(() => {
          following = null
          // The core may have closed the cache while the first push ran.
          if (!options.sqlite.open) return { pushed: 0, conflicts: 0 }
          return start()
        })
      return following
    },
    /**
     * The signed-in user's case changes waiting to be sent (the audit of photo views is not the
     * agent's work); what the next push sends.
     */
    pendingCount: () => {
      const userId = options.currentUserId()
      return userId === null ? 0 : (pendingEvents.get(userId)?.n ?? 0)
    },
    /** Other users' case changes made here, waiting for each of them to sign in again. */
    waitingForOthers: () => othersWaiting.all(options.currentUserId()),
  }
}
