// The window opens where it was left, if that place is still on a screen: kept in the data folder
// when it closes, read back (and checked) at the next start. Electron's window is a stand-in.
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  keepWindowState,
  placeWindow,
  readWindowState,
  WINDOW_STATE_FILE,
} from '../../electron/main/window-state.ts'

const dir = mkdtempSync(join(tmpdir(), 'porchlight-window-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const warnings: string[] = []
const log = { info: () => {}, warn: (m: string) => void warnings.push(m), error: () => {} }

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 }
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1400 }

describe('where the window opens', () => {
  it('is centred at the default size the first time, made to fit a small screen', () => {
    expect(placeWindow(null, [LAPTOP, MONITOR])).toEqual({ ...DEFAULT_SIZE, maximized: false })
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 740 }])).toEqual({
      width: 1024,
      height: 740,
      maximized: false,
    })
  })

  it('is the kept place when its title bar is on a screen, the second one included', () => {
    const kept = { x: 1600, y: -100, width: 1800, height: 1100, maximized: true }
    expect(placeWindow(kept, [LAPTOP, MONITOR])).toEqual(kept)
  })

  it('is centred, at the kept size, when the screen it was on is gone', () => {
    const kept = { x: 1600, y: -100, width: 1800, height: 1100, maximized: false }
    expect(placeWindow(kept, [LAPTOP])).toEqual({ width: 1440, height: 875, maximized: false })
    // Only a sliver of the title bar on the screen is not enough, nor a title bar above it.
    expect(placeWindow({ ...kept, x: 1400, y: 10 }, [LAPTOP])).not.toHaveProperty('x')
    expect(placeWindow({ ...kept, x: 100, y: -30 }, [LAPTOP])).not.toHaveProperty('x')
  })
})

describe('keeping the place', () => {
  it('writes the normal bounds and whether it was maximised when the window closes', () => {
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 12, y: 34, width: 1300, height: 820 }),
      isMaximized: () => true,
      isFullScreen: () => false,
    })
    keepWindowState(window as never, dir, log)
    window.emit('close')
    const file = join(dir, WINDOW_STATE_FILE)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 12,
      y: 34,
      width: 1300,
      height: 820,
      maximized: true,
    })
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readWindowState(dir, log)).toEqual({
      x: 12,
      y: 34,
      width: 1300,
      height: 820,
      maximized: true,
    })
  })

  it('ignores a kept file that is not a place, and says so in the log', () => {
    const other = mkdtempSync(join(tmpdir(), 'porchlight-window-state-bad-'))
    try {
      expect(readWindowState(other, log)).toBeNull()
      for (const text of [
        '{',
        '{"x":"1e9","y":0,"width":10,"height":10,"maximized":false}',
        '[]',
      ]) {
        writeFileSync(join(other, WINDOW_STATE_FILE), text)
        expect(readWindowState(other, log)).toBeNull()
      }
      expect(warnings).toHaveLength(3)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })
})
