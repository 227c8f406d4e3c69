// The photo viewer's stage: measured as it resizes, zoomed by the wheel at the pointer, and
// dragged to pan a zoomed photo (the pointer is captured so a drag may leave the stage).
import { useCallback, useState } from 'react'
import type { PointerEvent as ReactPointerEvent } from 'react'
import type { PhotoView } from './usePhotoView.ts'
import { isZoomed } from './viewTransform.ts'
import type { Point } from './viewTransform.ts'

export function usePhotoStage(photoView: PhotoView) {
  const { view, setStage, zoomBy } = photoView
  const zoomed = isZoomed(view)
  const [dragFrom, setDragFrom] = useState<Point | null>(null)

  // Measures the stage, and zooms on the wheel (a native listener: React's is passive and could
  // not stop the screen from scrolling at the same time).
  const stageRef = useCallback(
    (stage: HTMLDivElement | null) => {
      if (!stage) return
      const measure = () => setStage({ w: stage.clientWidth, h: stage.clientHeight })
      measure()
      const observer = new ResizeObserver(measure)
      observer.observe(stage)
      const onWheel = (event: WheelEvent) => {
        event.preventDefault()
        const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1
        const delta = Math.max(-120, Math.min(120, event.deltaY * lines))
        zoomBy(Math.exp(-delta * 0.0025), pointInStage(stage, event.clientX, event.clientY))
      }
      stage.addEventListener('wheel', onWheel, { passive: false })
      return () => {
        observer.disconnect()
        stage.removeEventListener('wheel', onWheel)
      }
    },
    [setStage, zoomBy],
  )

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !zoomed) return
    event.currentTarget.setPointerCapture(event.pointerId)
    setDragFrom({ x: event.clientX, y: event.clientY })
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragFrom) return
    photoView.panBy(event.clientX - dragFrom.x, event.clientY - dragFrom.y)
    setDragFrom({ x: event.clientX, y: event.clientY })
  }
  const endDrag = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragFrom) return
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId)
    }
    setDragFrom(null)
  }

  const dragHandlers = {
    onPointerDown,
    onPointerMove,
    onPointerUp: endDrag,
    onPointerCancel: endDrag,
  }
  return { stageRef, dragFrom, dragHandlers }
}

/** Where a pointer is, from the middle of the stage. */
export function pointInStage(stage: HTMLElement, clientX: number, clientY: number): Point {
  const rect = stage.getBoundingClientRect()
  return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 }
}
