// The photo viewer's keys: + and − zoom, 0 fits, R and Shift+R rotate, F shows the photo full
// screen, the arrow keys pan a zoomed photo.
import { useEffect } from 'react'
import type { Fullscreen } from './useFullscreen.ts'
import type { PhotoView } from './usePhotoView.ts'
import { isZoomed } from './viewTransform.ts'

/** How far one arrow key moves a zoomed photo; with Shift, four times as far. */
export const PAN_STEP_PX = 60
/** Elements whose own arrow keys (or typing) must not be taken over by the viewer. */
export const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], .leaflet-container, ' +
  '[role="dialog"], [role="menu"], [role="listbox"], [role="radiogroup"], [role="tablist"], ' +
  '[role="grid"]'
/** Elements whose arrow keys are their own, though the other viewer keys still work there. */
export const OWN_ARROWS = '[data-arrow-keys]'

/**
 * The viewer's keys work from anywhere on the delivery screen (focus starts on the heading), but
 * never while typing, inside a dialog or menu, on the map (which has its own + and −), or in the
 * thumbnail strip (where the arrow keys choose a photo).
 */
export function usePhotoKeys(photoView: PhotoView, fullscreen: Fullscreen): void {
  const { view, zoomIn, zoomOut, fit, rotate, panBy } = photoView
  const zoomed = isZoomed(view)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // Leaving full screen is all this Escape does; it must not also leave the delivery.
        if (fullscreen.ownsEscape()) {
          event.preventDefault()
          event.stopPropagation()
          fullscreen.exit()
        }
        return
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest(OWN_KEYS)) return
      const step = event.shiftKey ? PAN_STEP_PX * 4 : PAN_STEP_PX
      switch (event.key) {
        case '+':
        case '=':
          zoomIn()
          break
        case '-':
        case '_':
        case '−':
          zoomOut()
          break
        case '0':
          fit()
          break
        case 'r':
        case 'R':
          rotate(event.shiftKey ? -1 : 1)
          break
        case 'f':
        case 'F':
          fullscreen.toggle()
          break
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'ArrowUp':
        case 'ArrowDown':
          // Not zoomed in, the arrows are the panel's: they choose the photo.
          if (!zoomed || target?.closest(OWN_ARROWS)) return
          if (event.key === 'ArrowLeft') panBy(step, 0)
          else if (event.key === 'ArrowRight') panBy(-step, 0)
          else if (event.key === 'ArrowUp') panBy(0, step)
          else panBy(0, -step)
          break
        default:
          return
      }
      event.preventDefault()
    }
    // Capture: runs before the screen's own Escape (back to search) and the panel's arrow keys.
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [zoomed, zoomIn, zoomOut, fit, rotate, panBy, fullscreen])
}
