// The Fullscreen API on one element (the photo panel). Esc leaves full screen; the keypress that
// does so must not also leave the delivery screen, so a just-finished exit is remembered briefly.
import { useCallback, useEffect, useMemo, useState } from 'react'

/** Long enough for a late Escape keydown from the same keypress, too short to eat the next one. */
const ESCAPE_GRACE_MS = 400

// Full screen is one state of the whole document, so the memory of leaving it is kept per
// document too, not per component.
let fullscreenOwner: HTMLElement | null = null
let leftFullscreenAt = -Infinity

export type Fullscreen = {
  element: HTMLElement | null
  active: boolean
  toggle: () => void
  exit: () => void
  /** True while in full screen or just after leaving it. */
  ownsEscape: () => boolean
}

/** @param element the element that goes full screen (kept in state by its owner). */
export function useFullscreen(element: HTMLElement | null): Fullscreen {
  const [active, setActive] = useState(false)

  useEffect(() => {
    const onChange = () => {
      const now = element !== null && document.fullscreenElement === element
      if (fullscreenOwner === element && !now) {
        fullscreenOwner = null
        leftFullscreenAt = performance.now()
      }
      if (now) fullscreenOwner = element
      setActive(now)
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [element])

  const exit = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined)
  }, [])

  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      exit()
      return
    }
    // Refused (a policy, or no user gesture): the panel simply stays where it is.
    element?.requestFullscreen().catch(() => undefined)
  }, [element, exit])

  const ownsEscape = useCallback(
    () =>
      document.fullscreenElement !== null || performance.now() - leftFullscreenAt < ESCAPE_GRACE_MS,
    [],
  )

  return useMemo(
    () => ({ element, active, toggle, exit, ownsEscape }),
    [element, active, toggle, exit, ownsEscape],
  )
}
