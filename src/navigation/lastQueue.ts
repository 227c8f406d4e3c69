// The queue as the agent last left it (filters and sort), so "Back to cases" and the navigation
// return to the same list rather than the default one. For this window only.
import { DEFAULT_CASE_FILTERS } from './caseFilters.ts'
import type { CaseFilters } from './caseFilters.ts'

let lastFilters: CaseFilters = DEFAULT_CASE_FILTERS

export function rememberQueue(filters: CaseFilters): void {
  lastFilters = filters
}

export function lastQueueFilters(): CaseFilters {
  return lastFilters
}
