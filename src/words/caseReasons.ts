// The reasons a case can be opened for, with a line each to help choose, in the Cases screen's
// words so a case reads the same everywhere.
import { REASON_LABELS, REASON_ORDER } from './caseWords.ts'
import type { CaseReason } from './caseWords.ts'

const HINTS: Record<CaseReason, string> = {
  not_received: 'The customer says the parcel never arrived.',
  wrong_location: 'It was left at the wrong address, or somewhere the customer cannot find.',
  damaged: 'It arrived, but damaged.',
  photo_dispute: 'The customer says the photo does not show their door or their parcel.',
  other: 'Something else; say what in the note.',
}

export const CASE_REASON_CHOICES: ReadonlyArray<{
  value: CaseReason
  label: string
  hint: string
}> = REASON_ORDER.map((value) => ({ value, label: REASON_LABELS[value], hint: HINTS[value] }))
