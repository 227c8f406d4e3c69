// The pieces every part of the sync report is made of: a titled section with its count, a quiet
// note for an empty list, the note that a list was cut short, muted text.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format/numbers.ts'

/** The core sends at most this many rejections and photo problems. */
export const REPORT_LIMIT = 500

export function Section(props: {
  id: string
  title: string
  count?: number
  description?: ReactNode
  children: ReactNode
}) {
  return (
    <Box component="section" aria-labelledby={props.id}>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', gap: 1, mb: props.description ? 0.25 : 1 }}
      >
        <Typography variant="h2" id={props.id}>
          {props.title}
        </Typography>
        {props.count !== undefined && props.count > 0 && (
          <Chip
            size="small"
            label={formatCount(props.count)}
            aria-hidden="true"
            sx={{ height: 20, fontWeight: 500 }}
          />
        )}
      </Stack>
      {props.description && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.25, maxWidth: 900 }}>
          {props.description}
        </Typography>
      )}
      {props.children}
    </Box>
  )
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

export function EmptyNote({ children, ok = false }: { children: ReactNode; ok?: boolean }) {
  return (
    <Paper
      variant="outlined"
      sx={{
        px: 2,
        py: 1.5,
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        typography: 'body2',
        color: 'text.secondary',
      }}
    >
      {ok && (
        <CheckCircleOutlinedIcon fontSize="small" sx={{ color: 'success.main' }} aria-hidden />
      )}
      {children}
    </Paper>
  )
}

export function LimitNote() {
  const { t } = useTranslation('sync')
  return (
    <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.75 }}>
      {t('report.showingFirst', { count: REPORT_LIMIT })}
    </Typography>
  )
}
