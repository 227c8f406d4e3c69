// The words agents see for a delivery's codes, read aloud to customers: the one vocabulary the
// exports and the PDF use too.
export {
  deliveryStatusText,
  dropOffSpotText,
  withheldReasonText,
} from '../../electron/core/api/display-words.ts'
