// What "Copy link" on a case puts on the clipboard: the order, status and resolution in a line a
// ticket's reader understands, then the porchlight:// link that opens the case in Porchlight.
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { porchlightLink } from '../../electron/core/api/link-schemas.ts'
import { RESOLUTION_LABELS, STATUS_LABELS } from '../words/caseWords.ts'

export function caseLinkText(detail: CaseDetail): string {
  const parts = [`Case on order ${detail.orderId}`, STATUS_LABELS[detail.status]]
  if (detail.resolution) parts.push(`resolution: ${RESOLUTION_LABELS[detail.resolution.code]}`)
  return `${parts.join(' · ')}\n${porchlightLink({ kind: 'case', caseId: detail.id })}`
}
