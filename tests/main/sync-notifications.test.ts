// The desktop notification after an outage, with Electron's Notification replaced: its words, a
// click that brings the window to the cases queue, nothing where the OS has no notifications, and
// a notification that fails is logged, never thrown into the sync.
import { describe, expect, it } from 'vitest'
import { createSyncNotifier } from '../../electron/main/sync-notifications.ts'

function fakeNotifications(supported = true, failing = false) {
  const shown: Array<{ title: string; body: string; silent?: boolean }> = []
  const clicks: Array<() => void> = []
  class Notification {
    static isSupported = () => supported
    readonly options: { title: string; body: string; silent?: boolean }
    constructor(options: { title: string; body: string; silent?: boolean }) {
      if (failing) throw new Error('no notification daemon')
      this.options = options
    }
    on(_event: 'click', listener: () => void) {
      clicks.push(listener)
      return this
    }
    show() {
      shown.push(this.options)
    }
  }
  return { Notification, shown, clicks }
}

describe('the notification after an outage', () => {
  it('says what was sent and what needs a decision; a click shows the cases queue', () => {
    const fake = fakeNotifications()
    const hashes: string[] = []
    const warnings: string[] = []
    const notify = createSyncNotifier({
      Notification: fake.Notification,
      show: (hash) => hashes.push(hash),
      log: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} },
    })
    notify({ sentAfterOutage: 2, conflicts: 1 })
    expect(fake.shown).toEqual([
      {
        title: 'A change needs your decision',
        body: 'The 2 changes you made while offline were sent. One change needs your decision: its case changed on the service.',
        silent: true,
      },
    ])
    fake.clicks[0]!()
    expect(hashes).toEqual(['#/cases'])
    expect(warnings).toEqual([])
  })

  it('shows nothing where the OS has no notifications, and logs one that fails', () => {
    const unsupported = fakeNotifications(false)
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    createSyncNotifier({ Notification: unsupported.Notification, show: () => {}, log })({
      sentAfterOutage: 1,
      conflicts: 0,
    })
    expect(unsupported.shown).toEqual([])

    const failing = fakeNotifications(true, true)
    const warnings: string[] = []
    const notify = createSyncNotifier({
      Notification: failing.Notification,
      show: () => {},
      log: { ...log, warn: (m) => warnings.push(m) },
    })
    expect(() => notify({ sentAfterOutage: 1, conflicts: 0 })).not.toThrow()
    expect(warnings).toEqual(['could not show a notification'])
  })
})
