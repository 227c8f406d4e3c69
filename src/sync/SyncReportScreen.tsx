// The sync report: how the last run went, the recent runs, the records the service sent that
// Porchlight could not store, and the photos it could not fetch or show. It reads the report
// again whenever a run starts or finishes, so it is never older than the status bar.
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import CircularProgress from '@mui/material/CircularProgress'
import LinearProgress from '@mui/material/LinearProgress'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import SyncIcon from '@mui/icons-material/Sync'
import type { SyncReport, SyncStatus } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { formatCount, plural } from '../format/numbers.ts'
import { formatDateTime, formatDateTimeLong, formatRelative, useNow } from '../format/time.ts'
import { RunOutcomeChip } from './RunOutcomeChip.tsx'
import { syncProgressText } from './StatusBar.tsx'
import { formatDuration, reasonInWords, streamLabel } from './syncWords.ts'
import type { SyncRun } from './syncWords.ts'
import { useSyncReport } from './useSyncReport.ts'
import type { SyncState } from './useSyncStatus.ts'

const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'
/** The core sends at most this many rejections and photo problems. */
const REPORT_LIMIT = 500

export function SyncReportScreen({ sync }: { sync: SyncState }) {
  const { status, requesting, syncNow } = sync
  const running = status?.running ?? false
  const busy = running || requesting || status === null
  const { report, error, loading, retry } = useSyncReport(
    `${running}|${status?.lastRun?.finishedAt ?? ''}`,
  )
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
            Sync report
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            What Porchlight fetched from the delivery service, what it had to turn away, and which
            photos are missing from the local copy.
          </Typography>
        </Box>
        {loading && report && (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', gap: 1, color: 'text.secondary', typography: 'body2' }}
          >
            <CircularProgress size={14} aria-hidden="true" />
            Updating…
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
          {running || requesting ? 'Syncing…' : 'Sync now'}
        </Button>
      </Stack>

      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          }
        >
          The sync report could not be read. {error}
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

function Section(props: {
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

function LastRunSummary({ report, status }: { report: SyncReport; status: SyncStatus | null }) {
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
          Last run
        </Typography>
        {run && <RunOutcomeChip outcome={run.outcome} />}
        {run && finishedAt && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Finished{' '}
            <Box
              component="time"
              dateTime={finishedAt}
              title={formatDateTimeLong(finishedAt)}
              sx={{ color: 'text.primary' }}
            >
              {formatRelative(finishedAt, now)}
            </Box>{' '}
            ({formatDateTime(finishedAt)}){duration && `, took ${duration}`}
          </Typography>
        )}
      </Stack>

      {status?.running && (
        <Box>
          <Typography variant="body2" sx={{ mb: 0.75 }}>
            {syncProgressText(status)}
            {run && <Muted> · the figures below are from the last finished run</Muted>}
          </Typography>
          <LinearProgress aria-label="Sync in progress" sx={{ borderRadius: 1 }} />
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
            <Figure term="Deliveries received" value={run.deliveriesReceived} />
            <Figure term="Cases received" value={run.casesReceived} />
            <Figure term="Photos downloaded" value={run.photosDownloaded} />
            <Figure term="Records rejected" value={run.rejected} problem />
            <Figure term="Photo problems" value={run.photosFailed} problem />
          </Box>
          {run.error && (
            <Alert severity="error" variant="outlined">
              {run.error}
            </Alert>
          )}
        </>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Porchlight has not finished a sync yet.
          {!status?.running && ' Press Sync now to fetch the deliveries and their photos.'}
        </Typography>
      )}
    </Paper>
  )
}

/** One figure of the last run; a problem count above zero is marked with an icon and colour. */
function Figure({
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

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

function RecentRuns({ runs }: { runs: SyncRun[] }) {
  return (
    <Section id="recent-runs-heading" title="Recent runs">
      {runs.length === 0 ? (
        <EmptyNote>No sync has run yet.</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="recent-runs-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Started</TableCell>
                <TableCell scope="col">Finished</TableCell>
                <TableCell scope="col">Outcome</TableCell>
                <TableCell scope="col" sx={numberCell}>
                  Deliveries
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  Cases
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  Rejected
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  Photos downloaded
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  Photo problems
                </TableCell>
                <TableCell scope="col" sx={{ width: '30%' }}>
                  Error
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {runs.map((run) => (
                <RunRow key={run.id} run={run} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  )
}

function RunRow({ run }: { run: SyncRun }) {
  const duration = run.finishedAt ? formatDuration(run.startedAt, run.finishedAt) : null
  const problem = (value: number) =>
    value > 0 ? { ...numberCell, color: 'warning.main', fontWeight: 500 } : numberCell
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <time dateTime={run.startedAt} title={formatDateTimeLong(run.startedAt)}>
          {formatDateTime(run.startedAt)}
        </time>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {run.finishedAt ? (
          <>
            <time dateTime={run.finishedAt} title={formatDateTimeLong(run.finishedAt)}>
              {formatDateTime(run.finishedAt)}
            </time>
            {duration && <Muted> · {duration}</Muted>}
          </>
        ) : (
          <Muted>In progress</Muted>
        )}
      </TableCell>
      <TableCell>
        <RunOutcomeChip outcome={run.outcome} />
      </TableCell>
      <TableCell sx={numberCell}>{formatCount(run.deliveriesReceived)}</TableCell>
      <TableCell sx={numberCell}>{formatCount(run.casesReceived)}</TableCell>
      <TableCell sx={problem(run.rejected)}>{formatCount(run.rejected)}</TableCell>
      <TableCell sx={numberCell}>{formatCount(run.photosDownloaded)}</TableCell>
      <TableCell sx={problem(run.photosFailed)}>{formatCount(run.photosFailed)}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{run.error ?? <Muted>—</Muted>}</TableCell>
    </TableRow>
  )
}

function Rejections({ rejections }: { rejections: SyncReport['rejections'] }) {
  return (
    <Section
      id="rejections-heading"
      title="Records rejected in the last run"
      count={rejections.length}
      description={
        rejections.length > 0
          ? 'The delivery service sent these records in a form Porchlight cannot store, so they were skipped and are not in search. Send this list to the delivery service team; the records arrive with the next sync once they are corrected.'
          : undefined
      }
    >
      {rejections.length === 0 ? (
        <EmptyNote ok>The last sync rejected nothing.</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="rejections-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Kind</TableCell>
                <TableCell scope="col">Record ID</TableCell>
                <TableCell scope="col" sx={{ width: '32%' }}>
                  What is wrong
                </TableCell>
                <TableCell scope="col" sx={{ width: '40%' }}>
                  Validator’s reason
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rejections.map((rejection, index) => {
                const { words } = reasonInWords(rejection.reason)
                return (
                  <TableRow key={`${rejection.stream}-${rejection.itemId ?? ''}-${index}`}>
                    <TableCell>{streamLabel(rejection.stream)}</TableCell>
                    <TableCell
                      sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', whiteSpace: 'nowrap' }}
                    >
                      {rejection.itemId ?? <Muted>No ID</Muted>}
                    </TableCell>
                    <TableCell>{words}</TableCell>
                    <TableCell
                      sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
                    >
                      {rejection.reason}
                    </TableCell>
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {rejections.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}

function PhotoProblems({ problems }: { problems: SyncReport['photoProblems'] }) {
  return (
    <Section
      id="photo-problems-heading"
      title="Photos that could not be fetched or shown"
      count={problems.length}
      description={
        problems.length > 0
          ? 'Agents see these deliveries without the photo. Porchlight has stopped trying to fetch them; each one is fetched again when the delivery service sends a corrected photo.'
          : undefined
      }
    >
      {problems.length === 0 ? (
        <EmptyNote ok>Every photo in the local copy was fetched and can be shown.</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="photo-problems-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Order</TableCell>
                <TableCell scope="col">Photo ID</TableCell>
                <TableCell scope="col" sx={{ width: '60%' }}>
                  Reason
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((problem) => (
                <TableRow key={problem.photoId}>
                  <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
                    <Link
                      href={routeHref({ screen: 'delivery', deliveryId: problem.deliveryId })}
                      underline="hover"
                      aria-label={`Open order ${problem.orderId}`}
                    >
                      {problem.orderId}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}>
                    {problem.photoId}
                  </TableCell>
                  <TableCell>{problem.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {problems.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

function EmptyNote({ children, ok = false }: { children: ReactNode; ok?: boolean }) {
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

function LimitNote() {
  return (
    <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.75 }}>
      Showing the first {plural(REPORT_LIMIT, 'entry', 'entries')}.
    </Typography>
  )
}

function ReportSkeleton() {
  return (
    <Stack role="status" aria-label="Loading the sync report" sx={{ gap: 3 }}>
      <Skeleton variant="rounded" height={150} />
      <Skeleton variant="rounded" height={180} />
      <Skeleton variant="rounded" height={90} />
    </Stack>
  )
}
