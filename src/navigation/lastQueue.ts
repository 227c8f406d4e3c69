// The queue as the agent last left it (filters, sort and the case last opened or moved to), so
// "Back to cases" and the navigation return to the same list, at the same row, rather than the
// default one. For this window only.
import { DEFAULT_CASE_FILTERS } from './caseFilters.ts'
import type { CaseFilters } from './caseFilters.ts'

let lastFilters: CaseFilters = DEFAULT_CASE_FILTERS

export function rememberQueue(filters: CaseFilters): void {
  lastFilters = filters
}

export function lastQueueFilters(): CaseFilters {
  return lastFilters
}

let lastCase: string | null = null

export function rememberQueueCase(caseId: string): void {
  lastCase = caseId
}

export function lastQueueCase(): string | null {
  return lastCase
}
