// The sync report's first panel: how the last finished run went, its figures (problems marked),
// and the progress of a run under way.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { SyncReport, SyncStatus } from '../../electron/core/api/definition.ts'
import { formatCount } from '../format/numbers.ts'
import { formatDateTime, formatDateTimeLong, formatRelative, useNow } from '../format/time.ts'
import { RunOutcomeChip } from './RunOutcomeChip.tsx'
import { syncProgressText } from './syncWords.ts'
import { formatDuration, serviceWaitInWords } from './syncWords.ts'
import { Muted } from './ReportSection.tsx'

export function LastRunSummary({
  report,
  status,
}: {
  report: SyncReport
  status: SyncStatus | null
}) {
  const { t } = useTranslation('sync')
  const now = useNow(15_000)
  const run = report.runs.find((r) => r.finishedAt !== null)
  const finishedAt = run?.finishedAt ?? null
  const duration = run && finishedAt ? formatDuration(run.startedAt, finishedAt) : null

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="last-run-heading"
      sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', columnGap: 1.5, rowGap: 1, flexWrap: 'wrap' }}
      >
        <Typography variant="h2" id="last-run-heading">
          {t('lastRun.title')}
        </Typography>
        {run && <RunOutcomeChip outcome={run.outcome} />}
        {run && finishedAt && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            <Trans
              t={t}
              i18nKey={duration ? 'lastRun.finishedTook' : 'lastRun.finished'}
              values={{
                when: formatRelative(finishedAt, now),
                at: formatDateTime(finishedAt),
                duration,
              }}
              components={{
                0: (
                  <Box
                    component="time"
                    dateTime={finishedAt}
                    title={formatDateTimeLong(finishedAt)}
                    sx={{ color: 'text.primary' }}
                  />
                ),
              }}
            />
          </Typography>
        )}
      </Stack>

      {status?.running && (
        <Box>
          <Typography variant="body2" sx={{ mb: 0.75 }}>
            {syncProgressText(status)}
            {run && <Muted> · {t('lastRun.figuresFromLast')}</Muted>}
          </Typography>
          <LinearProgress aria-label={t('lastRun.inProgress')} sx={{ borderRadius: 1 }} />
        </Box>
      )}

      {run ? (
        <>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
            }}
          >
            <Figure term={t('lastRun.deliveries')} value={run.deliveriesReceived} />
            <Figure term={t('lastRun.cases')} value={run.casesReceived} />
            <Figure term={t('lastRun.photos')} value={run.photosDownloaded} />
            <Figure term={t('lastRun.rejected')} value={run.rejected} problem />
            <Figure term={t('lastRun.photoProblems')} value={run.photosFailed} problem />
          </Box>
          {run.serviceWait && (
            <Alert severity="warning" variant="outlined">
              {serviceWaitInWords(run.serviceWait)}
            </Alert>
          )}
          {run.error && (
            <Alert severity="error" variant="outlined">
              {run.error}
            </Alert>
          )}
        </>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {status?.running ? t('lastRun.notYet') : t('lastRun.notYetPress')}
        </Typography>
      )}
    </Paper>
  )
}

/** One figure of the last run; a problem count above zero is marked with an icon and colour. */
export function Figure({
  term,
  value,
  problem = false,
}: {
  term: string
  value: number
  problem?: boolean
}) {
  const flagged = problem && value > 0
  return (
    <Box
      sx={{
        px: 1.5,
        py: 1.25,
        borderRadius: 1,
        border: 1,
        borderColor: flagged ? 'warning.main' : 'divider',
        bgcolor: 'background.default',
        display: 'flex',
        flexDirection: 'column-reverse',
        justifyContent: 'flex-end',
      }}
    >
      <Box component="dt" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {term}
      </Box>
      <Box
        component="dd"
        sx={{
          m: 0,
          display: 'flex',
          alignItems: 'center',
          gap: 0.75,
          fontSize: '1.5rem',
          fontWeight: 500,
          lineHeight: 1.3,
          fontVariantNumeric: 'tabular-nums',
          color: flagged ? 'warning.main' : 'text.primary',
        }}
      >
        {flagged && <ReportProblemOutlinedIcon fontSize="small" aria-hidden />}
        {formatCount(value)}
      </Box>
    </Box>
  )
}
