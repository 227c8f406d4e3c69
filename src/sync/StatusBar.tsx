// The strip along the bottom: is Porchlight online, how fresh is the local copy, what is the sync
// doing now, and a way to sync at once. Every state is said in words, never by colour alone.
import { useState } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
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
import { useTranslation } from 'react-i18next'
import { serviceWaitWords } from '../../electron/core/api/service-wait-schemas.ts'
import { routeHref } from '../navigation/route.ts'
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
import { Clipped, StatusItem, statusBarContainerSx } from './StatusItem.tsx'

/**
 * The service asked us to send nothing until an instant: said with the time and a countdown. It
 * gives way (truncates) before the items around it; the tooltip has the whole of it.
 */
function ServiceWaitItem({ until }: { until: string }) {
  const { t } = useTranslation('sync')
  const now = useNow(1_000)
  const words = serviceWaitWords(until)
  return (
    <Tooltip
      describeChild
      title={t('statusBar.waitHint', { wait: words, at: formatDateTimeLong(until) })}
    >
      {/* It takes the squeeze before its neighbours do; the countdown is never cut. */}
      <StatusItem separated tabIndex={0} giveWay={100} sx={{ color: 'warning.main' }}>
        <HourglassEmptyIcon fontSize="small" aria-hidden />
        <Clipped>{words}</Clipped>{' '}
        <Box component="span" sx={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
          {t('statusBar.waitLeft', { time: countdown(Date.parse(until) - now) })}
        </Box>
      </StatusItem>
    </Tooltip>
  )
}

/** Online or offline, and this person's changes still to send: never squeezed out. */
function ConnectionItem({ status, problem }: Pick<SyncState, 'status' | 'problem'>) {
  const { t } = useTranslation('sync')
  if (status === null)
    return (
      <StatusItem giveWay={0}>
        {problem ? (
          <HelpOutlineIcon fontSize="small" />
        ) : (
          <CircularProgress size={14} aria-hidden="true" />
        )}
        <span>{problem ? t('statusBar.unknown') : t('statusBar.checking')}</span>
      </StatusItem>
    )
  if (status.online)
    return (
      <StatusItem giveWay={0}>
        <CloudDoneOutlinedIcon fontSize="small" sx={{ color: 'success.main' }} aria-hidden />
        <Typography component="span" variant="body2" sx={{ color: 'text.primary' }}>
          {t('statusBar.online')}
        </Typography>
        {status.pendingChanges > 0 && (
          <Box
            component="span"
            sx={{ display: 'flex', alignItems: 'center', gap: 0.75, ml: 1, color: 'warning.main' }}
          >
            <CloudUploadOutlinedIcon fontSize="small" aria-hidden />
            {t('statusBar.waiting', { count: status.pendingChanges })}
          </Box>
        )}
      </StatusItem>
    )
  return (
    <Tooltip describeChild title={t('statusBar.offlineHint')}>
      <StatusItem giveWay={0} tabIndex={0}>
        <CloudOffOutlinedIcon fontSize="small" sx={{ color: 'warning.main' }} aria-hidden />
        <Typography
          component="span"
          variant="body2"
          sx={{ color: 'text.primary', fontWeight: 500 }}
        >
          {status.pendingChanges > 0
            ? t('statusBar.offlineWaiting', { count: status.pendingChanges })
            : t('statusBar.offline')}
        </Typography>
      </StatusItem>
    </Tooltip>
  )
}

/**
 * The bar's items, by priority when room is short: the connection and "Sync now" stay whole;
 * then a problem, the sync's progress, others' waiting work and the last sync clip their words
 * (the tooltips hold the whole); the cache's counts leave first (Settings has them too).
 */
export function StatusBar({ sync }: { sync: SyncState }) {
  const { t } = useTranslation('sync')
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
  const fromStatus = runProblems > 0 || waitUntil ? null : (status?.lastError ?? null)
  const shown = problem ?? fromStatus
  const error = shown === null ? null : shown

  return (
    <Box
      component="footer"
      aria-label={t('statusBar.label')}
      sx={{
        ...statusBarContainerSx,
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
      <ConnectionItem status={status} problem={problem} />

      {status && <OthersWaiting others={status.waitingForOthers} />}

      {status &&
        (status.lastSuccessAt ? (
          <Tooltip describeChild title={lastSyncDetail(status, status.lastSuccessAt)}>
            <StatusItem separated giveWay={4} tabIndex={0}>
              <Clipped>
                {t('statusBar.lastSynced', { when: formatRelative(status.lastSuccessAt, now) })}
              </Clipped>
            </StatusItem>
          </Tooltip>
        ) : (
          <StatusItem separated giveWay={4}>
            <Clipped>{t('statusBar.neverSynced')}</Clipped>
          </StatusItem>
        ))}

      {status && running && (
        <StatusItem separated giveWay={2} sx={{ color: 'text.primary' }}>
          <CircularProgress size={14} aria-hidden="true" sx={{ flexShrink: 0 }} />
          <Clipped>{syncProgressText(status)}</Clipped>
        </StatusItem>
      )}

      {status && (
        <StatusItem separated giveWay={8} dropBelow={1000}>
          <Clipped>
            {t('statusBar.cached', {
              deliveries: t('statusBar.deliveries', { count: status.cached.deliveries }),
              photos: t('statusBar.photos', { count: status.cached.photos }),
            })}
          </Clipped>
        </StatusItem>
      )}

      {waitUntil && <ServiceWaitItem until={waitUntil} />}

      {error && (
        <Tooltip
          describeChild
          title={
            status?.lastAttemptAt && !problem
              ? t('statusBar.errorAt', { error, at: formatDateTimeLong(status.lastAttemptAt) })
              : error
          }
        >
          <StatusItem separated giveWay={1} tabIndex={0} sx={{ color: 'error.main' }}>
            <ErrorOutlineIcon fontSize="small" aria-hidden />
            <Clipped>{error}</Clipped>
          </StatusItem>
        </Tooltip>
      )}

      {runProblems > 0 && status?.lastRun && (
        <StatusItem separated giveWay={1}>
          <Tooltip describeChild title={lastRunProblemsDetail(status.lastRun)}>
            <Link
              href={routeHref({ screen: 'sync-report' })}
              underline="hover"
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 0.75,
                minWidth: 0,
                color: 'warning.main',
                fontWeight: 500,
              }}
            >
              <ReportProblemOutlinedIcon fontSize="small" aria-hidden />
              <Clipped>{t('statusBar.problems', { count: runProblems })}</Clipped>
            </Link>
          </Tooltip>
        </StatusItem>
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
          {running ? t('statusBar.syncing') : t('statusBar.syncNow')}
        </Button>
      </Box>

      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {announcement}
      </Box>
    </Box>
  )
}
