// What "Copy link" on a delivery puts on the clipboard: a line a ticket's reader understands,
// then the porchlight:// link that opens the delivery in Porchlight.
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { porchlightLink } from '../../electron/core/api/link-schemas.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { deliveryStatusText } from './labels.ts'

export function deliveryLinkText(delivery: DeliveryDetail): string {
  const summary = t('delivery:header.linkSummary', {
    orderId: delivery.orderId,
    status: deliveryStatusText(delivery.status),
    tracking: delivery.trackingNumber,
  })
  return `${summary}\n${porchlightLink({ kind: 'delivery', key: delivery.orderId })}`
}
