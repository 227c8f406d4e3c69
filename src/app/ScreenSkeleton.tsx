// What a screen shows while its code loads (each screen is its own chunk, loaded when first
// opened): the shape of a page, announced as busy, in the frame's main region.
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'

export function ScreenSkeleton({ label }: { label: string }) {
  return (
    <Box
      component="main"
      aria-busy="true"
      aria-label={label}
      sx={{
        gridArea: 'main',
        overflow: 'hidden',
        p: 3,
        display: 'grid',
        gap: 2,
        alignContent: 'start',
      }}
    >
      <Skeleton variant="text" width={320} height={44} />
      <Skeleton variant="rounded" height={52} />
      {[0, 1, 2, 3, 4, 5].map((row) => (
        <Skeleton key={row} variant="rounded" height={40} />
      ))}
    </Box>
  )
}
