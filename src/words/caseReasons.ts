// The reasons a case can be opened for, with a line each to help choose, in the Cases screen's
// words so a case reads the same everywhere.
import { REASON_HINTS, REASON_LABELS, REASON_ORDER } from './caseWords.ts'
import type { CaseReason } from './caseWords.ts'

export const CASE_REASON_CHOICES: ReadonlyArray<{
  value: CaseReason
  label: string
  hint: string
}> = REASON_ORDER.map((value) => ({
  value,
  label: REASON_LABELS[value],
  hint: REASON_HINTS[value],
}))
