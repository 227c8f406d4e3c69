// The map's legend symbols, drawn as the map draws them: the address and drop-off pins, a photo's
// dot, an accuracy ring, a distance line; and the note for what could not be placed.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined'

export function LegendItem({ symbol, children }: { symbol: ReactNode; children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      {symbol}
      {children}
    </Box>
  )
}

export function MissingNote({ children }: { children: ReactNode }) {
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

export function PinSymbol({ colour, letter }: { colour: string; letter: string }) {
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

export function DotSymbol({ colour }: { colour: string }) {
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

export function RingSymbol() {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        width: 14,
        height: 14,
        borderRadius: '50%',
        border: '1px solid',
        borderColor: 'text.secondary',
        bgcolor: 'action.hover',
      }}
    />
  )
}

export function DashSymbol() {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{ width: 20, height: 0, borderTop: '2px dashed', borderColor: 'text.secondary' }}
    />
  )
}
