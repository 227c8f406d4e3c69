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
import type { ExportFormat, ReportFilterInput } from '../../electron/core/api/report-schemas.ts'
import { api } from '../api/client.ts'
import { formatCount } from '../format/numbers.ts'
import { formatDateTime } from '../format/time.ts'
import { useExportJob } from './useExportJob.ts'

const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'csv', label: 'Export CSV', hint: 'One row per case, for any spreadsheet.' },
  { format: 'xlsx', label: 'Export XLSX', hint: 'Excel workbook: summary and cases.' },
  { format: 'pdf', label: 'Export PDF', hint: 'Case report with photos and maps.' },
]

export function ExportPanel({ filters }: { filters: ReportFilterInput }) {
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
        Export
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        The cases opened in the period, with the filters above. Photos of deliveries whose photos
        are withheld never appear in an export; the PDF says why instead. Every export is recorded.
      </Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {FORMATS.map((f) => (
          <Button
            key={f.format}
            variant={f.format === 'pdf' ? 'contained' : 'outlined'}
            onClick={running || starting ? undefined : () => start(f.format)}
            aria-disabled={running || starting}
            title={f.hint}
          >
            {f.label}
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
                <Typography variant="body2" sx={{ flex: 1 }}>
                  {job.format.toUpperCase()}: {job.step}…
                </Typography>
                <Button size="small" color="inherit" onClick={cancel}>
                  Cancel export
                </Button>
              </Stack>
              <LinearProgress
                aria-label="Export progress"
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
                    Download
                  </Button>
                ) : job.revealable ? (
                  <Button
                    color="inherit"
                    size="small"
                    startIcon={<FolderOpenOutlinedIcon />}
                    onClick={() => void api.revealReportExport({ jobId: job.id })}
                  >
                    Show in folder
                  </Button>
                ) : undefined
              }
            >
              Exported {formatCount(job.done)} case{job.done === 1 ? '' : 's'} to {job.fileName}.
            </Alert>
          )}
          {job.state === 'cancelled' && (
            <Alert severity="info">The export was cancelled; no file was left behind.</Alert>
          )}
          {job.state === 'failed' && <Alert severity="error">{job.error}</Alert>}
        </Box>
      )}

      <Typography variant="h3" id="export-log-heading" sx={{ mt: 1 }}>
        Recent exports
      </Typography>
      {log === null ? (
        <LinearProgress aria-label="Loading the recent exports" />
      ) : log.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No export yet from this computer.
        </Typography>
      ) : (
        <Table size="small" aria-labelledby="export-log-heading">
          <TableHead>
            <TableRow>
              <TableCell scope="col">When</TableCell>
              <TableCell scope="col">Who</TableCell>
              <TableCell scope="col">Format</TableCell>
              <TableCell scope="col" sx={{ textAlign: 'right' }}>
                Cases
              </TableCell>
              <TableCell scope="col">Outcome</TableCell>
              <TableCell scope="col">File</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.slice(0, 8).map((r) => (
              <TableRow key={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</TableCell>
                <TableCell>{r.userName}</TableCell>
                <TableCell>{r.format.toUpperCase()}</TableCell>
                <TableCell sx={{ textAlign: 'right' }}>{formatCount(r.rows)}</TableCell>
                <TableCell>
                  {r.outcome === 'done'
                    ? 'Exported'
                    : r.outcome === 'cancelled'
                      ? 'Cancelled'
                      : 'Failed'}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.fileName ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  )
}
