// How a resolved case was resolved: the code, who and when, and the note.
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'

export function ResolutionCard({ detail, meId }: { detail: CaseDetail; meId: string }) {
  const resolution = detail.resolution
  if (!resolution) return null
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="resolution-heading"
      sx={{ p: 2, borderColor: 'success.main', display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="h2" id="resolution-heading">
        Resolution: {RESOLUTION_LABELS[resolution.code]}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        By {resolution.resolvedBy === meId ? 'you' : resolution.resolvedBy},{' '}
        <time dateTime={resolution.resolvedAt} title={formatDateTimeLong(resolution.resolvedAt)}>
          {formatDateTime(resolution.resolvedAt)}
        </time>
      </Typography>
      {resolution.note && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {resolution.note}
        </Typography>
      )}
    </Paper>
  )
}
