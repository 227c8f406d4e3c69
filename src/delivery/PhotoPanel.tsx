// The driver's photos, or plainly why there are none. A withheld delivery never gets an <img>, a
// thumbnail or a photo URL: not even a request may leave for it.
import { useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import ButtonBase from '@mui/material/ButtonBase'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined'
import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { photoUrl } from '../api/client.ts'
import { formatDateTime } from '../format/time.ts'
import { withheldReasonText } from './labels.ts'

type Props = {
  delivery: DeliveryDetail
  photos: DeliveryPhoto[]
  selectedIndex: number
  onSelect: (index: number) => void
  height: number | string
}

export function photoAlt(photo: DeliveryPhoto, index: number, count: number): string {
  return `Delivery photo ${index + 1} of ${count}, taken ${formatDateTime(photo.takenAt)}`
}

export function PhotoPanel({ delivery, photos, selectedIndex, onSelect, height }: Props) {
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(() => new Set())
  const markUnreadable = (id: string) => setUnreadable((ids) => new Set(ids).add(id))
  const retry = (id: string) =>
    setUnreadable((ids) => {
      const next = new Set(ids)
      next.delete(id)
      return next
    })

  const withheld = delivery.photoWithheld
  const count = photos.length
  const photo = withheld ? undefined : photos[selectedIndex]

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count < 2) return
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault()
      const next = (selectedIndex + (event.key === 'ArrowRight' ? 1 : count - 1)) % count
      onSelect(next)
      const strip = event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-thumbnail]')
      strip[next]?.focus()
    }
  }

  const showsImage =
    photo !== undefined &&
    photo.state === 'stored' &&
    !photo.displayError &&
    !unreadable.has(photo.id)

  let viewer: ReactNode
  if (withheld) {
    viewer = (
      <PhotoMessage icon={<LockOutlinedIcon />} title="Photo withheld">
        {withheldReasonText(withheld)} Porchlight does not download, show or export photos of this
        delivery.
      </PhotoMessage>
    )
  } else if (!photo) {
    viewer = (
      <PhotoMessage icon={<NoPhotographyOutlinedIcon />} title="No photo">
        The driver did not take a photo of this delivery.
      </PhotoMessage>
    )
  } else if (photo.state === 'pending') {
    viewer = (
      <PhotoMessage icon={<CloudDownloadOutlinedIcon />} title="Not downloaded yet">
        The photo has not been downloaded yet; it will appear after the next sync.
      </PhotoMessage>
    )
  } else if (photo.state === 'failed') {
    viewer = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title="Photo unavailable" tone="error">
        This photo could not be displayed: {photo.failureReason ?? 'the reason was not recorded'}
      </PhotoMessage>
    )
  } else if (photo.displayError) {
    viewer = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title="Photo unavailable" tone="error">
        {photo.displayError}
      </PhotoMessage>
    )
  } else if (unreadable.has(photo.id)) {
    viewer = (
      <PhotoMessage
        icon={<BrokenImageOutlinedIcon />}
        title="Photo unavailable"
        tone="error"
        action={
          <Button variant="outlined" size="small" onClick={() => retry(photo.id)}>
            Try again
          </Button>
        }
      >
        This photo could not be displayed.
      </PhotoMessage>
    )
  } else {
    viewer = (
      <Box
        component="img"
        key={photo.id}
        src={photoUrl(photo.id)}
        alt={photoAlt(photo, selectedIndex, count)}
        onError={() => markUnreadable(photo.id)}
        sx={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
      />
    )
  }

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="photo-heading"
      onKeyDown={onKeyDown}
      sx={{ display: 'flex', flexDirection: 'column', height, overflow: 'hidden' }}
    >
      <Stack
        direction="row"
        sx={{
          alignItems: 'baseline',
          gap: 1,
          px: 2,
          py: 1.25,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography variant="h2" id="photo-heading">
          {count > 1 && !withheld ? 'Photos' : 'Photo'}
        </Typography>
        {photo && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {count > 1 ? `${selectedIndex + 1} of ${count} · ` : ''}taken{' '}
            {formatDateTime(photo.takenAt)}
            {photo.location?.accuracyM !== undefined &&
              ` · located to ±${Math.round(photo.location.accuracyM)} m`}
          </Typography>
        )}
      </Stack>

      <Box
        sx={{
          flex: 1,
          minHeight: 0,
          position: 'relative',
          // Photos read best on near-black, like any image viewer; messages sit on the panel.
          bgcolor: showsImage ? '#0b0e11' : 'transparent',
        }}
      >
        {viewer}
      </Box>

      {!withheld && count > 1 && (
        <Stack
          direction="row"
          role="group"
          aria-label="Choose a photo"
          sx={{ gap: 1, p: 1, borderTop: 1, borderColor: 'divider', overflowX: 'auto' }}
        >
          {photos.map((item, index) => (
            <Thumbnail
              key={item.id}
              photo={item}
              index={index}
              count={count}
              selected={index === selectedIndex}
              unreadable={unreadable.has(item.id)}
              onUnreadable={() => markUnreadable(item.id)}
              onSelect={() => onSelect(index)}
            />
          ))}
        </Stack>
      )}
    </Paper>
  )
}

function Thumbnail(props: {
  photo: DeliveryPhoto
  index: number
  count: number
  selected: boolean
  unreadable: boolean
  onUnreadable: () => void
  onSelect: () => void
}) {
  const { photo, index, count, selected, unreadable, onUnreadable, onSelect } = props
  const showImage = photo.state === 'stored' && !photo.displayError && !unreadable
  return (
    <ButtonBase
      data-thumbnail
      onClick={onSelect}
      aria-label={`Show photo ${index + 1} of ${count}`}
      aria-pressed={selected}
      tabIndex={selected ? 0 : -1}
      sx={{
        width: 72,
        height: 54,
        flexShrink: 0,
        borderRadius: 1,
        overflow: 'hidden',
        border: 2,
        borderColor: selected ? 'primary.main' : 'divider',
        bgcolor: 'action.hover',
        color: 'text.secondary',
        '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      {showImage ? (
        <Box
          component="img"
          src={photoUrl(photo.id)}
          alt=""
          loading="lazy"
          onError={onUnreadable}
          sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      ) : photo.state === 'pending' ? (
        <CloudDownloadOutlinedIcon fontSize="small" aria-hidden />
      ) : (
        <BrokenImageOutlinedIcon fontSize="small" aria-hidden />
      )}
    </ButtonBase>
  )
}

function PhotoMessage(props: {
  icon: ReactNode
  title: string
  tone?: 'error'
  action?: ReactNode
  children: ReactNode
}) {
  return (
    <Stack
      sx={{
        height: '100%',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        gap: 1,
        p: 4,
        color: 'text.secondary',
        '& > svg': {
          fontSize: 48,
          color: props.tone === 'error' ? 'error.main' : 'text.secondary',
        },
      }}
    >
      {props.icon}
      <Typography variant="h3" component="p" sx={{ color: 'text.primary' }}>
        {props.title}
      </Typography>
      <Typography variant="body1" sx={{ maxWidth: 420 }}>
        {props.children}
      </Typography>
      {props.action}
    </Stack>
  )
}
