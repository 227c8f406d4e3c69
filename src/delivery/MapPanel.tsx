import { lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { distanceMetres, formatMetres } from './distance.ts'
import { MAP_COLOURS } from './mapColours.ts'

const DeliveryMap = lazy(() => import('./DeliveryMap.tsx'))

type Props = {
  delivery: DeliveryDetail
  photos: DeliveryPhoto[]
  selectedPhotoIndex: number
  onSelectPhoto: (index: number) => void
  height: number | string
}

export function MapPanel({ delivery, photos, selectedPhotoIndex, onSelectPhoto, height }: Props) {
  const { address, dropOff } = delivery
  const addressPoint = address.location
  const dropOffPoint = dropOff.location
  const photosWithLocation = photos.filter((p) => p.location).length
  const hasAnyPoint = addressPoint || dropOffPoint || photosWithLocation > 0
  const distance = addressPoint && dropOffPoint ? distanceMetres(addressPoint, dropOffPoint) : null

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
          alignItems: 'baseline',
          gap: 1,
          px: 2,
          py: 1.25,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography variant="h2" id="map-heading">
          Map
        </Typography>
        {distance !== null && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Drop-off marked{' '}
            <Box component="strong" sx={{ color: 'text.primary' }}>
              {formatMetres(distance)}
            </Box>{' '}
            from the address
          </Typography>
        )}
      </Stack>

      <Box sx={{ flex: 1, minHeight: 0, position: 'relative' }}>
        {hasAnyPoint ? (
          <Suspense fallback={<Skeleton variant="rectangular" height="100%" aria-hidden />}>
            <DeliveryMap
              address={address}
              dropOff={dropOff}
              photos={photos}
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
            <Typography>No location was recorded for this delivery.</Typography>
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
          <LegendItem symbol={<PinSymbol colour={MAP_COLOURS.address} letter="A" />}>
            Address
          </LegendItem>
        ) : (
          <MissingNote>The address could not be placed on the map</MissingNote>
        )}
        {dropOffPoint ? (
          <LegendItem symbol={<PinSymbol colour={MAP_COLOURS.dropOff} letter="D" />}>
            Drop-off
            {dropOffPoint.accuracyM !== undefined && ` (±${Math.round(dropOffPoint.accuracyM)} m)`}
          </LegendItem>
        ) : (
          <MissingNote>No drop-off location was recorded</MissingNote>
        )}
        {photosWithLocation > 0 && (
          <LegendItem symbol={<DotSymbol colour={MAP_COLOURS.photo} />}>
            Where {photosWithLocation === 1 ? 'the photo was' : 'photos were'} taken
          </LegendItem>
        )}
      </Box>
    </Paper>
  )
}

function LegendItem({ symbol, children }: { symbol: ReactNode; children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      {symbol}
      {children}
    </Box>
  )
}

function MissingNote({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'warning.main' }}
    >
      <InfoOutlinedIcon fontSize="small" />
      {children}
    </Box>
  )
}

function PinSymbol({ colour, letter }: { colour: string; letter: string }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        width: 18,
        height: 18,
        borderRadius: '50%',
        bgcolor: colour,
        color: '#fff',
        fontSize: 11,
        fontWeight: 700,
        display: 'inline-grid',
        placeItems: 'center',
      }}
    >
      {letter}
    </Box>
  )
}

function DotSymbol({ colour }: { colour: string }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        width: 12,
        height: 12,
        borderRadius: '50%',
        bgcolor: colour,
        border: '2px solid #fff',
        boxShadow: '0 0 0 1px rgba(0,0,0,0.3)',
      }}
    />
  )
}
