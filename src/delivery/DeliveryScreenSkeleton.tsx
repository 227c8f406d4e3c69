import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import { useTranslation } from 'react-i18next'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

/**
 * The photo and map are the evidence, so they get most of the first screenful. Defined here, where
 * the eagerly loaded skeleton can use it without pulling in the lazily loaded screen.
 */
export const PANEL_HEIGHT = 'clamp(340px, 56vh, 660px)'

/** The delivery screen's shape while it loads, so nothing jumps when the data arrives. */
export function DeliveryScreenSkeleton() {
  const { t } = useTranslation('delivery')
  return (
    <Box
      component="main"
      aria-busy="true"
      aria-label={t('screen.loading')}
      sx={{
        gridArea: 'main',
        overflow: 'hidden',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      <Box>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
          <Skeleton variant="rounded" width={140} height={32} />
          <Skeleton variant="text" width={260} sx={{ fontSize: '1.5rem' }} />
          <Skeleton variant="rounded" width={90} height={24} />
          <Box sx={{ flex: 1 }} />
          <Skeleton variant="rounded" width={130} height={36} />
        </Stack>
        <Skeleton variant="text" width={340} sx={{ mt: 0.75 }} />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        }}
      >
        <Skeleton variant="rounded" height={PANEL_HEIGHT} />
        <Skeleton variant="rounded" height={PANEL_HEIGHT} />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'minmax(0, 4fr) minmax(0, 4fr) minmax(0, 3fr)',
        }}
      >
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} variant="rounded" height={160} />
        ))}
      </Box>
      <Box role="status" sx={visuallyHidden}>
        {t('screen.loadingStatus')}
      </Box>
    </Box>
  )
}
