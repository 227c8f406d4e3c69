// Exports of the report as it is filtered: CSV, XLSX or PDF, written in the background by the
// main process. The panel shows the progress, can cancel, and offers the finished file: a
// download in browser mode, "Show in folder" in the desktop app (which asked where to save it).
// Below, the last exports from this console, as the export log has them.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import DownloadIcon from '@mui/icons-material/Download'
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined'
import { Trans, useTranslation } from 'react-i18next'
import {
  EXPORT_FORMATS,
  type ExportJob,
  type ReportFilterInput,
} from '../../electron/core/api/report-schemas.ts'
import { api } from '../api/client.ts'
import { formatCount } from '../format/numbers.ts'
import { formatDateTime } from '../format/time.ts'
import { useExportJob } from './useExportJob.ts'

/** What a running export is doing, in the screen's words, from how far it has come. */
function stepKey(job: ExportJob): 'counting' | 'writing' | 'finishing' {
  if (job.total === null) return 'counting'
  return job.done < job.total ? 'writing' : 'finishing'
}

export function ExportPanel({ filters }: { filters: ReportFilterInput }) {
  const { t } = useTranslation(['reports', 'common'])
  const { job, log, starting, error, clearError, start, cancel } = useExportJob(filters)
  const running = job?.state === 'running'

  const percent = job && job.total ? Math.round((job.done / Math.max(job.total, 1)) * 100) : null

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="export-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography variant="h2" id="export-heading">
        {t('export.heading')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('export.intro')}
      </Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            variant={format === 'pdf' ? 'contained' : 'outlined'}
            onClick={running || starting ? undefined : () => start(format)}
            aria-disabled={running || starting}
            title={t(`export.hint.${format}`)}
          >
            {t(`export.button.${format}`)}
          </Button>
        ))}
      </Stack>

      {error && (
        <Alert severity="error" onClose={clearError}>
          {error}
        </Alert>
      )}

      {job && (
        <Box
          role="status"
          aria-live="polite"
          sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
        >
          {job.state === 'running' && (
            <>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
                <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }}>
                  {t('export.running', {
                    format: t(`export.format.${job.format}`),
                    step: t(`export.step.${stepKey(job)}`, {
                      done: formatCount(job.done),
                      total: formatCount(job.total ?? 0),
                    }),
                  })}
                </Typography>
                <Button size="small" color="inherit" onClick={cancel}>
                  {t('export.cancel')}
                </Button>
              </Stack>
              <LinearProgress
                aria-label={t('export.progress')}
                variant={percent === null ? 'indeterminate' : 'determinate'}
                value={percent ?? undefined}
              />
            </>
          )}
          {job.state === 'done' && (
            <Alert
              severity="success"
              action={
                job.downloadable ? (
                  <Button
                    color="inherit"
                    size="small"
                    component="a"
                    href={`/exports/${job.id}`}
                    download={job.fileName ?? undefined}
                    startIcon={<DownloadIcon />}
                  >
                    {t('export.download')}
                  </Button>
                ) : job.revealable ? (
                  <Button
                    color="inherit"
                    size="small"
                    startIcon={<FolderOpenOutlinedIcon />}
                    onClick={() => void api.revealReportExport({ jobId: job.id })}
                  >
                    {t('export.reveal')}
                  </Button>
                ) : undefined
              }
            >
              <Trans
                t={t}
                i18nKey="export.exported"
                count={job.done}
                values={{ count: job.done, fileName: job.fileName ?? '' }}
                components={{ 0: <span translate="no" style={{ overflowWrap: 'anywhere' }} /> }}
              />
            </Alert>
          )}
          {job.state === 'cancelled' && <Alert severity="info">{t('export.cancelled')}</Alert>}
          {job.state === 'failed' && <Alert severity="error">{t('export.failed')}</Alert>}
        </Box>
      )}

      <Typography variant="h3" id="export-log-heading" sx={{ mt: 1 }}>
        {t('export.recent')}
      </Typography>
      {log === null ? (
        <LinearProgress aria-label={t('export.loadingRecent')} />
      ) : log.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('export.noRecent')}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby="export-log-heading">
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('export.column.when')}</TableCell>
              <TableCell scope="col">{t('export.column.who')}</TableCell>
              <TableCell scope="col">{t('export.column.format')}</TableCell>
              <TableCell scope="col" sx={{ textAlign: 'right' }}>
                {t('export.column.cases')}
              </TableCell>
              <TableCell scope="col">{t('export.column.outcome')}</TableCell>
              <TableCell scope="col">{t('export.column.file')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.slice(0, 8).map((r) => (
              <TableRow key={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</TableCell>
                <TableCell>
                  <bdi translate="no" dir="auto">
                    {r.userName}
                  </bdi>
                </TableCell>
                <TableCell>{t(`export.format.${r.format}`)}</TableCell>
                <TableCell sx={{ textAlign: 'right' }}>{formatCount(r.rows)}</TableCell>
                <TableCell>{t(`export.outcome.${r.outcome}`)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {r.fileName ? <span translate="no">{r.fileName}</span> : t('common:time.none')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  )
}
