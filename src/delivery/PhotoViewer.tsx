// One photo on a dark stage: fitted to the panel, then zoomed (wheel, + and −), panned (drag,
// arrow keys), rotated (R, Shift+R) and shown full screen (F) with CSS transforms only. The small
// thumbnail is asked for first and shown blurred until the full photo arrives, because only the
// full photo counts as a photo view in the audit and it is the slower of the two. Loading a photo
// records nothing: the full photo is asked for only once its view is recorded (useRecordedView).
import { useEffect, useId, useState } from 'react'
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import { useTranslation } from 'react-i18next'
import type { DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { photoUrl } from '../api/client.ts'
import type { Fullscreen } from './useFullscreen.ts'
import { usePhotoStage, pointInStage } from './usePhotoStage.ts'
import { usePhotoView } from './usePhotoView.ts'
import { isZoomed, transformOf } from './viewTransform.ts'
import { ViewerToolbar } from './PhotoViewerToolbar.tsx'
import { usePhotoKeys } from './usePhotoKeys.ts'
import { useRecordedView } from './useRecordedView.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

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
  const { t } = useTranslation('delivery')
  const photoView = usePhotoView(
    photo.width && photo.height ? { w: photo.width, h: photo.height } : null,
  )
  const { view, base, setNatural, zoomBy } = photoView
  const hintId = useId()

  const thumbnailSrc = photo.hasThumbnail ? photoUrl(photo.id, { variant: 'thumbnail' }) : null
  const [thumbnailSettled, setThumbnailSettled] = useState(thumbnailSrc === null)
  const [fullLoaded, setFullLoaded] = useState(false)

  useEffect(() => {
    if (thumbnailSettled) return
    const timer = window.setTimeout(() => setThumbnailSettled(true), THUMBNAIL_HEAD_START_MS)
    return () => window.clearTimeout(timer)
  }, [thumbnailSettled])

  usePhotoKeys(photoView, fullscreen)

  const zoomed = isZoomed(view)
  const { stageRef, dragFrom, dragHandlers } = usePhotoStage(photoView)

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
  const fullRequested = thumbnailSettled
  const viewRecorded = useRecordedView(photo.id, caseId, fullRequested, onUnreadable)

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
        aria-label={t('viewer.label')}
        aria-describedby={hintId}
        tabIndex={0}
        {...dragHandlers}
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
            {t('viewer.loadingFull')}
          </Stack>
        )}
        <Box component="span" id={hintId} sx={visuallyHidden}>
          {t('viewer.keys')}
        </Box>
      </Box>
    </>
  )
}
