// Zoom, rotation and pan of the photo on screen, with the sizes they depend on held in the same
// state, so that every change is clamped against the stage and photo as they are at that moment.
import { useCallback, useMemo, useState } from 'react'
import {
  clampView,
  FIT_VIEW,
  fitSize,
  zoomAround,
  ZOOM_STEP,
  type Point,
  type Size,
  type View,
} from './viewTransform.ts'

type State = { view: View; stage: Size | null; natural: Size | null }

export type PhotoView = {
  view: View
  /** The laid-out (unrotated, unzoomed) size of the image; null until the stage is measured. */
  base: Size | null
  zoomIn: (around?: Point) => void
  zoomOut: (around?: Point) => void
  zoomBy: (factor: number, around: Point) => void
  fit: () => void
  rotate: (quarterTurns: 1 | -1) => void
  panBy: (dx: number, dy: number) => void
  setStage: (size: Size) => void
  setNatural: (size: Size) => void
}

const CENTRE: Point = { x: 0, y: 0 }

export function usePhotoView(initialNatural: Size | null): PhotoView {
  const [state, setState] = useState<State>({
    view: FIT_VIEW,
    stage: null,
    natural: initialNatural,
  })

  const change = useCallback((next: (view: View) => View) => {
    setState((s) => ({ ...s, view: clampView(next(s.view), s.natural, s.stage) }))
  }, [])

  const actions = useMemo(
    () => ({
      zoomIn: (around: Point = CENTRE) => change((v) => zoomAround(v, v.zoom * ZOOM_STEP, around)),
      zoomOut: (around: Point = CENTRE) => change((v) => zoomAround(v, v.zoom / ZOOM_STEP, around)),
      zoomBy: (factor: number, around: Point) =>
        change((v) => zoomAround(v, v.zoom * factor, around)),
      // Fit keeps the rotation: a photo turned upright should stay upright.
      fit: () => change((v) => ({ ...v, zoom: 1, x: 0, y: 0 })),
      rotate: (quarterTurns: 1 | -1) =>
        change((v) => ({ ...v, rotation: v.rotation + 90 * quarterTurns, x: 0, y: 0 })),
      panBy: (dx: number, dy: number) => change((v) => ({ ...v, x: v.x + dx, y: v.y + dy })),
      setStage: (stage: Size) =>
        setState((s) =>
          s.stage && s.stage.w === stage.w && s.stage.h === stage.h
            ? s
            : { ...s, stage, view: clampView(s.view, s.natural, stage) },
        ),
      setNatural: (natural: Size) =>
        setState((s) =>
          s.natural && Math.abs(s.natural.w / s.natural.h - natural.w / natural.h) < 1e-3
            ? s
            : { ...s, natural, view: clampView(s.view, natural, s.stage) },
        ),
    }),
    [change],
  )

  const { view, stage, natural } = state
  const base = stage ? fitSize(natural ?? stage, stage, view.rotation) : null
  return { view, base, ...actions }
}
