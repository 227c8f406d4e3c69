// Under the photo: when it was taken (and how long before or after the delivery was marked), where
// (GPS and its accuracy), and how far that is from the address.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import GpsFixedIcon from '@mui/icons-material/GpsFixed'
import GpsOffIcon from '@mui/icons-material/GpsOff'
import ScheduleIcon from '@mui/icons-material/Schedule'
import StraightenIcon from '@mui/icons-material/Straighten'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { formatAccuracy } from '../../electron/core/api/display-format.ts'
import { t as say } from '../../electron/core/messages/messages.ts'
import { formatDuration } from '../format/time.ts'
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
  const { t } = useTranslation('delivery')
  const check = delivery.locationCheck
  const distanceM = check.photoDistancesM.find((p) => p.photoId === photo.id)?.distanceM ?? null
  const location = photo.location
  const beyond = distanceM !== null && distanceM - (location?.accuracyM ?? 0) > check.thresholdM
  const relation = delivery.deliveredAt ? takenRelation(photo.takenAt, delivery.deliveredAt) : null
  return (
    <Box
      aria-label={t('photoFacts.label')}
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
        <Trans
          t={t}
          i18nKey={relation ? 'photoFacts.takenRelated' : 'photoFacts.taken'}
          values={{ relation }}
          components={{
            0: (
              <Box component="span" sx={{ color: 'text.primary' }}>
                <DeliveryTime iso={photo.takenAt} timeZone={delivery.timeZone} />
              </Box>
            ),
          }}
        />
      </FactItem>
      {location ? (
        <FactItem icon={<GpsFixedIcon aria-hidden />}>
          <Trans
            t={t}
            i18nKey={location.accuracyM !== undefined ? 'photoFacts.gpsAccuracy' : 'photoFacts.gps'}
            values={{
              // Not `lng`: that would name the language to i18next.
              latitude: location.lat.toFixed(5),
              longitude: location.lng.toFixed(5),
              accuracy:
                location.accuracyM !== undefined ? formatAccuracy(location.accuracyM) : undefined,
            }}
            components={{
              0: (
                <Box
                  component="span"
                  translate="no"
                  sx={{
                    color: 'text.primary',
                    fontFamily: 'ui-monospace, "Roboto Mono", monospace',
                  }}
                />
              ),
            }}
          />
        </FactItem>
      ) : (
        <FactItem icon={<GpsOffIcon aria-hidden />}>{t('photoFacts.noLocation')}</FactItem>
      )}
      {distanceM !== null && (
        <FactItem icon={<StraightenIcon aria-hidden />}>
          <Trans
            t={t}
            i18nKey="photoFacts.fromAddress"
            values={{ distance: formatMetres(distanceM) }}
            components={{
              0: (
                <Box
                  component="strong"
                  sx={{ color: beyond ? 'warning.main' : 'text.primary', fontWeight: 500 }}
                />
              ),
            }}
          />
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
  const ms = Date.parse(deliveredAt) - Date.parse(takenAt)
  if (!Number.isFinite(ms)) return null
  if (Math.abs(ms) < 60_000) return say('delivery:photoFacts.asMarked')
  const duration = formatDuration(ms)
  return ms > 0
    ? say('delivery:photoFacts.before', { duration })
    : say('delivery:photoFacts.after', { duration })
}
