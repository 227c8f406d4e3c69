// The delivery screen's frame, and what it shows when there is no delivery to show.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'

export function ScreenFrame({
  children,
  labelledBy,
}: {
  children: ReactNode
  labelledBy?: string
}) {
  return (
    <Box
      component="main"
      aria-labelledby={labelledBy}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {children}
    </Box>
  )
}

export function ProblemState(props: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack
      sx={{
        alignItems: 'center',
        textAlign: 'center',
        gap: 1.5,
        py: 8,
        color: 'text.secondary',
        '& > svg': { fontSize: 48 },
      }}
    >
      {props.icon}
      <Typography variant="h1" sx={{ color: 'text.primary' }}>
        {props.title}
      </Typography>
      <Box sx={{ maxWidth: 520 }}>{props.children}</Box>
    </Stack>
  )
}
