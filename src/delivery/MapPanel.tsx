// The map beside the photo: where the parcel should have gone, where the driver says it went and
// where the photos were taken, with the distances and, when it trips, the location flag.
import { lazy, Suspense } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import { Trans, useTranslation } from 'react-i18next'
import { formatAccuracy } from '../../electron/core/api/display-format.ts'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { formatMetres } from './distance.ts'
import { locationFlagSentence } from './locationFlag.ts'
import type { LocationFlag } from './locationFlag.ts'
import { MAP_COLOURS } from './mapColours.ts'
import {
  LegendItem,
  MissingNote,
  PinSymbol,
  DotSymbol,
  RingSymbol,
  DashSymbol,
} from './MapLegend.tsx'

const DeliveryMap = lazy(() => import('./DeliveryMap.tsx'))

type Props = {
  delivery: DeliveryDetail
  photos: DeliveryPhoto[]
  selectedPhotoIndex: number
  onSelectPhoto: (index: number) => void
  /** Set when the delivery is flagged "delivered away from the address". */
  flag: LocationFlag | null
  height: number | string
}

export function MapPanel(props: Props) {
  const { delivery, photos, selectedPhotoIndex, onSelectPhoto, flag, height } = props
  const { t } = useTranslation('delivery')
  const { address, dropOff } = delivery
  const addressPoint = address.location
  const dropOffPoint = dropOff.location
  const photosWithLocation = photos.filter((p) => p.location).length
  const hasAnyPoint = addressPoint || dropOffPoint || photosWithLocation > 0
  const distance = delivery.locationCheck.dropOffDistanceM
  const dropOffAway = flag?.fix.kind === 'drop-off'

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="map-heading"
      sx={{ display: 'flex', flexDirection: 'column', height, overflow: 'hidden' }}
    >
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          gap: 1,
          px: 2,
          py: 0.5,
          minHeight: 48,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography variant="h2" id="map-heading">
          {t('map.heading')}
        </Typography>
        {distance !== null && (
          <Typography variant="body2" sx={{ color: 'text.secondary', minWidth: 0 }}>
            <Trans
              t={t}
              i18nKey="map.dropOffDistance"
              values={{ distance: formatMetres(distance) }}
              components={{
                0: (
                  <Box
                    component="strong"
                    sx={{ color: dropOffAway ? 'error.main' : 'text.primary', fontWeight: 500 }}
                  />
                ),
              }}
            />
          </Typography>
        )}
      </Stack>

      {flag && (
        <Alert
          severity="warning"
          variant="filled"
          sx={{
            borderRadius: 0,
            py: 0,
            px: 2,
            typography: 'body2',
            '& .MuiAlert-icon': { py: 0.75, mr: 1 },
            '& .MuiAlert-message': { py: 0.75 },
          }}
        >
          {locationFlagSentence(flag)}
        </Alert>
      )}

      <Box sx={{ flex: 1, minHeight: 0, position: 'relative' }}>
        {hasAnyPoint ? (
          <Suspense fallback={<Skeleton variant="rectangular" height="100%" aria-hidden />}>
            <DeliveryMap
              address={address}
              dropOff={dropOff}
              photos={photos}
              locationCheck={delivery.locationCheck}
              selectedPhotoIndex={selectedPhotoIndex}
              onSelectPhoto={onSelectPhoto}
            />
          </Suspense>
        ) : (
          <Stack
            sx={{
              height: '100%',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 1,
              p: 3,
              color: 'text.secondary',
              textAlign: 'center',
            }}
          >
            <LocationOffOutlinedIcon sx={{ fontSize: 40 }} />
            <Typography>{t('map.noLocation')}</Typography>
          </Stack>
        )}
      </Box>

      <Box
        sx={{
          px: 2,
          py: 1,
          borderTop: 1,
          borderColor: 'divider',
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 2,
          rowGap: 0.5,
          typography: 'body2',
          color: 'text.secondary',
        }}
      >
        {addressPoint ? (
          <LegendItem
            symbol={<PinSymbol colour={MAP_COLOURS.address} letter={t('map.addressLetter')} />}
          >
            {t('legend.address')}
          </LegendItem>
        ) : (
          <MissingNote>{t('legend.addressMissing')}</MissingNote>
        )}
        {dropOffPoint ? (
          <LegendItem
            symbol={<PinSymbol colour={MAP_COLOURS.dropOff} letter={t('map.dropOffLetter')} />}
          >
            {dropOffPoint.accuracyM !== undefined
              ? t('legend.dropOffAccuracy', { accuracy: formatAccuracy(dropOffPoint.accuracyM) })
              : t('legend.dropOff')}
          </LegendItem>
        ) : (
          <MissingNote>{t('legend.dropOffMissing')}</MissingNote>
        )}
        {photosWithLocation > 0 && (
          <LegendItem symbol={<DotSymbol colour={MAP_COLOURS.photo} />}>
            {photosWithLocation === 1 ? t('legend.photoTaken') : t('legend.photosTaken')}
          </LegendItem>
        )}
        {(dropOffPoint?.accuracyM !== undefined || photosWithLocation > 0) && (
          <LegendItem symbol={<RingSymbol />}>{t('legend.gpsAccuracy')}</LegendItem>
        )}
        {addressPoint && (dropOffPoint || photosWithLocation > 0) && (
          <LegendItem symbol={<DashSymbol />}>{t('legend.straightLine')}</LegendItem>
        )}
      </Box>
    </Paper>
  )
}
