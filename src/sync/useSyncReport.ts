// The sync report, read again whenever `refreshKey` changes (a run started or finished). While a
// new copy loads the old one stays on screen, so the tables do not flash empty.
import { useCallback, useEffect, useState } from 'react'
import type { SyncReport } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'

export type SyncReportState = {
  report: SyncReport | null
  /** Why the report could not be read; the last good copy (if any) is still in `report`. */
  error: string | null
  loading: boolean
  retry: () => void
}

export function useSyncReport(refreshKey: string): SyncReportState {
  const [attempt, setAttempt] = useState(0)
  const requestKey = `${refreshKey}#${attempt}`
  // What the last answer was, and for which request: loading is "no answer for this one yet".
  const [settled, setSettled] = useState<{
    key: string
    report: SyncReport | null
    error: string | null
  }>({ key: '', report: null, error: null })

  useEffect(() => {
    let current = true
    api.getSyncReport().then(
      (report) => {
        if (current) setSettled({ key: requestKey, report, error: null })
      },
      (failure: unknown) => {
        if (current) {
          setSettled((s) => ({ key: requestKey, report: s.report, error: userMessage(failure) }))
        }
      },
    )
    return () => {
      current = false
    }
  }, [requestKey])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  return {
    report: settled.report,
    error: settled.error,
    loading: settled.key !== requestKey,
    retry,
  }
}
