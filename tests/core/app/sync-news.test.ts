// After an outage the desktop app says that the changes made offline were sent, or that some came
// back as conflicts (app/sync-news.ts); Settings can turn it off. A real console against the demo
// service behind a front that goes down and up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncNews } from '../../../electron/core/app/sync-news.ts'
import { syncNewsWords } from '../../../electron/core/app/sync-news.ts'
import {
  actOnService,
  startConsole,
  startDeskService,
  tempDirs,
  AGENT,
  type DeskService,
  type TestConsole,
} from '../cases/desk-harness.ts'

let svc: DeskService
let desk: TestConsole
const dirs = tempDirs()
const news: SyncNews[] = []

beforeAll(async () => {
  svc = await startDeskService({ seed: 61 })
  desk = await startConsole(svc.front.url, {
    dataDir: dirs.make(),
    onSyncNews: (n) => news.push(n),
  })
  await desk.h.signIn(AGENT)
  await desk.core.syncOnce()
})
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

async function openCase(): Promise<string> {
  const delivery = svc.deliveries()[news.length + 2]!
  const caseId = (await desk.h.openCase({ deliveryId: delivery.id, reason: 'not_received' })).id
  await desk.core.syncOnce()
  return caseId
}

describe('news after an outage', () => {
  it('says nothing while online; after an outage, says how many changes made offline were sent', async () => {
    const caseId = await openCase()
    await desk.h.addCaseNote({ caseId, body: 'Sent straight away.' })
    await desk.core.syncOnce()
    expect(news).toEqual([])

    await svc.front.down()
    await desk.h.addCaseNote({ caseId, body: 'Written offline, one.' })
    await desk.h.addCaseNote({ caseId, body: 'Written offline, two.' })
    await expect(desk.core.syncOnce()).rejects.toThrow()
    expect(news).toEqual([])
    await svc.front.up()
    await desk.core.syncOnce()
    expect(news).toEqual([{ sentAfterOutage: 2, conflicts: 0 }])
    // Once told, the next sync has nothing new to say.
    await desk.core.syncOnce()
    expect(news).toHaveLength(1)
  })

  it('says when a change came back as a conflict', async () => {
    const caseId = await openCase()
    await svc.front.down()
    await desk.h.changeCaseStatus({ caseId, status: 'investigating' })
    await expect(desk.core.syncOnce()).rejects.toThrow()
    // Meanwhile a supervisor resolved the case on the service.
    actOnService(svc.service, caseId, { type: 'resolved', resolutionCode: 'no_action' })
    await svc.front.up()
    await desk.core.syncOnce()
    expect(news.at(-1)).toEqual({ sentAfterOutage: 0, conflicts: 1 })
    expect(syncNewsWords(news.at(-1)!)).toEqual({
      title: 'A change needs your decision',
      body: 'One change needs your decision: its case changed on the service.',
    })
  })

  it('is off when Settings say so', async () => {
    const told = news.length
    await desk.h.updateSettings({ notifyAfterOutage: false })
    const caseId = await openCase()
    await svc.front.down()
    await desk.h.addCaseNote({ caseId, body: 'Offline again.' })
    await expect(desk.core.syncOnce()).rejects.toThrow()
    await svc.front.up()
    await desk.core.syncOnce()
    expect(news).toHaveLength(told)
    await desk.h.updateSettings({ notifyAfterOutage: true })
  })

  it('words the news for the notification', () => {
    expect(syncNewsWords({ sentAfterOutage: 1, conflicts: 0 })).toEqual({
      title: 'Back online',
      body: 'The change you made while offline was sent.',
    })
    expect(syncNewsWords({ sentAfterOutage: 3, conflicts: 2 })).toEqual({
      title: 'Changes need your decision',
      body: 'The 3 changes you made while offline were sent. 2 changes need your decision: their cases changed on the service.',
    })
  })
})
