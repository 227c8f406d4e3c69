// A key to press, shown beside a button's label; `inverse` for a filled (contained) button.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'

export function Kbd({ children, inverse = false }: { children: ReactNode; inverse?: boolean }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{
        ml: 0.75,
        ...(inverse && {
          bgcolor: 'transparent !important',
          color: 'inherit !important',
          borderColor: 'currentColor !important',
          opacity: 0.85,
        }),
      }}
    >
      {children}
    </Box>
  )
}
