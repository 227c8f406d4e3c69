// What a sync run says it did with the photos: every photo row it stored is counted once, also
// when a reused photo's file (one file, several rows) stored a row before the run read it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PENDING_CHUNK } from '../../../electron/core/photos/download-photos.ts'
import { startFaultServer, type FaultServer } from '../../support/fault-server.ts'
import {
  makeDelivery,
  makeJpeg,
  notAnImage,
  photoRecord,
  type PhotoFile,
} from '../../support/records.ts'
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness.ts'

describe('photo counts of a sync run', () => {
  let server: FaultServer
  let harness: SyncHarness | null = null

  beforeEach(async () => {
    server = await startFaultServer()
  })
  afterEach(async () => {
    await harness?.close()
    harness = null
    await server.close()
  })

  function publish(deliveryId: string, photoId: string, file: PhotoFile) {
    server.deliveries.append(makeDelivery(deliveryId, { photos: [photoRecord(photoId, file)] }))
    server.putPhoto(photoId, file.bytes)
  }

  it('counts each photo of a reused file once, though its twin is in a later chunk of pending photos', async () => {
    // The oldest delivery and the newest send the same file (a driver's reused photo). Pending
    // photos are read a chunk at a time, newest first: the files in between (no images, so no
    // thumbnail to make) put the oldest one in the next chunk, read after its twin was stored.
    const reused = await makeJpeg(21)
    publish('d0', 'p0', reused)
    for (let i = 1; i <= PENDING_CHUNK; i++)
      publish(`d${i}`, `p${i}`, notAnImage(`manifest ${i}\n`))
    publish('d-last', 'p-last', reused)
    harness = await startSyncHarness(server)

    const summary = await harness.engine.run()

    const states = harness.local.sqlite
      .prepare('SELECT state, count(*) AS n FROM delivery_photos GROUP BY state')
      .all()
    expect(states).toEqual([{ state: 'stored', n: PENDING_CHUNK + 2 }])
    // The shared file was fetched once, and both of its photos are counted as downloaded.
    expect(server.photoRequests('p0').length + server.photoRequests('p-last').length).toBe(1)
    expect(summary.photos).toMatchObject({
      downloaded: 2,
      undisplayable: PENDING_CHUNK,
      failed: 0,
    })
    // The status bar's "downloaded/total photos" ends with nothing left to fetch.
    expect(harness.engine.status().progress).toMatchObject({
      photosDownloaded: 2,
      photosPending: 0,
    })
  })
})
