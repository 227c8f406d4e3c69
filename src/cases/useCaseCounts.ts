// The case counts behind the navigation badge: read every few seconds (other agents' work arrives
// through sync) and at once when a case changes here.
import { useQuery } from '@tanstack/react-query'
import type { CallResult } from '../../electron/core/api/definition.ts'
import { CASE_POLL_MS, queries } from '../api/queries.ts'

export type CaseCounts = CallResult<'getCaseCounts'>

export function useCaseCounts(): CaseCounts | null {
  return useQuery({ ...queries.caseCounts(), refetchInterval: CASE_POLL_MS }).data ?? null
}
