// A point in time on screen, always with the zone it is read in. Where the question is "when was
// it left" it is the delivery's local time (as the photo's stamp and the driver's handset say it),
// with the agent's own time in the tooltip; everywhere else it is the agent's own time.
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatDateTimeLong } from '../../electron/core/api/display-format.ts'

/** The delivery's local time, "Oct 13, 2026, 9:45 AM PDT"; the agent's own in the tooltip. */
export function DeliveryTime({ iso, timeZone }: { iso: string; timeZone: string | null }) {
  const { t } = useTranslation('app')
  const time = formatDateTimeLong(iso)
  const title = timeZone ? t('time.deliveryLocal', { time }) : t('time.deliveryNoZone', { time })
  return (
    <time dateTime={iso} title={title}>
      {formatDateTime(iso, { timeZone })}
    </time>
  )
}

/** The agent's own time, "Oct 14, 2026, 11:03 AM CET"; written out in full in the tooltip. */
export function YourTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTimeLong(iso)}>
      {formatDateTime(iso)}
    </time>
  )
}
