// porchlight:// links reaching the desktop app: on the command line that launched it, through
// macOS's open-url, and from a second launch that hands its link over. Electron's app, dialog
// and window are stand-ins; the link reading and the window moves are the shell's own.
import { EventEmitter } from 'node:events'
import type { MessageBoxOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  createLinkOpener,
  linkFromArgv,
  listenForLinks,
  registerLinkScheme,
  showHashIn,
} from '../../electron/main/open-links.ts'

const CASE = '3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b'
const logged: string[] = []
const log = {
  info: (m: string) => logged.push(`info ${m}`),
  warn: (m: string) => logged.push(`warn ${m}`),
  error: (m: string) => logged.push(`error ${m}`),
}

function opener(canShow = true) {
  const shown: string[] = []
  const asked: MessageBoxOptions[] = []
  const dialog = {
    showMessageBox: (async (options: MessageBoxOptions) => {
      asked.push(options)
      return { response: 0, checkboxChecked: false }
    }) as never,
  }
  let ready = canShow
  const links = createLinkOpener({
    show: (hash) => shown.push(hash),
    canShow: () => ready,
    dialog,
    log,
  })
  return { links, shown, asked, becomeReady: () => (ready = true) }
}

class FakeApp extends EventEmitter {
  whenReady = () => Promise.resolve()
}
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('opening a link', () => {
  it('moves the console to the delivery or case it names', () => {
    const { links, shown, asked } = opener()
    links.open('porchlight://delivery/SO-1042-7781')
    links.open(`porchlight://case/${CASE}`)
    expect(shown).toEqual(['#/delivery/SO-1042-7781', `#/case/${CASE}`])
    expect(asked).toEqual([])
  })

  it('refuses anything else in a dialog that says why, and opens nothing', () => {
    const { links, shown, asked } = opener()
    links.open('porchlight://delivery/SO-1?x=javascript:alert(1)')
    expect(shown).toEqual([])
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({
      type: 'warning',
      message: 'Porchlight cannot open this link.',
      detail: expect.stringMatching(/no \? or # part.*porchlight:\/\/delivery\/<order/),
    })
    expect(logged.at(-1)).toMatch(/^warn refused a link: /)
  })

  it('keeps the last link that arrived while the console was starting, for its window', () => {
    const { links, shown, becomeReady } = opener(false)
    links.open('porchlight://delivery/SO-1')
    links.open('porchlight://delivery/SO-2')
    expect(shown).toEqual([])
    becomeReady()
    expect(links.takeWaiting()).toBe('#/delivery/SO-2')
    expect(links.takeWaiting()).toBeNull()
  })
})

describe('where links come from', () => {
  it('finds the link among a command line’s arguments, never the program itself', () => {
    expect(linkFromArgv(['--inspect', 'porchlight://case/x', 'porchlight://delivery/y'])).toBe(
      'porchlight://case/x',
    )
    expect(linkFromArgv(['.', '--no-sandbox'])).toBeNull()
  })

  it('reads the launch’s own link, open-url and a second launch’s link once the app is ready', async () => {
    const app = new FakeApp()
    const opened: string[] = []
    let secondLaunches = 0
    listenForLinks(
      app as never,
      ['/opt/Porchlight/porchlight', 'porchlight://delivery/SO-1'],
      (link) => opened.push(link),
      () => secondLaunches++,
    )
    let prevented = false
    app.emit('open-url', { preventDefault: () => (prevented = true) }, 'porchlight://delivery/SO-2')
    app.emit(
      'second-instance',
      {},
      ['/opt/Porchlight/porchlight', `porchlight://case/${CASE}`],
      '/',
    )
    app.emit('second-instance', {}, ['/opt/Porchlight/porchlight'], '/')
    await settle()
    expect(opened).toEqual([
      'porchlight://delivery/SO-1',
      'porchlight://delivery/SO-2',
      `porchlight://case/${CASE}`,
    ])
    expect(prevented).toBe(true)
    expect(secondLaunches).toBe(1)
  })

  it('does not take the program’s own path for a link', async () => {
    const app = new FakeApp()
    const opened: string[] = []
    listenForLinks(
      app as never,
      ['porchlight://delivery/SO-1'],
      (l) => opened.push(l),
      () => {},
    )
    await settle()
    expect(opened).toEqual([])
  })
})

describe('the window', () => {
  function fakeWindow(loading: boolean, minimized: boolean) {
    const calls: string[] = []
    const contents = new EventEmitter() as EventEmitter & Record<string, unknown>
    contents['isLoading'] = () => loading
    contents['executeJavaScript'] = async (code: string) => void calls.push(`run ${code}`)
    const window = {
      webContents: contents,
      isMinimized: () => minimized,
      restore: () => void calls.push('restore'),
      focus: () => void calls.push('focus'),
    }
    return { window, calls, contents }
  }

  it('moves to the address and comes to the front', async () => {
    const { window, calls } = fakeWindow(false, true)
    showHashIn(window as never, `#/case/${CASE}`, log)
    await settle()
    expect(calls).toEqual([`run window.location.hash = "#/case/${CASE}"`, 'restore', 'focus'])
  })

  it('waits for a page still loading', async () => {
    const { window, calls, contents } = fakeWindow(true, false)
    showHashIn(window as never, '#/delivery/SO-1', log)
    expect(calls).toEqual(['focus'])
    contents.emit('did-finish-load')
    await settle()
    expect(calls).toEqual(['focus', 'run window.location.hash = "#/delivery/SO-1"'])
  })
})

describe('registering the scheme', () => {
  it('registers the packaged app, and in development Electron with the app’s folder', () => {
    const calls: unknown[][] = []
    const app = (isPackaged: boolean) => ({
      isPackaged,
      setAsDefaultProtocolClient: (...args: unknown[]) => (calls.push(args), true),
    })
    registerLinkScheme(app(true) as never, ['/opt/Porchlight/porchlight'], '/x', log)
    registerLinkScheme(
      app(false) as never,
      ['/usr/bin/electron', '/work/app'],
      '/usr/bin/electron',
      log,
    )
    expect(calls).toEqual([['porchlight'], ['porchlight', '/usr/bin/electron', ['/work/app']]])
  })
})
