// Under the photo: when it was taken (and how long before or after the delivery was marked), where
// (GPS and its accuracy), and how far that is from the address.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import GpsFixedIcon from '@mui/icons-material/GpsFixed'
import GpsOffIcon from '@mui/icons-material/GpsOff'
import ScheduleIcon from '@mui/icons-material/Schedule'
import StraightenIcon from '@mui/icons-material/Straighten'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { formatMetres } from './distance.ts'
import { DeliveryTime } from '../ui/Times.tsx'

/** When and where the photo was taken, and how far that is from the address. */
export function PhotoFacts({
  delivery,
  photo,
}: {
  delivery: DeliveryDetail
  photo: DeliveryPhoto
}) {
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
        <span>
          Taken{' '}
          <Box component="span" sx={{ color: 'text.primary' }}>
            <DeliveryTime iso={photo.takenAt} timeZone={delivery.timeZone} />
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

export function FactItem({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      {icon}
      <span>{children}</span>
    </Box>
  )
}

/** "2 min before it was marked delivered": a photo long before or after is worth a question. */
export function takenRelation(takenAt: string, deliveredAt: string): string | null {
  const seconds = (Date.parse(deliveredAt) - Date.parse(takenAt)) / 1000
  if (!Number.isFinite(seconds)) return null
  const magnitude = Math.abs(seconds)
  if (magnitude < 60) return 'as it was marked delivered'
  const minutes = Math.round(magnitude / 60)
  const span = minutes < 90 ? `${minutes} min` : `${Math.round((magnitude / 3600) * 10) / 10} hours`
  return `${span} ${seconds > 0 ? 'before' : 'after'} it was marked delivered`
}
