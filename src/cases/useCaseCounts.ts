// The case counts behind the navigation badge: read every few seconds (other agents' work arrives
// through sync) and at once when a case changes here.
import type { CallResult } from '../../electron/core/api/definition.ts'
import { api } from '../api/client.ts'
import { usePolled } from './usePolled.ts'

export type CaseCounts = CallResult<'getCaseCounts'>

const readCounts = () => api.getCaseCounts()

export function useCaseCounts(): CaseCounts | null {
  return usePolled(readCounts, 'counts').data
}
