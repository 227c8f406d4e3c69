// The words agents see for the service's codes. Keep them plain: they are read aloud to customers.
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'

type WithheldReason = NonNullable<DeliveryDetail['photoWithheld']>
type DropOffSpot = DeliveryDetail['dropOff']['spot']
type DeliveryStatus = DeliveryDetail['status']

const WITHHELD_REASONS: Record<WithheldReason, string> = {
  customer_opted_out: 'The customer opted out of delivery photos.',
  confidential_address: 'This is a confidential address; photos are not kept.',
  gift_or_registry: 'Gift or registry order: photos are withheld to protect the surprise.',
}

export function withheldReasonText(reason: WithheldReason): string {
  return WITHHELD_REASONS[reason] ?? 'Photos of this delivery are withheld.'
}

const DROP_OFF_SPOTS: Record<DropOffSpot, string> = {
  front_door: 'At the front door',
  back_door: 'At the back door',
  porch: 'On the porch',
  garage: 'In or by the garage',
  mailroom: 'In the mailroom',
  leasing_office: 'At the leasing office',
  locker: 'In a parcel locker',
  neighbor: 'With a neighbour',
  other: 'Somewhere else (see the driver’s note)',
}

export function dropOffSpotText(spot: DropOffSpot): string {
  return DROP_OFF_SPOTS[spot] ?? 'Not recorded'
}

const STATUSES: Record<DeliveryStatus, string> = {
  delivered: 'Delivered',
  attempted: 'Delivery attempted',
  returned: 'Returned to sender',
}

export function deliveryStatusText(status: DeliveryStatus): string {
  return STATUSES[status] ?? status
}
