// The recent sync runs, one row each: when, how long, the outcome and what each received or
// turned away.
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format/numbers.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { RunOutcomeChip } from './RunOutcomeChip.tsx'
import { serviceWaitWords } from '../../electron/core/api/service-wait-schemas.ts'
import { formatDuration } from './syncWords.ts'
import type { SyncRun } from './syncWords.ts'
import { Section, Muted, EmptyNote } from './ReportSection.tsx'

export const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

export function RecentRuns({ runs }: { runs: SyncRun[] }) {
  const { t } = useTranslation(['sync', 'common'])
  return (
    <Section id="recent-runs-heading" title={t('runs.title')}>
      {runs.length === 0 ? (
        <EmptyNote>{t('runs.none')}</EmptyNote>
      ) : (
        // Scrolls sideways where the window is narrow: reachable by keyboard, then.
        <TableContainer
          component={Paper}
          variant="outlined"
          tabIndex={0}
          role="group"
          aria-labelledby="recent-runs-heading"
        >
          <Table size="small" aria-labelledby="recent-runs-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('runs.started')}</TableCell>
                <TableCell scope="col">{t('runs.finished')}</TableCell>
                <TableCell scope="col">{t('runs.outcome')}</TableCell>
                <TableCell scope="col" sx={numberCell}>
                  {t('runs.deliveries')}
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  {t('runs.cases')}
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  {t('runs.rejected')}
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  {t('runs.photos')}
                </TableCell>
                <TableCell scope="col" sx={numberCell}>
                  {t('runs.photoProblems')}
                </TableCell>
                {/* Never squeezed to a sliver: a long error would make each row a tall column. */}
                <TableCell scope="col" sx={{ width: '30%', minWidth: 200 }}>
                  {t('runs.error')}
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

export function RunRow({ run }: { run: SyncRun }) {
  const { t } = useTranslation(['sync', 'common'])
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
          <Muted>{t('runs.inProgress')}</Muted>
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
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        {run.error !== null
          ? run.error
          : !run.serviceWait && <Muted>{t('common:time.none')}</Muted>}
        {run.serviceWait && !run.error && (
          <Muted>{t('announce.wait', { wait: serviceWaitWords(run.serviceWait.until) })}</Muted>
        )}
      </TableCell>
    </TableRow>
  )
}
