// The sync report: how the last run went, the recent runs, the records the service sent that
// Porchlight could not store, and the photos it could not fetch or show. It reads the report
// again whenever a run starts or finishes, so it is never older than the status bar.
import { useEffect, useRef } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import SyncIcon from '@mui/icons-material/Sync'
import { useTranslation } from 'react-i18next'
import { useSyncReport } from './useSyncReport.ts'
import type { SyncState } from './useSyncStatus.ts'
import { LastRunSummary } from './LastRunSummary.tsx'
import { RecentRuns } from './RecentRuns.tsx'
import { PhotoProblems, Rejections } from './SyncProblems.tsx'

export function SyncReportScreen({ sync }: { sync: SyncState }) {
  const { t } = useTranslation('sync')
  const { status, requesting, syncNow } = sync
  const running = status?.running ?? false
  const busy = running || requesting || status === null
  const { report, error, loading, retry } = useSyncReport()
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Arriving here (from the navigation or the status bar) puts the reader at the top.
  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  return (
    <Box
      component="main"
      aria-labelledby="sync-report-heading"
      aria-busy={loading}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 3,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Typography
            variant="h1"
            id="sync-report-heading"
            ref={headingRef}
            tabIndex={-1}
            sx={{ outline: 'none' }}
          >
            {t('report.title')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            {t('report.intro')}
          </Typography>
        </Box>
        {loading && report && (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', gap: 1, color: 'text.secondary', typography: 'body2' }}
          >
            <CircularProgress size={14} aria-hidden="true" />
            {t('report.updating')}
          </Stack>
        )}
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus mid-sync. */}
        <Button
          variant="contained"
          startIcon={
            busy ? <CircularProgress size={16} color="inherit" aria-hidden="true" /> : <SyncIcon />
          }
          onClick={busy ? undefined : syncNow}
          aria-disabled={busy}
          sx={busy ? { cursor: 'default' } : undefined}
        >
          {running || requesting ? t('statusBar.syncing') : t('statusBar.syncNow')}
        </Button>
      </Stack>

      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              {t('report.retry')}
            </Button>
          }
        >
          {t('report.readFailed', { reason: error })}
        </Alert>
      )}

      {report ? (
        <>
          <LastRunSummary report={report} status={status} />
          <RecentRuns runs={report.runs} />
          <Rejections rejections={report.rejections} />
          <PhotoProblems problems={report.photoProblems} />
        </>
      ) : (
        !error && <ReportSkeleton />
      )}
    </Box>
  )
}

function ReportSkeleton() {
  const { t } = useTranslation('sync')
  return (
    <Stack role="status" aria-label={t('report.loading')} sx={{ gap: 3 }}>
      <Skeleton variant="rounded" height={150} />
      <Skeleton variant="rounded" height={180} />
      <Skeleton variant="rounded" height={90} />
    </Stack>
  )
}
