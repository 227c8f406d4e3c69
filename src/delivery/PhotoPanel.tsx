// The driver's photos, or plainly why there are none. A withheld delivery never gets an <img>, a
// thumbnail or a photo URL: not even a request may leave for it. The strip shows thumbnails only;
// a photo without one gets a numbered tile rather than its full image, because showing the full
// photo records that the agent looked at it.
import { useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined'
import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import { useTranslation } from 'react-i18next'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { t as say } from '../../electron/core/messages/messages.ts'
import { formatDateTime } from '../format/time.ts'
import { withheldReasonText } from './labels.ts'
import { PhotoViewer } from './PhotoViewer.tsx'
import { useFullscreen } from './useFullscreen.ts'
import { PhotoFacts } from './PhotoFacts.tsx'
import { Thumbnail } from './PhotoThumbnail.tsx'
import { PhotoMessage } from './PhotoMessage.tsx'

type Props = {
  delivery: DeliveryDetail
  photos: DeliveryPhoto[]
  selectedIndex: number
  onSelect: (index: number) => void
  height: number | string
  /** The case being worked; the Case screen passes it so photo views are recorded against it. */
  caseId?: string | null
}

export function photoAlt(photo: DeliveryPhoto, index: number, count: number): string {
  return say('delivery:photo.alt', {
    number: index + 1,
    count,
    when: formatDateTime(photo.takenAt),
  })
}

export function PhotoPanel(props: Props) {
  const { delivery, photos, selectedIndex, onSelect, height, caseId } = props
  const { t } = useTranslation(['delivery', 'common'])
  /** Photos that cannot be shown, with the reason when it is not the file itself. */
  const [unreadable, setUnreadable] = useState<ReadonlyMap<string, string | null>>(() => new Map())
  const [attempts, setAttempts] = useState<Readonly<Record<string, number>>>({})
  const [panel, setPanel] = useState<HTMLElement | null>(null)
  const fullscreen = useFullscreen(panel)
  const markUnreadable = (id: string, reason?: string) =>
    setUnreadable((ids) => new Map(ids).set(id, reason ?? null))
  const retry = (id: string) => {
    setUnreadable((ids) => {
      const next = new Map(ids)
      next.delete(id)
      return next
    })
    setAttempts((a) => ({ ...a, [id]: (a[id] ?? 0) + 1 }))
  }

  const withheld = delivery.photoWithheld
  const count = photos.length
  const photo = withheld ? undefined : photos[selectedIndex]

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // A zoomed photo takes the arrow keys for panning (and marks them handled).
    if (count < 2 || event.defaultPrevented) return
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault()
      const next = (selectedIndex + (event.key === 'ArrowRight' ? 1 : count - 1)) % count
      onSelect(next)
      const strip = event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-thumbnail]')
      strip[next]?.focus()
    }
  }

  const title = (
    <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, minWidth: 0 }}>
      <Typography variant="h2" id="photo-heading">
        {count > 1 ? t('photo.headingMany') : t('photo.headingOne')}
      </Typography>
      {count > 1 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {t('photo.position', { number: selectedIndex + 1, count })}
        </Typography>
      )}
    </Stack>
  )

  const showsImage =
    photo !== undefined &&
    photo.state === 'stored' &&
    !photo.displayError &&
    !unreadable.has(photo.id)

  let message: ReactNode = null
  if (withheld) {
    message = (
      <PhotoMessage icon={<LockOutlinedIcon />} title={t('photo.withheld')}>
        {t('photo.withheldBody', { reason: withheldReasonText(withheld) })}
      </PhotoMessage>
    )
  } else if (!photo) {
    message = (
      <PhotoMessage icon={<NoPhotographyOutlinedIcon />} title={t('photo.none')}>
        {t('photo.noneBody')}
      </PhotoMessage>
    )
  } else if (photo.state === 'pending') {
    message = (
      <PhotoMessage icon={<CloudDownloadOutlinedIcon />} title={t('photo.pending')}>
        {t('photo.pendingBody')}
      </PhotoMessage>
    )
  } else if (photo.state === 'failed') {
    message = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title={t('photo.unavailable')} tone="error">
        {t('photo.failedBody', { reason: photo.failureReason ?? t('photo.reasonUnknown') })}
      </PhotoMessage>
    )
  } else if (photo.displayError) {
    // The core's words already say the photo could not be displayed, and why.
    message = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title={t('photo.unavailable')} tone="error">
        {photo.displayError}
      </PhotoMessage>
    )
  } else if (unreadable.has(photo.id)) {
    message = (
      <PhotoMessage
        icon={<BrokenImageOutlinedIcon />}
        title={t('photo.unavailable')}
        tone="error"
        action={
          <Button variant="outlined" size="small" onClick={() => retry(photo.id)}>
            {t('common:action.retry')}
          </Button>
        }
      >
        {unreadable.get(photo.id) ?? t('photo.unreadable')}
      </PhotoMessage>
    )
  }

  return (
    <Paper
      ref={setPanel}
      component="section"
      variant="outlined"
      aria-labelledby="photo-heading"
      onKeyDown={onKeyDown}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        height,
        overflow: 'hidden',
        '&:fullscreen': { height: '100vh', width: '100vw', borderRadius: 0, border: 0 },
      }}
    >
      {showsImage ? (
        <PhotoViewer
          key={`${photo.id}:${caseId ?? ''}:${attempts[photo.id] ?? 0}`}
          photo={photo}
          alt={photoAlt(photo, selectedIndex, count)}
          caseId={caseId}
          title={title}
          fullscreen={fullscreen}
          onUnreadable={(reason) => markUnreadable(photo.id, reason)}
        />
      ) : (
        <>
          <Stack
            direction="row"
            sx={{
              alignItems: 'center',
              px: 2,
              py: 0.5,
              minHeight: 48,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            {title}
          </Stack>
          <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>{message}</Box>
        </>
      )}

      {photo && <PhotoFacts delivery={delivery} photo={photo} />}

      {!withheld && count > 1 && (
        <Stack
          direction="row"
          role="group"
          aria-label={t('photo.choose')}
          data-arrow-keys
          sx={{ gap: 1, p: 1, borderTop: 1, borderColor: 'divider', overflowX: 'auto' }}
        >
          {photos.map((item, index) => (
            <Thumbnail
              key={item.id}
              photo={item}
              index={index}
              count={count}
              selected={index === selectedIndex}
              onSelect={() => onSelect(index)}
            />
          ))}
        </Stack>
      )}
    </Paper>
  )
}
