// How a resolved case was resolved: the code, who and when, and the note.
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'

export function ResolutionCard({ detail, meId }: { detail: CaseDetail; meId: string }) {
  const { t } = useTranslation('cases')
  const resolution = detail.resolution
  if (!resolution) return null
  const time = (
    <time dateTime={resolution.resolvedAt} title={formatDateTimeLong(resolution.resolvedAt)} />
  )
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="resolution-heading"
      sx={{ p: 2, borderColor: 'success.main', display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="h2" id="resolution-heading">
        {t('resolution.title', { resolution: RESOLUTION_LABELS[resolution.code] })}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {resolution.resolvedBy === meId ? (
          <Trans
            t={t}
            i18nKey="resolution.byYou"
            values={{ time: formatDateTime(resolution.resolvedAt) }}
            components={{ 0: time }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="resolution.by"
            // PersonName writes the name itself.
            values={{ name: '', time: formatDateTime(resolution.resolvedAt) }}
            components={{ 0: <PersonName id={resolution.resolvedBy} />, 1: time }}
          />
        )}
      </Typography>
      {resolution.note && (
        <Typography
          variant="body2"
          translate="no"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {resolution.note}
        </Typography>
      )}
    </Paper>
  )
}
