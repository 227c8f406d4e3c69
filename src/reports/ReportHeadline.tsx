// The report's headline figures: opened, resolved, open now, time to resolve (median and 90th
// percentile) and the share delivered away from the address.
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import { useTranslation } from 'react-i18next'
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { formatCount } from '../format/numbers.ts'
import { formatDistance, formatHours, formatShare } from '../../electron/core/api/display-format.ts'

export function Headline({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation('reports')
  const hours = (h: number | null) => formatHours(h)
  return (
    <Box
      component="dl"
      aria-label={t('figures.label')}
      sx={{
        m: 0,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
      }}
    >
      <Figure term={t('figures.opened')} value={formatCount(figures.opened)} />
      <Figure term={t('figures.resolved')} value={formatCount(figures.resolved)} />
      <Figure
        term={t('figures.openNow')}
        value={formatCount(figures.openNow)}
        note={t('figures.openNowNote')}
      />
      <Figure term={t('figures.median')} value={hours(figures.timeToResolveHours.median)} />
      <Figure
        term={t('figures.p90')}
        value={hours(figures.timeToResolveHours.p90)}
        note={t('figures.p90Note')}
      />
      <Figure
        term={t('figures.away')}
        value={formatShare(figures.awayFromAddress.share)}
        note={t('figures.awayNote', {
          count: figures.awayFromAddress.count,
          threshold: formatDistance(figures.locationThresholdM),
        })}
      />
    </Box>
  )
}

export function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <Paper
      variant="outlined"
      sx={{
        px: 1.75,
        py: 1.25,
        display: 'flex',
        flexDirection: 'column-reverse',
        justifyContent: 'flex-end',
      }}
    >
      <Box component="dt" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {term}
        {note && (
          <Box component="span" sx={{ display: 'block', fontSize: '0.75rem' }}>
            {note}
          </Box>
        )}
      </Box>
      <Box
        component="dd"
        sx={{ m: 0, fontSize: '1.6rem', fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Box>
    </Paper>
  )
}
