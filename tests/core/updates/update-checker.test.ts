// Updates: checked at start and every day against the configured feed, never in demo mode or an
// unpackaged run; a downloaded update is offered as a restart. `Updater` is the seam the shell
// fills with electron-updater; here a recording stand-in plays it (it is not our code).
import { afterEach, describe, expect, it } from 'vitest'
import {
  createUpdateChecker,
  updateFeedFrom,
  type Updater,
} from '../../../electron/core/updates/update-checker.ts'

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
const stops: Array<() => void> = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

function recordingUpdater(answers: Array<{ version: string } | null | Error>) {
  const calls = { feed: [] as string[], checks: 0, installs: 0 }
  let downloaded: ((version: string) => void) | null = null
  const updater: Updater = {
    setFeedUrl: (url) => void calls.feed.push(url),
    check: async () => {
      const answer = answers[Math.min(calls.checks, answers.length - 1)] ?? null
      calls.checks++
      if (answer instanceof Error) throw answer
      return answer
    },
    onDownloaded: (listener) => {
      downloaded = listener
    },
    onError: () => undefined,
    quitAndInstall: () => void calls.installs++,
  }
  return { updater, calls, finishDownload: (version: string) => downloaded?.(version) }
}

const feed = 'https://updates.example.com/porchlight/'

describe('update checks', () => {
  it.each([
    [{ demo: true, packaged: true, feedUrl: feed }, 'demo'],
    [{ demo: false, packaged: false, feedUrl: feed }, 'not-installed'],
    [{ demo: false, packaged: true, feedUrl: null }, 'no-feed'],
  ])('are off for %o', async (setup, reason) => {
    const { updater, calls } = recordingUpdater([{ version: '9.9.9' }])
    const checker = createUpdateChecker({ ...setup, updater, log: quiet })
    checker.start()
    stops.push(() => checker.stop())
    expect(checker.status()).toEqual({ state: 'disabled', reason })
    expect(await checker.checkNow()).toMatchObject({ state: 'disabled' })
    expect(calls.checks).toBe(0)
    expect(calls.feed).toEqual([])
    expect(checker.restartToUpdate()).toBe(false)
  })

  it('check at start and on the interval, and offer a restart once downloaded', async () => {
    const { updater, calls, finishDownload } = recordingUpdater([null, { version: '0.2.0' }])
    const checker = createUpdateChecker({
      updater,
      feedUrl: feed,
      demo: false,
      packaged: true,
      log: quiet,
      intervalMs: 40,
    })
    stops.push(() => checker.stop())
    expect(calls.feed).toEqual([feed])
    checker.start()
    await expect.poll(() => checker.status().state).toBe('idle')
    expect(calls.checks).toBe(1)
    expect(checker.restartToUpdate()).toBe(false)
    await expect
      .poll(() => checker.status())
      .toMatchObject({ state: 'downloading', version: '0.2.0' })
    finishDownload('0.2.0')
    expect(checker.status()).toMatchObject({ state: 'ready', version: '0.2.0' })
    // Once ready, further checks leave the offer as it is.
    const checks = calls.checks
    await checker.checkNow()
    expect(calls.checks).toBe(checks)
    expect(checker.restartToUpdate()).toBe(true)
    expect(calls.installs).toBe(1)
  })

  it('says so in words when a check fails, and tries again later', async () => {
    const { updater, calls } = recordingUpdater([new Error('getaddrinfo ENOTFOUND'), null])
    const checker = createUpdateChecker({
      updater,
      feedUrl: feed,
      demo: false,
      packaged: true,
      log: quiet,
    })
    expect(await checker.checkNow()).toMatchObject({
      state: 'failed',
    })
    expect(await checker.checkNow()).toMatchObject({ state: 'idle' })
    expect(calls.checks).toBe(2)
  })

  it('reads the feed from PORCHLIGHT_UPDATE_URL: https, or http on this machine only', () => {
    expect(updateFeedFrom({})).toBeNull()
    expect(updateFeedFrom({ PORCHLIGHT_UPDATE_URL: ` ${feed} ` })).toBe(feed)
    expect(updateFeedFrom({ PORCHLIGHT_UPDATE_URL: 'http://127.0.0.1:8080/feed' })).toBe(
      'http://127.0.0.1:8080/feed',
    )
    expect(() => updateFeedFrom({ PORCHLIGHT_UPDATE_URL: 'http://updates.example.com/' })).toThrow(
      /https/,
    )
    expect(() => updateFeedFrom({ PORCHLIGHT_UPDATE_URL: 'file:///tmp/feed' })).toThrow(/https/)
    expect(() => updateFeedFrom({ PORCHLIGHT_UPDATE_URL: 'https://u:p@example.com/' })).toThrow(
      /user name or password/,
    )
    expect(() => updateFeedFrom({ PORCHLIGHT_UPDATE_URL: 'not a url' })).toThrow(/not a URL/)
  })
})
