// The driver's photos, or plainly why there are none. A withheld delivery never gets an <img>, a
// thumbnail or a photo URL: not even a request may leave for it. The strip shows thumbnails only;
// a photo without one gets a numbered tile rather than its full image, because showing the full
// photo records that the agent looked at it.
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
import GpsFixedIcon from '@mui/icons-material/GpsFixed'
import GpsOffIcon from '@mui/icons-material/GpsOff'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import PhotoOutlinedIcon from '@mui/icons-material/PhotoOutlined'
import ScheduleIcon from '@mui/icons-material/Schedule'
import StraightenIcon from '@mui/icons-material/Straighten'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { photoUrl } from '../api/client.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { formatMetres } from './distance.ts'
import { withheldReasonText } from './labels.ts'
import { PhotoViewer } from './PhotoViewer.tsx'
import { useFullscreen } from './useFullscreen.ts'

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
  return `Delivery photo ${index + 1} of ${count}, taken ${formatDateTime(photo.takenAt)}`
}

export function PhotoPanel(props: Props) {
  const { delivery, photos, selectedIndex, onSelect, height, caseId } = props
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
        {count > 1 ? 'Photos' : 'Photo'}
      </Typography>
      {count > 1 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {selectedIndex + 1} of {count}
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
      <PhotoMessage icon={<LockOutlinedIcon />} title="Photo withheld">
        {withheldReasonText(withheld)} Porchlight does not download, show or export photos of this
        delivery.
      </PhotoMessage>
    )
  } else if (!photo) {
    message = (
      <PhotoMessage icon={<NoPhotographyOutlinedIcon />} title="No photo">
        The driver did not take a photo of this delivery.
      </PhotoMessage>
    )
  } else if (photo.state === 'pending') {
    message = (
      <PhotoMessage icon={<CloudDownloadOutlinedIcon />} title="Not downloaded yet">
        The photo has not been downloaded yet; it will appear after the next sync.
      </PhotoMessage>
    )
  } else if (photo.state === 'failed') {
    message = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title="Photo unavailable" tone="error">
        This photo could not be displayed: {photo.failureReason ?? 'the reason was not recorded'}
      </PhotoMessage>
    )
  } else if (photo.displayError) {
    message = (
      <PhotoMessage icon={<BrokenImageOutlinedIcon />} title="Photo unavailable" tone="error">
        This photo could not be displayed: {photo.displayError}
      </PhotoMessage>
    )
  } else if (unreadable.has(photo.id)) {
    message = (
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
        {unreadable.get(photo.id) ??
          'This photo could not be displayed. The file may be damaged or Porchlight may have stopped serving it.'}
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
          aria-label="Choose a photo"
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

/** When and where the photo was taken, and how far that is from the address. */
function PhotoFacts({ delivery, photo }: { delivery: DeliveryDetail; photo: DeliveryPhoto }) {
  const check = delivery.locationCheck
  const distanceM = check.photoDistancesM.find((p) => p.photoId === photo.id)?.distanceM ?? null
  const location = photo.location
  const beyond = distanceM !== null && distanceM - (location?.accuracyM ?? 0) > check.thresholdM
  const relation = delivery.deliveredAt ? takenRelation(photo.takenAt, delivery.deliveredAt) : null
  return (
    <Box
      aria-label="About this photo"
      role="group"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: 2.5,
        rowGap: 0.5,
        px: 2,
        py: 0.75,
        borderTop: 1,
        borderColor: 'divider',
        typography: 'body2',
        color: 'text.secondary',
        '& svg': { fontSize: 16 },
      }}
    >
      <FactItem icon={<ScheduleIcon aria-hidden />}>
        <span title={formatDateTimeLong(photo.takenAt)}>
          Taken{' '}
          <Box component="span" sx={{ color: 'text.primary' }}>
            {formatDateTime(photo.takenAt)}
          </Box>
        </span>
        {relation && <span>, {relation}</span>}
      </FactItem>
      {location ? (
        <FactItem icon={<GpsFixedIcon aria-hidden />}>
          <span>
            GPS{' '}
            <Box
              component="span"
              sx={{ color: 'text.primary', fontFamily: 'ui-monospace, "Roboto Mono", monospace' }}
            >
              {location.lat.toFixed(5)}, {location.lng.toFixed(5)}
            </Box>
            {location.accuracyM !== undefined && ` ±${formatMetres(location.accuracyM)}`}
          </span>
        </FactItem>
      ) : (
        <FactItem icon={<GpsOffIcon aria-hidden />}>
          No location was recorded with this photo
        </FactItem>
      )}
      {distanceM !== null && (
        <FactItem icon={<StraightenIcon aria-hidden />}>
          <span>
            <Box
              component="strong"
              sx={{ color: beyond ? 'warning.main' : 'text.primary', fontWeight: 500 }}
            >
              {formatMetres(distanceM)}
            </Box>{' '}
            from the address
          </span>
        </FactItem>
      )}
    </Box>
  )
}

function FactItem({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      {icon}
      <span>{children}</span>
    </Box>
  )
}

/** "2 min before it was marked delivered": a photo long before or after is worth a question. */
function takenRelation(takenAt: string, deliveredAt: string): string | null {
  const seconds = (Date.parse(deliveredAt) - Date.parse(takenAt)) / 1000
  if (!Number.isFinite(seconds)) return null
  const magnitude = Math.abs(seconds)
  if (magnitude < 60) return 'as it was marked delivered'
  const minutes = Math.round(magnitude / 60)
  const span = minutes < 90 ? `${minutes} min` : `${Math.round((magnitude / 3600) * 10) / 10} hours`
  return `${span} ${seconds > 0 ? 'before' : 'after'} it was marked delivered`
}

function Thumbnail(props: {
  photo: DeliveryPhoto
  index: number
  count: number
  selected: boolean
  onSelect: () => void
}) {
  const { photo, index, count, selected, onSelect } = props
  const [failed, setFailed] = useState(false)
  const showImage = photo.state === 'stored' && !photo.displayError && photo.hasThumbnail && !failed
  const problem = photo.state === 'failed' || photo.displayError !== null
  return (
    <ButtonBase
      data-thumbnail
      onClick={onSelect}
      aria-label={`Show photo ${index + 1} of ${count}`}
      aria-pressed={selected}
      tabIndex={selected ? 0 : -1}
      sx={{
        position: 'relative',
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
          src={photoUrl(photo.id, { variant: 'thumbnail' })}
          alt=""
          onError={() => setFailed(true)}
          sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      ) : photo.state === 'pending' ? (
        <CloudDownloadOutlinedIcon fontSize="small" aria-hidden />
      ) : problem ? (
        <BrokenImageOutlinedIcon fontSize="small" aria-hidden />
      ) : (
        <PhotoOutlinedIcon fontSize="small" aria-hidden />
      )}
      <Box
        component="span"
        aria-hidden
        sx={{
          position: 'absolute',
          left: 3,
          top: 3,
          minWidth: 16,
          height: 16,
          px: 0.5,
          borderRadius: 8,
          bgcolor: 'rgba(0, 0, 0, 0.65)',
          color: '#fff',
          fontSize: 11,
          fontWeight: 700,
          lineHeight: '16px',
        }}
      >
        {index + 1}
      </Box>
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
        minHeight: '100%',
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
