import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'

/** The delivery screen's shape while it loads, so nothing jumps when the data arrives. */
export function DeliveryScreenSkeleton() {
  return (
    <Box
      component="main"
      aria-busy="true"
      aria-label="Loading delivery"
      sx={{
        gridArea: 'main',
        overflow: 'hidden',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Skeleton variant="rounded" width={140} height={32} />
        <Skeleton variant="text" width={260} sx={{ fontSize: '1.5rem' }} />
        <Skeleton variant="rounded" width={90} height={24} />
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        }}
      >
        <Skeleton variant="rounded" height="clamp(320px, 47vh, 560px)" />
        <Skeleton variant="rounded" height="clamp(320px, 47vh, 560px)" />
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
      <Box
        role="status"
        sx={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
        }}
      >
        Loading delivery…
      </Box>
    </Box>
  )
}
