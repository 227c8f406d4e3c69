// One photo on a dark stage: fitted to the panel, then zoomed (wheel, + and −), panned (drag,
// arrow keys), rotated (R, Shift+R) and shown full screen (F) with CSS transforms only. The small
// thumbnail is asked for first and shown blurred until the full photo arrives, because only the
// full photo counts as a photo view in the audit and it is the slower of the two. Loading a photo
// records nothing: the full photo is asked for only once `recordPhotoView` has recorded the view.
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { PointerEvent as ReactPointerEvent, ReactNode } from 'react'
import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import Divider from '@mui/material/Divider'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import FitScreenOutlinedIcon from '@mui/icons-material/FitScreenOutlined'
import FullscreenExitIcon from '@mui/icons-material/FullscreenExit'
import FullscreenIcon from '@mui/icons-material/Fullscreen'
import RotateLeftIcon from '@mui/icons-material/RotateLeft'
import RotateRightIcon from '@mui/icons-material/RotateRight'
import ZoomInIcon from '@mui/icons-material/ZoomIn'
import ZoomOutIcon from '@mui/icons-material/ZoomOut'
import type { DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { api, photoUrl, userMessage } from '../api/client.ts'
import type { Fullscreen } from './useFullscreen.ts'
import { usePhotoView } from './usePhotoView.ts'
import type { PhotoView } from './usePhotoView.ts'
import { isZoomed, MAX_ZOOM, transformOf } from './viewTransform.ts'
import type { Point } from './viewTransform.ts'

/** How far one arrow key moves a zoomed photo; with Shift, four times as far. */
const PAN_STEP_PX = 60
/** If the thumbnail is slow, the full photo is not kept waiting longer than this. */
const THUMBNAIL_HEAD_START_MS = 1200
const DOUBLE_CLICK_ZOOM = 2.5

type Props = {
  photo: DeliveryPhoto
  alt: string
  /** The case being worked, when the photo is looked at for one (goes into the view audit). */
  caseId?: string | null
  /** The panel's title, shown left of the toolbar. */
  title: ReactNode
  fullscreen: Fullscreen
  /** The photo cannot be shown; `reason` says why when it is not the file itself. */
  onUnreadable: (reason?: string) => void
}

export function PhotoViewer({ photo, alt, caseId, title, fullscreen, onUnreadable }: Props) {
  const photoView = usePhotoView(
    photo.width && photo.height ? { w: photo.width, h: photo.height } : null,
  )
  const { view, base, setStage, setNatural, zoomBy } = photoView
  const hintId = useId()

  const thumbnailSrc = photo.hasThumbnail ? photoUrl(photo.id, { variant: 'thumbnail' }) : null
  const [thumbnailSettled, setThumbnailSettled] = useState(thumbnailSrc === null)
  const [fullLoaded, setFullLoaded] = useState(false)
  const [viewRecorded, setViewRecorded] = useState(false)
  const [dragFrom, setDragFrom] = useState<Point | null>(null)
  const viewRequested = useRef(false)
  const onUnreadableRef = useRef(onUnreadable)
  useEffect(() => {
    onUnreadableRef.current = onUnreadable
  })
  const fullRequested = thumbnailSettled

  useEffect(() => {
    if (thumbnailSettled) return
    const timer = window.setTimeout(() => setThumbnailSettled(true), THUMBNAIL_HEAD_START_MS)
    return () => window.clearTimeout(timer)
  }, [thumbnailSettled])

  // The view is recorded (once for this viewer) before the full photo is asked for; a view that
  // cannot be recorded means the photo is not shown, and the panel says why.
  useEffect(() => {
    if (!fullRequested || viewRequested.current) return
    viewRequested.current = true
    api.recordPhotoView({ photoId: photo.id, caseId: caseId ?? null }).then(
      () => setViewRecorded(true),
      (error: unknown) =>
        onUnreadableRef.current(
          `The photo is not shown because the view could not be recorded in the audit log: ${userMessage(error)}`,
        ),
    )
  }, [fullRequested, photo.id, caseId])

  usePhotoKeys(photoView, fullscreen)

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

  const zoomed = isZoomed(view)

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

  const imageStyle = base && {
    width: base.w,
    height: base.h,
    marginLeft: -base.w / 2,
    marginTop: -base.h / 2,
    transform: transformOf(view),
    transition: dragFrom
      ? 'none'
      : 'transform 140ms ease-out, width 140ms ease-out, height 140ms ease-out, margin 140ms ease-out',
  }

  return (
    <>
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          gap: 1,
          pl: 2,
          pr: 1,
          py: 0.5,
          minHeight: 48,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>{title}</Box>
        <ViewerToolbar photoView={photoView} fullscreen={fullscreen} />
      </Stack>

      <Box
        ref={stageRef}
        role="group"
        aria-label="Photo viewer"
        aria-describedby={hintId}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={(event) => {
          const point = pointInStage(event.currentTarget, event.clientX, event.clientY)
          if (zoomed) photoView.fit()
          else zoomBy(DOUBLE_CLICK_ZOOM, point)
        }}
        sx={{
          flex: 1,
          minHeight: 0,
          position: 'relative',
          overflow: 'hidden',
          // Photos read best on near-black, like any image viewer, in light and dark alike.
          bgcolor: '#0b0e11',
          cursor: dragFrom ? 'grabbing' : zoomed ? 'grab' : 'zoom-in',
          touchAction: 'none',
          userSelect: 'none',
          '&:focus-visible': { outlineOffset: -3 },
          '& img': {
            position: 'absolute',
            left: '50%',
            top: '50%',
            display: 'block',
            objectFit: 'contain',
            pointerEvents: 'none',
            transformOrigin: 'center',
          },
          '@media (prefers-reduced-motion: reduce)': { '& img': { transition: 'none !important' } },
        }}
      >
        {imageStyle && thumbnailSrc && !fullLoaded && (
          <img
            src={thumbnailSrc}
            alt=""
            aria-hidden
            draggable={false}
            onLoad={(event) => {
              const img = event.currentTarget
              if (img.naturalWidth > 0) setNatural({ w: img.naturalWidth, h: img.naturalHeight })
              setThumbnailSettled(true)
            }}
            onError={() => setThumbnailSettled(true)}
            style={{ ...imageStyle, filter: 'blur(6px) saturate(0.85)', opacity: 0.9 }}
          />
        )}
        {imageStyle && viewRecorded && (
          <img
            src={photoUrl(photo.id)}
            alt={alt}
            draggable={false}
            onLoad={(event) => {
              const img = event.currentTarget
              if (img.naturalWidth > 0) setNatural({ w: img.naturalWidth, h: img.naturalHeight })
              setFullLoaded(true)
            }}
            onError={() => onUnreadable()}
            style={{ ...imageStyle, opacity: fullLoaded ? 1 : 0 }}
          />
        )}
        {!fullLoaded && (
          <Stack
            role="status"
            direction="row"
            sx={{
              position: 'absolute',
              left: 12,
              bottom: 12,
              alignItems: 'center',
              gap: 1,
              px: 1.25,
              py: 0.5,
              borderRadius: 4,
              bgcolor: 'rgba(0, 0, 0, 0.6)',
              color: '#fff',
              typography: 'caption',
            }}
          >
            <CircularProgress size={12} color="inherit" aria-hidden />
            Loading the full photo…
          </Stack>
        )}
        <Box
          component="span"
          id={hintId}
          sx={{
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
          }}
        >
          Plus and minus zoom, 0 fits, arrow keys pan when zoomed in, R and Shift+R rotate, F shows
          the photo full screen.
        </Box>
      </Box>
    </>
  )
}

function pointInStage(stage: HTMLElement, clientX: number, clientY: number): Point {
  const rect = stage.getBoundingClientRect()
  return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 }
}

function ViewerToolbar({
  photoView,
  fullscreen,
}: {
  photoView: PhotoView
  fullscreen: Fullscreen
}) {
  const { view } = photoView
  const zoomed = isZoomed(view)
  // Tooltips live in <body>, which is not shown in full screen; then they go in the panel.
  const container = fullscreen.active ? fullscreen.element : undefined
  const tool = (
    label: string,
    keys: string,
    keyLabel: string,
    icon: ReactNode,
    onClick: () => void,
    disabled = false,
  ) => (
    <Tooltip title={`${label} (${keyLabel})`} slotProps={{ popper: { container } }}>
      <span>
        <IconButton
          size="small"
          aria-label={label}
          aria-keyshortcuts={keys}
          disabled={disabled}
          onClick={onClick}
        >
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  )
  return (
    <Stack
      direction="row"
      role="toolbar"
      aria-label="Photo tools"
      sx={{ alignItems: 'center', gap: 0.25, flexShrink: 0 }}
    >
      {tool(
        'Zoom out',
        '-',
        '−',
        <ZoomOutIcon fontSize="small" />,
        () => photoView.zoomOut(),
        !zoomed,
      )}
      <Typography
        variant="caption"
        aria-live="polite"
        sx={{
          minWidth: 40,
          textAlign: 'center',
          color: 'text.secondary',
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {zoomed ? `${Math.round(view.zoom * 100)}%` : 'Fit'}
      </Typography>
      {tool(
        'Zoom in',
        '+',
        '+',
        <ZoomInIcon fontSize="small" />,
        () => photoView.zoomIn(),
        view.zoom >= MAX_ZOOM,
      )}
      {tool('Fit', '0', '0', <FitScreenOutlinedIcon fontSize="small" />, photoView.fit, !zoomed)}
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5, my: 1 }} />
      {tool('Rotate left', 'Shift+R', 'Shift+R', <RotateLeftIcon fontSize="small" />, () =>
        photoView.rotate(-1),
      )}
      {tool('Rotate right', 'R', 'R', <RotateRightIcon fontSize="small" />, () =>
        photoView.rotate(1),
      )}
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5, my: 1 }} />
      {fullscreen.active
        ? tool(
            'Exit full screen',
            'Escape',
            'Esc',
            <FullscreenExitIcon fontSize="small" />,
            fullscreen.exit,
          )
        : tool('Full screen', 'F', 'F', <FullscreenIcon fontSize="small" />, fullscreen.toggle)}
    </Stack>
  )
}

/** Elements whose own arrow keys (or typing) must not be taken over by the viewer. */
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], .leaflet-container, ' +
  '[role="dialog"], [role="menu"], [role="listbox"], [role="radiogroup"], [role="tablist"], ' +
  '[role="grid"]'
/** Elements whose arrow keys are their own, though the other viewer keys still work there. */
const OWN_ARROWS = '[data-arrow-keys]'

/**
 * The viewer's keys work from anywhere on the delivery screen (focus starts on the heading), but
 * never while typing, inside a dialog or menu, on the map (which has its own + and −), or in the
 * thumbnail strip (where the arrow keys choose a photo).
 */
function usePhotoKeys(photoView: PhotoView, fullscreen: Fullscreen): void {
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
