// The report's data: the choices offered (cities, drivers, …) and the figures for the filters,
// read again when the filters change, after a short pause so that typing a date does not read once
// per keystroke. The figures on screen stay until the new ones arrive.
import { useEffect, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type {
  ReportFigures,
  ReportFilterInput,
  ReportOptions,
} from '../../electron/core/api/report-schemas.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'

const PAUSE_MS = 250

export type ReportState = {
  options: ReportOptions | null
  figures: ReportFigures | null
  /** True from a change of filters until its figures (or its failure) arrive. */
  loading: boolean
  error: string | null
  retry: () => void
}

export function useReport(filters: ReportFilterInput): ReportState {
  const key = JSON.stringify(filters)
  const settled = useSettledValue(key, PAUSE_MS)
  const options = useQuery(queries.reportOptions())
  const figures = useQuery({
    ...queries.reportFigures(JSON.parse(settled) as ReportFilterInput),
    placeholderData: keepPreviousData,
  })
  const failed = figures.error ?? options.error
  return {
    options: options.data ?? null,
    figures: figures.data ?? null,
    loading: settled !== key || figures.isFetching,
    error: failed ? userMessage(failed) : null,
    retry: () => {
      void figures.refetch()
      if (options.error) void options.refetch()
    },
  }
}

/** `value`, once it has stayed the same for `pauseMs`. */
function useSettledValue(value: string, pauseMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), pauseMs)
    return () => window.clearTimeout(timer)
  }, [value, pauseMs])
  return settled
}
