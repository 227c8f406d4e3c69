// The sync report, read when the screen opens and again whenever a run starts or finishes (see
// src/api/refreshOnSync.ts). While a new copy loads the old one stays on screen, so the tables do
// not flash empty.
import { useQuery } from '@tanstack/react-query'
import type { SyncReport } from '../../electron/core/api/definition.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'

export type SyncReportState = {
  report: SyncReport | null
  /** Why the report could not be read; the last good copy (if any) is still in `report`. */
  error: string | null
  loading: boolean
  retry: () => void
}

export function useSyncReport(): SyncReportState {
  const read = useQuery(queries.syncReport())
  return {
    report: read.data ?? null,
    error: read.error ? userMessage(read.error) : null,
    loading: read.isFetching,
    retry: () => void read.refetch(),
  }
}
