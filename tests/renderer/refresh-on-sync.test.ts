// A sync that changes the local copy marks what the screens show as out of date; a plain poll
// that changes nothing marks nothing.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { refreshWhenSyncChangesTheCopy } from '../../src/api/refreshOnSync.ts'

const idle: SyncStatus = {
  online: true,
  running: false,
  lastSuccessAt: '2026-12-01T10:00:00.000Z',
  lastAttemptAt: '2026-12-01T10:00:00.000Z',
  lastError: null,
  progress: { deliveriesReceived: 0, casesReceived: 0, photosDownloaded: 0, photosPending: 0 },
  cached: { deliveries: 40, photos: 30 },
  pendingChanges: 0,
  lastRun: null,
  serviceAsksWaitUntil: null,
  waitingForOthers: [],
}

function setUp() {
  const client = new QueryClient()
  refreshWhenSyncChangesTheCopy(client)
  const read = ['searchDeliveries', 'getDelivery', 'getSyncReport', 'getSettings']
  for (const name of read) client.setQueryData([name, 'x'], { some: 'answer' })
  client.setQueryData(['getSyncStatus'], idle)
  const outOfDate = () =>
    read.filter((name) => client.getQueryState([name, 'x'])?.isInvalidated === true)
  return { client, outOfDate }
}

describe('refreshWhenSyncChangesTheCopy', () => {
  it('marks nothing for a poll that brings the same status', () => {
    const { client, outOfDate } = setUp()
    client.setQueryData(['getSyncStatus'], { ...idle, online: false })
    client.setQueryData(['getSyncStatus'], { ...idle })
    expect(outOfDate()).toEqual([])
  })

  it('marks search and deliveries when a sync finished, and the report when a run starts', () => {
    const { client, outOfDate } = setUp()
    client.setQueryData(['getSyncStatus'], { ...idle, running: true })
    expect(outOfDate()).toEqual(['getSyncReport'])
    client.setQueryData(['getSyncStatus'], {
      ...idle,
      lastSuccessAt: '2026-12-01T10:05:00.000Z',
      cached: { deliveries: 45, photos: 30 },
    })
    expect(outOfDate()).toEqual(['searchDeliveries', 'getDelivery', 'getSyncReport'])
  })

  it('marks the deliveries, not the search, when only photos arrived', () => {
    const { client, outOfDate } = setUp()
    client.setQueryData(['getSyncStatus'], { ...idle, cached: { deliveries: 40, photos: 31 } })
    expect(outOfDate()).toEqual(['getDelivery'])
  })
})
