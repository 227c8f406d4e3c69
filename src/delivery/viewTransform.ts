// The photo viewer's geometry, kept free of React so it can be reasoned about (and tested) alone.
// The image is laid out at the size that fits the stage for its current rotation ("fit"), centred;
// zoom, rotation and pan are then one CSS transform on top: translate, rotate, scale.

export type Size = { w: number; h: number }
export type Point = { x: number; y: number }

export type View = {
  /** Relative to fit: 1 shows the whole photo. */
  zoom: number
  /** Degrees, a multiple of 90. Not normalised, so a turn from 270° to 360° animates forwards. */
  rotation: number
  /** Pan in screen pixels, from the stage's centre to the image's centre. */
  x: number
  y: number
}

export const FIT_VIEW: View = { zoom: 1, rotation: 0, x: 0, y: 0 }
export const MIN_ZOOM = 1
export const MAX_ZOOM = 8
/** One press of + or −. Two presses make about 1.56×, enough to read a house number. */
export const ZOOM_STEP = 1.25

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

/** True when the photo lies on its side (90° or 270°), so its width runs up the screen. */
export function onItsSide(rotation: number): boolean {
  return Math.abs(rotation / 90) % 2 === 1
}

/** The unrotated size at which the photo, once rotated, just fits the stage. */
export function fitSize(natural: Size, stage: Size, rotation: number): Size {
  if (natural.w <= 0 || natural.h <= 0) return stage
  const side = onItsSide(rotation)
  const across = side ? natural.h : natural.w
  const down = side ? natural.w : natural.h
  const scale = Math.min(stage.w / across, stage.h / down)
  return { w: natural.w * scale, h: natural.h * scale }
}

/** Keeps the photo from being dragged away: an edge may come in only as far as the stage's edge. */
export function clampView(view: View, natural: Size | null, stage: Size | null): View {
  const zoom = clamp(view.zoom, MIN_ZOOM, MAX_ZOOM)
  if (!stage) return { ...view, zoom }
  const base = fitSize(natural ?? stage, stage, view.rotation)
  const side = onItsSide(view.rotation)
  const shownW = (side ? base.h : base.w) * zoom
  const shownH = (side ? base.w : base.h) * zoom
  const maxX = Math.max(0, (shownW - stage.w) / 2)
  const maxY = Math.max(0, (shownH - stage.h) / 2)
  return { ...view, zoom, x: clamp(view.x, -maxX, maxX), y: clamp(view.y, -maxY, maxY) }
}

/** Zooms so that the image point under `point` (relative to the stage's centre) stays put. */
export function zoomAround(view: View, nextZoom: number, point: Point): View {
  const zoom = clamp(nextZoom, MIN_ZOOM, MAX_ZOOM)
  const k = zoom / view.zoom
  return {
    ...view,
    zoom,
    x: point.x - (point.x - view.x) * k,
    y: point.y - (point.y - view.y) * k,
  }
}

export function isZoomed(view: View): boolean {
  return view.zoom > MIN_ZOOM + 1e-6
}

export function transformOf(view: View): string {
  return `translate(${view.x}px, ${view.y}px) rotate(${view.rotation}deg) scale(${view.zoom})`
}
