// A sync changes the local copy behind the screens: when the sync status says so, what they show
// is read again. Only the reads on screen run again at once; the others are marked out of date
// and read when next shown.
import type { QueryClient } from '@tanstack/react-query'
import type { SyncStatus } from '../../electron/core/api/definition.ts'

/** What each part of the status tells: a finished sync, deliveries or photos stored, a run. */
const WATCHED: Array<{ of: (s: SyncStatus) => string; refresh: string[] }> = [
  // Search answers change with the deliveries stored.
  {
    of: (s) => `${s.lastSuccessAt ?? ''}|${s.cached.deliveries}`,
    refresh: [
      'searchDeliveries',
      'findCasesByTicket',
      'getDelivery',
      'getAddressHistory',
      'listPeople',
    ],
  },
  // A delivery also shows its photos as they arrive, and those that look like them.
  { of: (s) => String(s.cached.photos), refresh: ['getDelivery', 'getLookalikes'] },
  // The sync report is about the runs: read it when one starts or finishes.
  { of: (s) => `${s.running}|${s.lastRun?.finishedAt ?? ''}`, refresh: ['getSyncReport'] },
]

/** Watches the sync status in the cache for the rest of the page's life. */
export function refreshWhenSyncChangesTheCopy(client: QueryClient): void {
  let seen: SyncStatus | undefined
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[0] !== 'getSyncStatus') return
    const status = event.query.state.data as SyncStatus | undefined
    if (!status || status === seen) return
    const before = seen
    seen = status
    if (!before) return
    for (const { of, refresh } of WATCHED) {
      if (of(before) === of(status)) continue
      for (const name of refresh) void client.invalidateQueries({ queryKey: [name] })
    }
  })
}
