// Said in the photo's place when there is none to show: withheld, none taken, not downloaded yet,
// or unavailable (with why, and a way to try again).
import type { ReactNode } from 'react'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'

export function PhotoMessage(props: {
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
