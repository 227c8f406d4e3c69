// The side navigation's width: full (icons and labels) or an icon rail. Below 1280 px the rail is
// the default, so the work area keeps most of a small window; the person's own choice (the toggle
// at the foot of the navigation) wins over the default and is remembered on this computer.
import { useCallback, useSyncExternalStore } from 'react'
import useMediaQuery from '@mui/material/useMediaQuery'

export type NavigationWidth = 'full' | 'rail'

const STORAGE_KEY = 'porchlight.navigation'
/** Windows narrower than this get the rail unless the person chose otherwise. */
export const RAIL_BELOW_PX = 1280

const listeners = new Set<() => void>()
/** The choice, where storage refuses to keep it (a private window): for this page only. */
let unstoredChoice: NavigationWidth | null = null

function readChoice(): NavigationWidth | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value === 'full' || value === 'rail' ? value : unstoredChoice
  } catch {
    return unstoredChoice
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** The width in force, and a toggle that remembers the other one. */
export function useNavigationWidth(): { width: NavigationWidth; toggle: () => void } {
  const wide = useMediaQuery(`(min-width:${RAIL_BELOW_PX}px)`, { noSsr: true })
  const choice = useSyncExternalStore(subscribe, readChoice)
  const width: NavigationWidth = choice ?? (wide ? 'full' : 'rail')
  const toggle = useCallback(() => {
    const next: NavigationWidth = width === 'full' ? 'rail' : 'full'
    unstoredChoice = next
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
    for (const listener of listeners) listener()
  }, [width])
  return { width, toggle }
}
