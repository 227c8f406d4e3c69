// The window opens where it was left: its size and place (and whether it was maximised) are kept
// in `window-state.json` in the data folder when it closes, and on the next start used again if
// they still fit a screen. A screen that is gone (a laptop off its dock) is not followed: the
// window then opens centred, at a size that fits the screen it opens on.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'
import type { Logger } from '../core/app/types.ts'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_SIZE = { width: 1360, height: 860 }
export const MIN_SIZE = { width: 960, height: 600 }
/** How much of the window's title bar must be on a screen for the place to be kept. */
const VISIBLE = { width: 120, height: 40 }

const Whole = z.number().int().min(-100_000).max(100_000)
const WindowStateSchema = z.object({
  x: Whole,
  y: Whole,
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export interface Placement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export function readWindowState(dataDir: string, log: Logger): WindowState | null {
  let text: string
  try {
    text = readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8')
  } catch {
    return null
  }
  try {
    return WindowStateSchema.parse(JSON.parse(text))
  } catch {
    log.warn(`${WINDOW_STATE_FILE} is not a window's place; the window opens centred`)
    return null
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/** Where the window opens, given what was kept and the screens' work areas now. */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): Placement {
  const largest = workAreas.reduce<Rectangle | null>(
    (best, area) =>
      best === null || area.width * area.height > best.width * best.height ? area : best,
    null,
  )
  const fit = (size: { width: number; height: number }) => ({
    width: Math.max(MIN_SIZE.width, Math.min(size.width, largest?.width ?? size.width)),
    height: Math.max(MIN_SIZE.height, Math.min(size.height, largest?.height ?? size.height)),
  })
  if (saved === null) return { ...fit(DEFAULT_SIZE), maximized: false }
  const size = fit(saved)
  // The title bar, where the person grabs the window, must be on some screen.
  const titleBar = { x: saved.x, y: saved.y, width: size.width, height: VISIBLE.height }
  const onScreen = workAreas.some((area) => {
    const o = overlap(titleBar, area)
    return o.width >= VISIBLE.width && o.height >= VISIBLE.height && saved.y >= area.y
  })
  return onScreen
    ? { x: saved.x, y: saved.y, ...size, maximized: saved.maximized }
    : { ...size, maximized: saved.maximized }
}

type KeptWindow = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'on'>

/** Keeps the window's place when it closes (its normal bounds, even when maximised). */
export function keepWindowState(window: KeptWindow, dataDir: string, log: Logger): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    const state: WindowState = {
      ...bounds,
      maximized: window.isMaximized() || window.isFullScreen(),
    }
    try {
      writeFileSync(join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`, { mode: 0o600 })
    } catch (error) {
      log.warn(
        `could not keep the window's place: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  })
}
