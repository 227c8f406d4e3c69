// What "Copy link" on a case puts on the clipboard: the order, status and resolution in a line a
// ticket's reader understands, then the porchlight:// link that opens the case in Porchlight.
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { porchlightLink } from '../../electron/core/api/link-schemas.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { RESOLUTION_LABELS, STATUS_LABELS } from '../words/caseWords.ts'

export function caseLinkText(detail: CaseDetail): string {
  const line = detail.resolution
    ? t('cases:header.linkTextResolved', {
        orderId: detail.orderId,
        status: STATUS_LABELS[detail.status],
        resolution: RESOLUTION_LABELS[detail.resolution.code],
      })
    : t('cases:header.linkText', { orderId: detail.orderId, status: STATUS_LABELS[detail.status] })
  return `${line}\n${porchlightLink({ kind: 'case', caseId: detail.id })}`
}
