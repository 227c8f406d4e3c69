// An export of the report: started here, written in the background by the main process, its
// progress read twice a second while it runs, cancellable; and the log of the last exports, read
// again when one ends.
import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ExportFormat,
  ExportJob,
  ExportRecord,
  ReportFilterInput,
} from '../../electron/core/api/report-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'

const PROGRESS_POLL_MS = 500

export type ExportJobState = {
  job: ExportJob | null
  /** The recent exports; null while they are first read, empty if they cannot be. */
  log: ExportRecord[] | null
  starting: boolean
  error: string | null
  clearError: () => void
  start: (format: ExportFormat) => void
  cancel: () => void
}

export function useExportJob(filters: ReportFilterInput): ExportJobState {
  const client = useQueryClient()
  const [jobId, setJobId] = useState<string | null>(null)
  const log = useQuery(queries.reportExports())
  const job = useQuery({
    ...queries.reportExport(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? PROGRESS_POLL_MS : false),
  })
  const showJob = (next: ExportJob | null) => {
    if (!next) return
    client.setQueryData(queries.reportExport(next.id).queryKey, next)
  }
  const start = useMutation({
    mutationFn: (format: ExportFormat) => api.startReportExport({ format, filters }),
    onSuccess: (started) => {
      showJob(started)
      setJobId(started?.id ?? null)
    },
  })
  const cancel = useMutation({
    mutationFn: (id: string) => api.cancelReportExport({ jobId: id }),
    onSuccess: (next) => {
      showJob(next)
      void client.invalidateQueries({ queryKey: queries.reportExports().queryKey })
    },
  })
  const current = job.data ?? null

  const failed = start.error ?? cancel.error ?? job.error
  return {
    job: current,
    log: log.data ?? (log.error ? [] : null),
    starting: start.isPending,
    error: failed ? userMessage(failed) : null,
    clearError: () => {
      start.reset()
      cancel.reset()
    },
    start: (format) => {
      cancel.reset()
      start.mutate(format)
    },
    cancel: () => {
      if (current) cancel.mutate(current.id)
    },
  }
}
