// The strip along the bottom: is Porchlight online, how fresh is the local copy, what is the sync
// doing now, and a way to sync at once. Every state is said in words, never by colour alone.
import { useState } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined'
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined'
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined'
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import SyncIcon from '@mui/icons-material/Sync'
import { serviceWaitWords } from '../../electron/core/api/service-wait-schemas.ts'
import { routeHref } from '../navigation/route.ts'
import { plural } from '../format/numbers.ts'
import { formatDateTimeLong, formatRelative, useNow } from '../format/time.ts'
import { OthersWaiting } from './OthersWaiting.tsx'
import type { SyncState } from './useSyncStatus.ts'
import {
  countdown,
  syncProgressText,
  transitionAnnouncement,
  lastSyncDetail,
  lastRunProblems,
  lastRunProblemsDetail,
} from './syncWords.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

const Separator = () => <Divider orientation="vertical" flexItem sx={{ my: 0.75 }} />

const itemSx = {
  display: 'flex',
  alignItems: 'center',
  gap: 0.75,
  minWidth: 0,
  whiteSpace: 'nowrap',
} as const

/**
 * The service asked us to send nothing until an instant: said with the time and a countdown. It
 * gives way (truncates) before the items around it; the tooltip has the whole of it.
 */
function ServiceWaitItem({ until }: { until: string }) {
  const now = useNow(1_000)
  const words = serviceWaitWords(until)
  return (
    <Tooltip
      describeChild
      title={`${words} (${formatDateTimeLong(until)}). Porchlight sends it nothing before then: syncing and sending your changes carry on after that, and nothing is lost.`}
    >
      <Box
        tabIndex={0}
        // It takes the squeeze before its neighbours do; the countdown is never cut.
        sx={{ ...itemSx, color: 'warning.main', flexShrink: 100, overflow: 'hidden' }}
      >
        <HourglassEmptyIcon fontSize="small" aria-hidden />
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {words}
        </Box>{' '}
        <Box component="span" sx={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
          ({countdown(Date.parse(until) - now)} left)
        </Box>
      </Box>
    </Tooltip>
  )
}

export function StatusBar({ sync }: { sync: SyncState }) {
  const { status, problem, requesting, syncNow } = sync
  const now = useNow(15_000)

  const [previous, setPrevious] = useState(status)
  const [announcement, setAnnouncement] = useState('')
  if (previous !== status) {
    setPrevious(status)
    const words = transitionAnnouncement(previous, status)
    if (words) setAnnouncement(words)
  }

  const running = status?.running ?? false
  // The core words the last run's problems as its lastError too; the link below says it better.
  const runProblems = problem ? 0 : lastRunProblems(status)
  const waitUntil = problem ? null : (status?.serviceAsksWaitUntil ?? null)
  // While the service asks us to wait, that is the news; a run it ended says the same.
  const error = problem ?? (runProblems > 0 || waitUntil ? null : (status?.lastError ?? null))

  return (
    <Box
      component="footer"
      aria-label="Sync status"
      sx={{
        gridArea: 'status',
        display: 'flex',
        alignItems: 'stretch',
        gap: 1.5,
        px: 2,
        minHeight: 36,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        typography: 'body2',
        color: 'text.secondary',
        overflow: 'hidden',
      }}
    >
      <Box sx={itemSx}>
        {status === null && problem ? (
          <>
            <HelpOutlineIcon fontSize="small" />
            <span>Status unknown</span>
          </>
        ) : status === null ? (
          <>
            <CircularProgress size={14} aria-hidden="true" />
            <span>Checking connection…</span>
          </>
        ) : status.online ? (
          <>
            <CloudDoneOutlinedIcon fontSize="small" sx={{ color: 'success.main' }} aria-hidden />
            <Typography component="span" variant="body2" sx={{ color: 'text.primary' }}>
              Online
            </Typography>
            {status.pendingChanges > 0 && (
              <Box component="span" sx={{ ...itemSx, ml: 1, color: 'warning.main' }}>
                <CloudUploadOutlinedIcon fontSize="small" aria-hidden />
                {plural(status.pendingChanges, 'change', 'changes')} waiting to be sent
              </Box>
            )}
          </>
        ) : (
          <>
            <CloudOffOutlinedIcon fontSize="small" sx={{ color: 'warning.main' }} aria-hidden />
            <Tooltip
              describeChild
              title="The delivery service cannot be reached. Search and deliveries work from the local copy; your changes are kept and sent when it is back."
            >
              <Typography
                component="span"
                variant="body2"
                tabIndex={0}
                sx={{ color: 'text.primary', fontWeight: 500 }}
              >
                {status.pendingChanges > 0
                  ? `Offline — ${plural(status.pendingChanges, 'change', 'changes')} waiting`
                  : 'Offline'}
              </Typography>
            </Tooltip>
          </>
        )}
      </Box>

      {status && <OthersWaiting others={status.waitingForOthers} />}

      {status && (
        <>
          <Separator />
          <Box sx={itemSx}>
            {status.lastSuccessAt ? (
              <Tooltip describeChild title={lastSyncDetail(status, status.lastSuccessAt)}>
                <span tabIndex={0}>Last synced {formatRelative(status.lastSuccessAt, now)}</span>
              </Tooltip>
            ) : (
              <span>Never synced</span>
            )}
          </Box>
        </>
      )}

      {status && running && (
        <>
          <Separator />
          <Box sx={{ ...itemSx, color: 'text.primary' }}>
            <CircularProgress size={14} aria-hidden="true" />
            <span>{syncProgressText(status)}</span>
          </Box>
        </>
      )}

      {status && (
        <>
          <Separator />
          <Box sx={itemSx}>
            <span>
              {plural(status.cached.deliveries, 'delivery', 'deliveries')},{' '}
              {plural(status.cached.photos, 'photo', 'photos')} cached
            </span>
          </Box>
        </>
      )}

      {waitUntil && (
        <>
          <Separator />
          <ServiceWaitItem until={waitUntil} />
        </>
      )}

      {error && (
        <>
          <Separator />
          <Tooltip
            describeChild
            title={
              status?.lastAttemptAt && !problem
                ? `${error} (last attempt ${formatDateTimeLong(status.lastAttemptAt)})`
                : error
            }
          >
            <Box
              tabIndex={0}
              sx={{ ...itemSx, color: 'error.main', flexShrink: 1, overflow: 'hidden' }}
            >
              <ErrorOutlineIcon fontSize="small" aria-hidden />
              <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {error}
              </Box>
            </Box>
          </Tooltip>
        </>
      )}

      {runProblems > 0 && status?.lastRun && (
        <>
          <Separator />
          <Tooltip describeChild title={lastRunProblemsDetail(status.lastRun)}>
            <Link
              href={routeHref({ screen: 'sync-report' })}
              underline="hover"
              sx={{ ...itemSx, color: 'warning.main', fontWeight: 500, alignSelf: 'center' }}
            >
              <ReportProblemOutlinedIcon fontSize="small" aria-hidden />
              {plural(runProblems, 'problem', 'problems')} — open the sync report
            </Link>
          </Tooltip>
        </>
      )}

      <Box sx={{ ml: 'auto', display: 'flex', alignItems: 'center', flexShrink: 0 }}>
        <Button
          size="small"
          startIcon={<SyncIcon />}
          onClick={syncNow}
          disabled={running || requesting || status === null}
          loading={requesting}
          loadingPosition="start"
        >
          {running ? 'Syncing…' : 'Sync now'}
        </Button>
      </Box>

      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {announcement}
      </Box>
    </Box>
  )
}
